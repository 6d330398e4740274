import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/evals/index.js';
import { builtInLexicons } from '../../../src/guard/lexicon/languages.js';
import type { Lexicon, LexiconCategory } from '../../../src/guard/lexicon/lexicon.js';
import { lexiconCategories } from '../../../src/guard/lexicon/lexicon.js';
import { type LexiconHit, LexiconMatcher, tokenizeWithOffsets } from '../../../src/guard/lexicon/lexicon-matcher.js';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';

/**
 * The matcher's spaced-script semantics written the plain way: every phrase tried on its own at
 * every token, each `…` skipping 0 to 3 words, shortest first; at most 8 hits per phrase; the hits
 * of one start ordered exact first words first, then by prefix length. The trie must agree.
 */
type Step = { gap: true } | { gap: false; word: string; prefix: boolean };
interface Phrase {
  language: string;
  category: LexiconCategory;
  phrase: string;
  steps: Step[];
  rank: number;
}

function compile(phrase: string): Step[] {
  const steps: Step[] = [];
  phrase.split('…').forEach((part, index) => {
    if (index > 0) steps.push({ gap: true });
    for (const raw of part.trim().split(/\s+/)) {
      if (!raw) continue;
      const prefix = raw.endsWith('*');
      const words = tokenizeWithOffsets(normalizeText(prefix ? raw.slice(0, -1) : raw)).tokens;
      words.forEach((token, at) => {
        steps.push({ gap: false, word: token.word, prefix: prefix && at === words.length - 1 });
      });
    }
  });
  while (steps[0]?.gap) steps.shift();
  while (steps.at(-1)?.gap) steps.pop();
  return steps;
}

function matchFrom(steps: Step[], index: number, words: string[], position: number): number {
  const step = steps[index]!;
  if (step.gap) {
    for (let skip = 0; skip <= 3; skip++) {
      const found = matchFrom(steps, index + 1, words, position + skip);
      if (found >= 0) return found;
    }
    return -1;
  }
  const word = words[position];
  if (word === undefined || !(step.prefix ? word.startsWith(step.word) : word === step.word)) return -1;
  return index === steps.length - 1 ? position : matchFrom(steps, index + 1, words, position + 1);
}

function referenceMatcher(lexicons: readonly Lexicon[]): (text: string) => LexiconHit[] {
  const phrases: Phrase[] = [];
  for (const lexicon of lexicons) {
    if (lexicon.script === 'unspaced') continue;
    for (const category of lexiconCategories) {
      for (const phrase of lexicon[category] ?? []) {
        const steps = compile(phrase);
        const first = steps[0];
        if (!first || first.gap) continue;
        const rank = (first.prefix ? first.word.length : 0) * 1e6 + phrases.length;
        phrases.push({ language: lexicon.language, category, phrase, steps, rank });
      }
    }
  }
  const ordered = [...phrases].sort((a, b) => a.rank - b.rank);
  return (text) => {
    const { tokens } = tokenizeWithOffsets(normalizeText(text));
    const words = tokens.map((token) => token.word);
    const counts = new Map<Phrase, number>();
    const hits: LexiconHit[] = [];
    for (let position = 0; position < words.length; position++) {
      for (const phrase of ordered) {
        if ((counts.get(phrase) ?? 0) >= 8) continue;
        const last = matchFrom(phrase.steps, 0, words, position);
        if (last < 0) continue;
        counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
        const { language, category } = phrase;
        hits.push({
          language,
          category,
          phrase: phrase.phrase,
          start: tokens[position]!.start,
          end: tokens[last]!.end,
          firstToken: position,
          lastToken: last,
        });
      }
    }
    return hits;
  };
}

/** An unspaced phrase's first occurrence, found with `indexOf` phrase by phrase, in lexicon order. */
function referenceUnspaced(lexicons: readonly Lexicon[]): (text: string) => LexiconHit[] {
  const phrases = lexicons
    .filter((lexicon) => lexicon.script === 'unspaced')
    .flatMap((lexicon) =>
      lexiconCategories.flatMap((category) =>
        (lexicon[category] ?? []).map((phrase) => ({
          language: lexicon.language,
          category,
          phrase,
          segments: phrase
            .split('…')
            .map((part) => normalizeText(part.replace(/\*/g, '')).replace(/\s+/g, ''))
            .filter(Boolean),
        })),
      ),
    )
    .filter((phrase) => phrase.segments.length > 0);
  const rest = (text: string, segments: string[], from: number): number => {
    if (segments.length === 0) return from;
    for (let skip = 0; skip <= 6; skip++) {
      if (!text.startsWith(segments[0]!, from + skip)) continue;
      const end = rest(text, segments.slice(1), from + skip + segments[0]!.length);
      if (end >= 0) return end;
    }
    return -1;
  };
  return (raw) => {
    const text = normalizeText(raw);
    if (!/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}]/u.test(text)) return [];
    const hits: LexiconHit[] = [];
    for (const { segments, ...fields } of phrases) {
      for (let from = text.indexOf(segments[0]!); from >= 0; from = text.indexOf(segments[0]!, from + 1)) {
        const end = rest(text, segments.slice(1), from + segments[0]!.length);
        if (end < 0) continue;
        hits.push({ ...fields, start: from, end, firstToken: -1, lastToken: -1 });
        break;
      }
    }
    return hits;
  };
}

const spacedLexicons = builtInLexicons.filter((lexicon) => lexicon.script !== 'unspaced');
const matcher = new LexiconMatcher(spacedLexicons);
const reference = referenceMatcher(spacedLexicons);
const unspacedMatcher = new LexiconMatcher(builtInLexicons.filter((lexicon) => lexicon.script === 'unspaced'));
const unspacedReference = referenceUnspaced(builtInLexicons);
const trie = (text: string) => matcher.match(tokenizeWithOffsets(normalizeText(text)));

/** Every user message of the project's own suites (never the held-out ones), read as the eval CLI reads them. */
const suitesFolder = resolve(import.meta.dirname, '../../../evals/suites');
const suiteFiles = readdirSync(suitesFolder)
  .filter((name) => name.endsWith('.jsonl') && name !== 'store-scope.jsonl')
  .map((name) => resolve(suitesFolder, name));
const suiteTexts = (await loadDataset(suiteFiles)).cases.flatMap((testCase) =>
  testCase.messages.filter((message) => message.role === 'user').map((message) => message.content),
);

describe('LexiconMatcher against the plain per-phrase matcher, built-in lexicons', () => {
  it('finds the same hits in the same order in the user messages of the suites', () => {
    // Every fifth message: the plain matcher takes ~5 ms a message.
    const texts = suiteTexts.filter((_, index) => index % 5 === 0);
    expect(texts.length).toBeGreaterThan(500);
    let withHits = 0;
    for (const text of texts) {
      const found = trie(text);
      if (found.length > 0) withHits++;
      expect(found, text).toEqual(reference(text));
    }
    expect(withHits).toBeGreaterThan(texts.length / 4);
  });

  it('finds the same first occurrence of each unspaced phrase, in lexicon order', () => {
    const texts = suiteTexts.filter((text) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Thai}]/u.test(text));
    expect(texts.length).toBeGreaterThan(50);
    let withHits = 0;
    for (const text of [...texts, texts.join(' '), texts.join('')]) {
      const found = unspacedMatcher.match(tokenizeWithOffsets(normalizeText(text)));
      if (found.length > 0) withHits++;
      expect(found, text).toEqual(unspacedReference(text));
    }
    expect(withHits).toBeGreaterThan(texts.length / 4);
  });

  it('agrees on texts made of lexicon words, gaps and repetitions', () => {
    const vocabulary = [
      ...new Set(
        spacedLexicons.flatMap((lexicon) =>
          lexiconCategories
            .flatMap((category) => (lexicon[category] ?? []).slice(0, 15))
            .flatMap((p) => p.split(/\s+/)),
        ),
      ),
    ]
      .map((word) => word.replace(/[*…]/g, ''))
      .filter(Boolean);
    const words = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom('the', 'me', 'to', 'x')), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(words, (list) => {
        const text = list.join(' ');
        expect(trie(text)).toEqual(reference(text));
      }),
      { numRuns: 300 },
    );
  });
});
