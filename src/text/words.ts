/**
 * What becomes of the apostrophes inside a word (those at its ends are always trimmed):
 * - `keep`: they stay ("don't", "rock'n'roll", "j'ai");
 * - `cut`: the word ends at the first one ("don't" -> "don", "customer's" -> "customer"), for word lists
 *   that hold bare words;
 * - `split`: each one ends a word ("don't" -> "don", "t"; "d'équipe" -> "d", "équipe"), the runs of
 *   letters and digits alone.
 */
export type WordApostrophes = 'keep' | 'cut' | 'split';

/** How {@link words} splits a text. */
export interface WordOptions {
  /**
   * What becomes of the apostrophes inside a word.
   * @default 'keep'
   */
  readonly apostrophes?: WordApostrophes;
  /**
   * Whether combining marks (`\p{M}`: Devanagari and Thai vowel signs, accents of decomposed text) belong
   * to the word they follow. When false a mark ends a word, as the guard's trained features expect.
   * @default true
   */
  readonly marks?: boolean;
}

/**
 * Word runs: letters, digits and apostrophes, with or without combining marks. A character class repeated
 * and nothing after it, so each match is found in one pass (no backtracking whatever the text).
 */
const runWithMarks = /[\p{L}\p{M}\p{N}']+/gu;
const runWithoutMarks = /[\p{L}\p{N}']+/gu;

/** The patterns words are split with, for the ReDoS checks of the guard's patterns (`test/guard/redos-static.test.ts`). */
export const wordPatterns: readonly RegExp[] = [runWithMarks, runWithoutMarks];

/**
 * Splits text into words: runs of letters, digits (any script) and combining marks, with the apostrophes
 * inside a word (U+0027 only: map typographic ones first) treated as `options.apostrophes` says and those
 * at its ends trimmed. Keeps the case and the characters it is given; linear in the length of the text,
 * runs of apostrophes included.
 *
 * @example words("Don't 'quote' me, 3 times!") // ["Don't", 'quote', 'me', '3', 'times']
 * @example words("the customer's order", { apostrophes: 'cut' }) // ['the', 'customer', 'order']
 * @example words('नमस्ते दोस्त') // ['नमस्ते', 'दोस्त'] (with `marks: false`: ['नमस', 'त', 'द', 'स', 'त'])
 */
export function words(text: string, options: WordOptions = {}): string[] {
  const { apostrophes = 'keep', marks = true } = options;
  const runs = text.match(marks ? runWithMarks : runWithoutMarks) ?? [];
  const found: string[] = [];
  for (const run of runs) {
    const start = trimStart(run, 0, run.length);
    const end = trimEnd(run, start, run.length);
    if (end === start) continue;
    const word = start === 0 && end === run.length ? run : run.slice(start, end);
    if (apostrophes === 'keep') found.push(word);
    else if (apostrophes === 'cut') found.push(cutAtApostrophe(word));
    else pushParts(found, word);
  }
  return found;
}

/** Where a run from `start` to `end` begins without its leading apostrophes. A loop: linear on a run of them. */
function trimStart(text: string, start: number, end: number): number {
  let from = start;
  while (from < end && text[from] === "'") from++;
  return from;
}

/** Where a run from `start` to `end` ends without its trailing apostrophes; a loop, as `/'+$/` is quadratic. */
function trimEnd(text: string, start: number, end: number): number {
  let to = end;
  while (to > start && text[to - 1] === "'") to--;
  return to;
}

/** The word up to its first apostrophe. */
function cutAtApostrophe(word: string): string {
  const apostrophe = word.indexOf("'");
  return apostrophe < 0 ? word : word.slice(0, apostrophe);
}

/** Pushes the parts of a trimmed word between its apostrophes, skipping the empty ones of a run of them. */
function pushParts(found: string[], word: string): void {
  let start = 0;
  for (let index = word.indexOf("'"); index >= 0; index = word.indexOf("'", start)) {
    if (index > start) found.push(word.slice(start, index));
    start = index + 1;
  }
  found.push(word.slice(start));
}

/**
 * {@link words} cut at their first apostrophe, for word lists that hold bare words: "don't" -> "don",
 * "customer's" -> "customer".
 */
export function bareWords(text: string, options: Omit<WordOptions, 'apostrophes'> = {}): string[] {
  return words(text, { ...options, apostrophes: 'cut' });
}

/** A word of a text and where it stands: `text.slice(start, end) === word`. */
export interface WordSpan {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/**
 * {@link words} (apostrophes kept) with their offsets in `text`, for matchers that quote or map back what
 * they matched.
 *
 * @example wordSpans("it's 'here'") // [{ word: "it's", start: 0, end: 4 }, { word: 'here', start: 6, end: 10 }]
 */
export function wordSpans(text: string, options: Pick<WordOptions, 'marks'> = {}): WordSpan[] {
  const { marks = true } = options;
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(marks ? runWithMarks : runWithoutMarks)) {
    const start = trimStart(text, match.index, match.index + match[0].length);
    const end = trimEnd(text, start, match.index + match[0].length);
    if (end > start) spans.push({ word: text.slice(start, end), start, end });
  }
  return spans;
}
