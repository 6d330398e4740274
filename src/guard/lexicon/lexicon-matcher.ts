import { guardPattern } from '../text/guard-pattern.js';
import { normalizeText } from '../text/normalize-text.js';
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
  /** Position in the matcher's entries, for counting its occurrences in one text. */
  id: number;
  language: string;
  category: LexiconCategory;
  phrase: string;
  steps: Step[];
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
/** Longest word prefix looked up in the prefix index. */
const longestPrefix = 24;
/**
 * Occurrences of one phrase reported per text. A message names a thing a few times at most; a
 * text that repeats a word thousands of times gets the first ones, and its cost stays linear.
 */
const occurrencesPerPhrase = 8;

const tokenPattern = guardPattern(/[\p{L}\p{M}\p{N}']+/gu);
const unspacedScript = guardPattern(
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}]/u,
);

/** Cuts a normalized text into tokens (letters, marks, digits, inner apostrophes) with offsets. */
export function tokenizeWithOffsets(text: string): TokenizedText {
  const tokens: { word: string; start: number; end: number }[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    let start = match.index;
    let end = start + match[0].length;
    while (start < end && text[start] === "'") start++;
    while (end > start && text[end - 1] === "'") end--;
    if (end > start) tokens.push({ word: text.slice(start, end), start, end });
  }
  return { text, tokens };
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
 * All lexicons compiled into one index: spaced phrases by their first word (exact or prefix),
 * unspaced phrases as character runs. `match` walks the tokens once; each phrase is tried only
 * where its first word stands, with bounded gaps, so the cost is linear in the text.
 */
export class LexiconMatcher {
  private readonly exact = new Map<string, SpacedEntry[]>();
  private readonly prefixed = new Map<string, SpacedEntry[]>();
  private readonly unspaced: UnspacedEntry[] = [];
  /** The lengths of the prefix words there are, shortest first: only those are looked up. */
  private readonly prefixLengths: number[];
  private entries = 0;

  constructor(lexicons: readonly Lexicon[]) {
    for (const lexicon of lexicons) {
      for (const category of lexiconCategories) {
        for (const phrase of lexicon[category] ?? []) this.add(lexicon, category, phrase);
      }
    }
    const lengths = new Set([...this.prefixed.keys()].map((prefix) => prefix.length));
    this.prefixLengths = [...lengths].filter((length) => length <= longestPrefix).sort((a, b) => a - b);
  }

  private add(lexicon: Lexicon, category: LexiconCategory, phrase: string): void {
    const { language } = lexicon;
    if (lexicon.script === 'unspaced') {
      const segments = compileUnspaced(phrase);
      if (segments.length > 0) this.unspaced.push({ id: this.entries++, language, category, phrase, segments });
      return;
    }
    const steps = compileSpaced(phrase);
    const first = steps[0];
    if (first?.kind !== 'word') return;
    const index = first.prefix ? this.prefixed : this.exact;
    const entries = index.get(first.word) ?? [];
    entries.push({ id: this.entries++, language, category, phrase, steps });
    index.set(first.word, entries);
  }

  /** Every phrase of every lexicon found in the tokenized text. */
  match(input: TokenizedText): LexiconHit[] {
    const hits: LexiconHit[] = [];
    const { tokens } = input;
    const counts = new Uint8Array(this.entries);
    for (let position = 0; position < tokens.length; position++) {
      const word = tokens[position]!.word;
      for (const entry of this.exact.get(word) ?? []) {
        if (counts[entry.id]! < occurrencesPerPhrase && this.trySpaced(entry, input, position, hits))
          counts[entry.id]!++;
      }
      for (const length of this.prefixLengths) {
        if (length > word.length) break;
        const entries = this.prefixed.get(word.slice(0, length));
        if (!entries) continue;
        for (const entry of entries) {
          if (counts[entry.id]! < occurrencesPerPhrase && this.trySpaced(entry, input, position, hits)) {
            counts[entry.id]!++;
          }
        }
      }
    }
    if (this.unspaced.length > 0 && unspacedScript.test(input.text)) this.matchUnspaced(input.text, hits);
    return hits;
  }

  /** Adds the entry's hit at `position` when it matches there; says whether it did. */
  private trySpaced(entry: SpacedEntry, input: TokenizedText, position: number, hits: LexiconHit[]): boolean {
    const last = matchSteps(entry.steps, 0, input.tokens, position);
    if (last < 0) return false;
    hits.push({
      language: entry.language,
      category: entry.category,
      phrase: entry.phrase,
      start: input.tokens[position]!.start,
      end: input.tokens[last]!.end,
      firstToken: position,
      lastToken: last,
    });
    return true;
  }

  private matchUnspaced(text: string, hits: LexiconHit[]): void {
    for (const entry of this.unspaced) {
      const [head, ...rest] = entry.segments;
      let from = text.indexOf(head!);
      while (from >= 0) {
        const end = matchSegments(text, rest, from + head!.length);
        if (end >= 0) {
          hits.push({ ...entryFields(entry), start: from, end, firstToken: -1, lastToken: -1 });
          break;
        }
        from = text.indexOf(head!, from + 1);
      }
    }
  }
}

function entryFields(entry: UnspacedEntry): Pick<LexiconHit, 'language' | 'category' | 'phrase'> {
  return { language: entry.language, category: entry.category, phrase: entry.phrase };
}

function wordMatches(step: WordStep, word: string): boolean {
  return step.prefix ? word.startsWith(step.word) : word === step.word;
}

/** Index of the last token matched by `steps[stepIndex..]` starting at `position`, or -1. */
function matchSteps(
  steps: readonly Step[],
  stepIndex: number,
  tokens: TokenizedText['tokens'],
  position: number,
): number {
  const step = steps[stepIndex]!;
  if (step.kind === 'gap') {
    for (let skip = 0; skip <= gapWords; skip++) {
      const found = matchSteps(steps, stepIndex + 1, tokens, position + skip);
      if (found >= 0) return found;
    }
    return -1;
  }
  const token = tokens[position];
  if (!token || !wordMatches(step, token.word)) return -1;
  return stepIndex === steps.length - 1 ? position : matchSteps(steps, stepIndex + 1, tokens, position + 1);
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
