import { contentTokens } from './tokenize.js';

/** What the similarity of a text is computed from: its stemmed content words and their character trigrams, each sorted and unique. */
export interface SimilarityFeatures {
  readonly words: readonly string[];
  readonly grams: readonly string[];
}

/** Sorted, without repeats. */
function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** The character trigrams of the tokens, each padded with a space on both sides. */
function trigrams(tokens: readonly string[]): string[] {
  const grams: string[] = [];
  for (const token of tokens) {
    const padded = ` ${token} `;
    for (let start = 0; start + 3 <= padded.length; start++) grams.push(padded.slice(start, start + 3));
  }
  return grams;
}

/** The features of a normalized text whose content tokens are `tokens` (`contentTokens(text)`). */
export function similarityFeatures(tokens: readonly string[]): SimilarityFeatures {
  return { words: sortedUnique(tokens), grams: sortedUnique(trigrams(tokens)) };
}

/** Dice overlap of two sorted lists without repeats, counted in one merge. */
function dice(left: readonly string[], right: readonly string[]): number {
  if (left.length === 0 || right.length === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const a = left[i]!;
    const b = right[j]!;
    if (a === b) {
      shared++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return (2 * shared) / (left.length + right.length);
}

/** {@link textSimilarity} of two texts from their features. */
export function featureSimilarity(left: SimilarityFeatures, right: SimilarityFeatures): number {
  return (dice(left.words, right.words) + dice(left.grams, right.grams)) / 2;
}

/**
 * Similarity in 0..1 of two normalized texts without an index: the mean of the Dice overlap of
 * their stemmed content words and of the character trigrams of those words (typo tolerant).
 */
export function textSimilarity(left: string, right: string): number {
  return featureSimilarity(similarityFeatures(contentTokens(left)), similarityFeatures(contentTokens(right)));
}
