import { boundedMemo } from './bounded-memo.js';
import { tokenize } from './tokenize.js';

// Three rows of the distance table, reused by every call (grown on demand): no allocation per pair.
let before = new Int32Array(32);
let previous = new Int32Array(32);
let current = new Int32Array(32);

/** Damerau-Levenshtein (optimal string alignment) distance, or `limit + 1` for anything farther (stopping early). */
export function editDistance(left: string, right: string, limit = 2): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  const columns = right.length + 1;
  if (columns > current.length) {
    before = new Int32Array(columns * 2);
    previous = new Int32Array(columns * 2);
    current = new Int32Array(columns * 2);
  }
  for (let column = 0; column < columns; column++) current[column] = column;
  for (let row = 1; row <= left.length; row++) {
    const oldest = before;
    before = previous;
    previous = current;
    current = oldest;
    current[0] = row;
    let rowMinimum = row;
    const letter = left.charCodeAt(row - 1);
    for (let column = 1; column < columns; column++) {
      const cost = letter === right.charCodeAt(column - 1) ? 0 : 1;
      let value = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
      if (
        row > 1 &&
        column > 1 &&
        letter === right.charCodeAt(column - 2) &&
        left.charCodeAt(row - 2) === right.charCodeAt(column - 1)
      ) {
        value = Math.min(value, before[column - 2]! + 1);
      }
      current[column] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
  }
  return Math.min(current[columns - 1]!, limit + 1);
}

/**
 * The letters of a word as bits, by character code modulo 32 (so `a`-`z` each have a bit of their
 * own). Two words whose masks differ in `n` bits one way are at least `n` edits apart.
 */
function letterMask(word: string): number {
  let mask = 0;
  for (let index = 0; index < word.length; index++) mask |= 1 << (word.charCodeAt(index) & 31);
  return mask;
}

/** Bits set in a 32-bit number. */
function bitCount(value: number): number {
  let bits = value - ((value >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const inflections = new Set(['s', 'es', 'd', 'ed', 'ing', 'r', 'er', 'ers', 'ment', 'ments', 'ly', "'s"]);

/** True when `word` is `base` plus an inflectional ending ("charged" of "charge"). */
export function isInflection(word: string, base: string): boolean {
  return word.length > base.length && word.startsWith(base) && inflections.has(word.slice(base.length));
}

/**
 * True when one word is the other with two or more letters more at the end: a derived word
 * ("withdraw" of "withdrawal", "accountant" of "account"), not a typo, which drops or doubles one.
 */
export function isDerivation(word: string, base: string): boolean {
  const [shorter, longer] = word.length < base.length ? [word, base] : [base, word];
  return longer.length - shorter.length >= 2 && longer.startsWith(shorter);
}

/**
 * The key `token` is a typo of (the nearest within one edit, two for keys of eight letters or
 * more), or `token` itself: also when it is an inflection or derivation of a key.
 */
function nearestKey(token: string, keyMasks: ReadonlyMap<string, number>): string {
  let result = token;
  let best = Number.POSITIVE_INFINITY;
  const mask = letterMask(token);
  for (const [key, keyMask] of keyMasks) {
    // Inflections and derivations of a key word are words, not typos ("charged"/"charge", "withdraw"/"withdrawal").
    if (isInflection(token, key) || isInflection(key, token) || isDerivation(token, key)) return token;
    const limit = key.length >= 8 ? 2 : 1;
    if (Math.abs(key.length - token.length) > limit) continue;
    // Four-letter words only forgive small edits of short key words ("tlak", "huma").
    if (token.length === 4 && key.length > 5) continue;
    // Each letter one word has and the other lacks takes an edit of its own: most keys end here.
    if (bitCount(mask & ~keyMask) > limit || bitCount(keyMask & ~mask) > limit) continue;
    const distance = editDistance(token, key, limit);
    if (distance <= limit && distance < best) {
      best = distance;
      result = key;
    }
  }
  return result;
}

/**
 * Builds a corrector that rewrites misspelled key words ("agnet", "costumer", "somenoe", "huma")
 * to their canonical spelling, so hand-written patterns need not list every typo. A token is
 * corrected to the nearest key word within one edit (two for key words of 8+ letters) unless it
 * is itself a known word listed in `knownWords` or an inflection of a key word.
 */
export function createTypoCorrector(
  keyWords: readonly string[],
  knownWords: readonly string[] = [],
): (normalized: string) => string {
  const keys = new Set(keyWords);
  const keyMasks = new Map([...keys].map((key) => [key, letterMask(key)]));
  const known = new Set(knownWords);
  const corrected = boundedMemo((token: string) => nearestKey(token, keyMasks), 5000);
  const correctToken = (token: string): string =>
    token.length < 4 || keys.has(token) || known.has(token) ? token : corrected(token);
  return (normalized: string) => {
    const tokens = tokenize(normalized);
    if (tokens.every((token) => correctToken(token) === token)) return normalized;
    return normalized.replace(/[\p{L}\p{N}']+/gu, (token) => correctToken(token));
  };
}
