import { wordSpans } from '../../text/words.js';
import { guardPattern } from '../text/guard-pattern.js';
import { normalizeText } from '../text/normalize-text.js';
import { StartIndex } from '../text/start-index.js';
import { type Lexicon, type LexiconCategory, lexiconCategories } from './lexicon.js';

export { type LexiconCategory, lexiconCategories } from './lexicon.js';

/** One phrase of one lexicon found in a normalized text. */
export interface LexiconHit {
  language: string;
  category: LexiconCategory;
  /** The phrase as the lexicon writes it. */
  phrase: string;
  /** Character offsets of the match in the normalized text. */
  start: number;
  end: number;
  /** Index of the first and last token matched (spaced scripts), or -1 (unspaced scripts). */
  firstToken: number;
  lastToken: number;
}

/** A normalized text cut into word tokens with their offsets. */
export interface TokenizedText {
  text: string;
  tokens: readonly { word: string; start: number; end: number }[];
}

interface WordStep {
  kind: 'word';
  word: string;
  prefix: boolean;
}
interface GapStep {
  kind: 'gap';
}
type Step = WordStep | GapStep;

interface SpacedEntry {
  /**
   * Where its hits come among the hits that start on one token: entries of an exact first word
   * first, then by the length of a prefix first word, each in the order they were added.
   */
  rank: number;
  language: string;
  category: LexiconCategory;
  phrase: string;
}

/**
 * A node of the phrase trie: what may follow the steps that lead to it. Phrases that share their
 * first words share a path, so a word is looked up once for all of them. Every node has the same
 * fields (one hidden class), and most nodes, which one phrase passes through, hold their one next
 * word in `word`/`next` instead of a map: the built-in lexicons' 34,000 phrases make 55,000 nodes.
 */
class TrieNode {
  /** The one next step as an exact word, while the node has only one. */
  word: string | undefined = undefined;
  next: TrieNode | undefined = undefined;
  /** The next steps as exact words, once there are two or more. */
  words: Map<string, TrieNode> | undefined = undefined;
  /** The next step as a word prefix (`serv*`), with the lengths there are, shortest first. */
  prefixes: Map<string, TrieNode> | undefined = undefined;
  prefixLengths: number[] | undefined = undefined;
  /** The next step as a gap of up to {@link gapWords} words. */
  gap: TrieNode | undefined = undefined;
  /** The phrases whose last step leads here. */
  ends: SpacedEntry[] | undefined = undefined;

  /** The child for the exact word `word`, if any. */
  child(word: string): TrieNode | undefined {
    return this.word === word ? this.next : this.words?.get(word);
  }

  /** The child for `step`, made when missing. */
  childFor(step: Step): TrieNode {
    if (step.kind === 'gap') {
      this.gap ??= new TrieNode();
      return this.gap;
    }
    if (step.prefix) return this.prefixChild(step.word);
    const found = this.child(step.word);
    if (found) return found;
    const made = new TrieNode();
    if (this.next === undefined && this.words === undefined) {
      this.word = step.word;
      this.next = made;
    } else {
      this.words ??= new Map([[this.word!, this.next!]]);
      this.word = undefined;
      this.next = undefined;
      this.words.set(step.word, made);
    }
    return made;
  }

  private prefixChild(prefix: string): TrieNode {
    this.prefixes ??= new Map();
    let child = this.prefixes.get(prefix);
    if (!child) {
      child = new TrieNode();
      this.prefixes.set(prefix, child);
      this.prefixLengths = [...new Set([...(this.prefixLengths ?? []), prefix.length])].sort((x, y) => x - y);
    }
    return child;
  }
}

interface UnspacedEntry {
  id: number;
  language: string;
  category: LexiconCategory;
  phrase: string;
  segments: string[];
}

/** Most words a `…` skips in a spaced script, most characters in an unspaced one. */
const gapWords = 3;
const gapCharacters = 6;
/**
 * Occurrences of one phrase reported per text. A message names a thing a few times at most; a
 * text that repeats a word thousands of times gets the first ones, and its cost stays linear.
 */
const occurrencesPerPhrase = 8;

const unspacedScript = guardPattern(
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}]/u,
);

/** Cuts a normalized text into tokens (letters, marks, digits, inner apostrophes) with offsets. */
export function tokenizeWithOffsets(text: string): TokenizedText {
  return { text, tokens: wordSpans(text) };
}

function compileSpaced(phrase: string): Step[] {
  const steps: Step[] = [];
  phrase.split('…').forEach((part, index) => {
    if (index > 0) steps.push({ kind: 'gap' });
    for (const raw of part.trim().split(/\s+/)) {
      if (raw.length === 0) continue;
      const prefix = raw.endsWith('*');
      const words = tokenizeWithOffsets(normalizeText(prefix ? raw.slice(0, -1) : raw)).tokens;
      words.forEach((token, position) => {
        steps.push({ kind: 'word', word: token.word, prefix: prefix && position === words.length - 1 });
      });
    }
  });
  while (steps[0]?.kind === 'gap') steps.shift();
  while (steps.at(-1)?.kind === 'gap') steps.pop();
  return steps;
}

function compileUnspaced(phrase: string): string[] {
  return phrase
    .split('…')
    .map((part) => normalizeText(part.replace(/\*/g, '')).replace(/\s+/g, ''))
    .filter((segment) => segment.length > 0);
}

/**
 * All lexicons compiled into one index: spaced phrases as a trie of their steps (exact words, word
 * prefixes, gaps), unspaced phrases as character runs. `match` walks the tokens once and, from each
 * token, only the trie paths its words open, with bounded gaps: phrases that share first words are
 * tried together, so the cost is linear in the text and does not grow with the phrases one word starts.
 */
export class LexiconMatcher {
  private readonly root = new TrieNode();
  /** Unspaced phrases by the start of their first segment. */
  private readonly unspaced: StartIndex<UnspacedEntry>;
  private entries = 0;

  constructor(lexicons: readonly Lexicon[]) {
    const unspaced: UnspacedEntry[] = [];
    for (const lexicon of lexicons) {
      for (const category of lexiconCategories) {
        for (const phrase of lexicon[category] ?? []) this.add(lexicon, category, phrase, unspaced);
      }
    }
    this.unspaced = new StartIndex(unspaced.map((entry) => [entry.segments[0]!, entry] as const));
  }

  /** Adds a spaced phrase to the trie, or an unspaced one to `unspaced`. */
  private add(lexicon: Lexicon, category: LexiconCategory, phrase: string, unspaced: UnspacedEntry[]): void {
    const { language } = lexicon;
    const id = this.entries;
    if (lexicon.script === 'unspaced') {
      const segments = compileUnspaced(phrase);
      if (segments.length === 0) return;
      unspaced.push({ id, language, category, phrase, segments });
      this.entries++;
      return;
    }
    const steps = compileSpaced(phrase);
    const first = steps[0];
    if (first?.kind !== 'word') return;
    const rank = (first.prefix ? first.word.length : 0) * 2 ** 24 + id;
    const end = steps.reduce((node, step) => node.childFor(step), this.root);
    // Most nodes end one phrase: an array literal holds exactly its entries, where `push` onto an
    // empty array would reserve 17 slots (about 150 bytes more for each of 34,000 phrases).
    const entry: SpacedEntry = { rank, language, category, phrase };
    end.ends = end.ends ? [...end.ends, entry] : [entry];
    this.entries++;
  }

  /** Every phrase of every lexicon found in the tokenized text. */
  match(input: TokenizedText): LexiconHit[] {
    const hits: LexiconHit[] = [];
    const walk: TrieWalk = {
      tokens: input.tokens,
      found: [],
      counts: new Map(),
    };
    for (let position = 0; position < input.tokens.length; position++) {
      walk.found.length = 0;
      visitWords(this.root, walk, position);
      if (walk.found.length > 1) walk.found.sort((a, b) => a.entry.rank - b.entry.rank);
      for (const { entry, last } of walk.found) hits.push(spacedHit(entry, input.tokens, position, last));
    }
    if (!this.unspaced.empty && unspacedScript.test(input.text)) this.matchUnspaced(input.text, hits);
    return hits;
  }

  /**
   * The first occurrence of each unspaced phrase, in the order the phrases were added: one pass over
   * the text, trying at each character only the phrases whose first segment starts with it.
   */
  private matchUnspaced(text: string, hits: LexiconHit[]): void {
    const found: { entry: UnspacedEntry; start: number; end: number }[] = [];
    const done = new Set<UnspacedEntry>();
    for (let start = 0; start < text.length; start++) {
      this.unspaced.forEachAt(text, start, (entry, head) => {
        if (done.has(entry)) return;
        const end = matchSegments(text, entry.segments, start + head.length, 1);
        if (end < 0) return;
        done.add(entry);
        found.push({ entry, start, end });
      });
    }
    found.sort((a, b) => a.entry.id - b.entry.id);
    for (const { entry, start, end } of found) {
      hits.push({ ...entryFields(entry), start, end, firstToken: -1, lastToken: -1 });
    }
  }
}

/** The state of one walk of the trie over a text's tokens. */
interface TrieWalk {
  tokens: TokenizedText['tokens'];
  /** The phrases found from the token the walk starts on, each once, with the last token it matched. */
  found: { entry: SpacedEntry; last: number }[];
  /** Occurrences reported per phrase, up to {@link occurrencesPerPhrase} (only the phrases found). */
  counts: Map<SpacedEntry, number>;
}

/**
 * Follows `node`'s children from the token at `position`: the phrases ending at `node` are found
 * (their last token is the one before `position`), a gap tries each skip, shortest first, and a
 * word goes on to the child of that exact word and of each prefix of it. The first way a phrase
 * is found is the one with the shortest gaps, left to right.
 */
function visitWords(node: TrieNode, walk: TrieWalk, position: number): void {
  if (node.ends) for (const entry of node.ends) reach(entry, walk, position - 1);
  if (node.gap) for (let skip = 0; skip <= gapWords; skip++) visitWords(node.gap, walk, position + skip);
  const word = walk.tokens[position]?.word;
  if (word === undefined) return;
  const child = node.child(word);
  if (child) visitWords(child, walk, position + 1);
  if (!node.prefixes || !node.prefixLengths) return;
  for (const length of node.prefixLengths) {
    if (length > word.length) break;
    const prefixed = node.prefixes.get(word.slice(0, length));
    if (prefixed) visitWords(prefixed, walk, position + 1);
  }
}

/** Records a phrase found from the walk's start, unless found from there already or too often. */
function reach(entry: SpacedEntry, walk: TrieWalk, last: number): void {
  const count = walk.counts.get(entry) ?? 0;
  if (count >= occurrencesPerPhrase || walk.found.some((found) => found.entry === entry)) return;
  walk.counts.set(entry, count + 1);
  walk.found.push({ entry, last });
}

function spacedHit(entry: SpacedEntry, tokens: TokenizedText['tokens'], first: number, last: number): LexiconHit {
  return {
    language: entry.language,
    category: entry.category,
    phrase: entry.phrase,
    start: tokens[first]!.start,
    end: tokens[last]!.end,
    firstToken: first,
    lastToken: last,
  };
}

function entryFields(entry: UnspacedEntry): Pick<LexiconHit, 'language' | 'category' | 'phrase'> {
  return { language: entry.language, category: entry.category, phrase: entry.phrase };
}

/**
 * End offset of `segments` matched in order from `from`, each starting within a gap of the end of
 * the one before, or -1. Every start within the gap is tried (phrases have few segments and the
 * gap is a few characters, so the search stays bounded).
 */
function matchSegments(text: string, segments: readonly string[], from: number, index = 0): number {
  if (index === segments.length) return from;
  const segment = segments[index]!;
  for (let skip = 0; skip <= gapCharacters; skip++) {
    if (!text.startsWith(segment, from + skip)) continue;
    const end = matchSegments(text, segments, from + skip + segment.length, index + 1);
    if (end >= 0) return end;
  }
  return -1;
}
