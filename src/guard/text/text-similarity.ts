import { contentTokens } from './tokenize.js';

function trigrams(tokens: string[]): Set<string> {
  const grams = new Set<string>();
  for (const token of tokens) {
    const padded = ` ${token} `;
    for (let start = 0; start + 3 <= padded.length; start++) grams.add(padded.slice(start, start + 3));
  }
  return grams;
}

function dice<T>(left: Set<T>, right: Set<T>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const item of left) if (right.has(item)) shared++;
  return (2 * shared) / (left.size + right.size);
}

/**
 * Similarity in 0..1 of two normalized texts without an index: the mean of the Dice overlap of
 * their stemmed content words and of the character trigrams of those words (typo tolerant).
 */
export function textSimilarity(left: string, right: string): number {
  const leftFeatures = features(left);
  const rightFeatures = features(right);
  return (dice(leftFeatures.words, rightFeatures.words) + dice(leftFeatures.grams, rightFeatures.grams)) / 2;
}

interface TextFeatures {
  words: Set<string>;
  grams: Set<string>;
}

/** Features of recently seen texts: a conversation compares the same earlier turns on every check. */
const cache = new Map<string, TextFeatures>();

function features(text: string): TextFeatures {
  let cached = cache.get(text);
  if (!cached) {
    const tokens = contentTokens(text);
    cached = { words: new Set(tokens), grams: trigrams(tokens) };
    if (cache.size >= 2000) cache.clear();
    cache.set(text, cached);
  }
  return cached;
}
