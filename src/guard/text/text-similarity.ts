import { contentTokens } from './tokenize.js';

/**
 * What the similarity of a text is computed from: its stemmed content words and their character
 * trigrams, each sorted and unique. A trigram is held as one number, its three UTF-16 units
 * (see {@link trigramCodes}): no string per trigram, and a numeric sort of a typed array.
 */
export interface SimilarityFeatures {
  readonly words: readonly string[];
  readonly grams: readonly number[];
}

/** Sorted, without repeats. */
function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** The code of the three UTF-16 units `a`, `b`, `c`: exact in a double (48 bits), one per trigram. */
const trigramCode = (a: number, b: number, c: number): number => (a * 0x10000 + b) * 0x10000 + c;

/**
 * The character trigrams of the words, each padded with a space on both sides, as sorted unique
 * {@link trigramCode}s. A word of n units has n trigrams (" ab", "abc", ..., "yz ").
 */
export function trigramCodes(words: readonly string[]): number[] {
  let total = 0;
  for (const word of words) total += word.length;
  const codes = new Float64Array(total);
  let size = 0;
  const space = 0x20;
  for (const word of words) {
    if (word.length === 0) continue;
    let previous = space;
    let current = word.charCodeAt(0);
    for (let index = 1; index <= word.length; index++) {
      const next = index < word.length ? word.charCodeAt(index) : space;
      codes[size++] = trigramCode(previous, current, next);
      previous = current;
      current = next;
    }
  }
  codes.sort();
  let unique = 0;
  for (let index = 0; index < size; index++)
    if (unique === 0 || codes[index] !== codes[unique - 1]) codes[unique++] = codes[index]!;
  // A plain array, so that features stay plain (JSON-safe) data (copied by hand: `Array.from` iterates).
  const grams: number[] = [];
  for (let index = 0; index < unique; index++) grams.push(codes[index]!);
  return grams;
}

/**
 * Words that do not change what a message asks, beyond the stop words of `contentTokens`: the
 * fillers a question asked again gains ("to a PO box *though*?", "*still* the same card, *really*")
 * and the function words of the main languages written in Latin script that `contentTokens` keeps
 * (Dutch, Italian, Polish, Turkish, Indonesian, and the rest of Spanish, Portuguese, French and
 * German), so two messages in those languages are not alike for sharing "mijn", "een", "posso".
 * As `contentTokens` leaves them: normalized and stemmed.
 */
const neutralWords: ReadonlySet<string> = new Set(
  (
    'though again still really exactly specifically anyway actually now even ever already ' +
    'mis tus sus me te nos como cuando donde cual hay tengo puedo puede si ya ' +
    'meu minha eu voce como quando onde posso pode nao sim ja tem tenho ' +
    'mon ma me ton ta te se ne pa oui non comment quand peux peut avez ai ' +
    'mein meine meinen mir mich kann kannst wie wann wo nicht ja nein den dem de habe hat ' +
    'een het ik kan kun mijn je jij wij we dat dit die deze er nee niet bij naar om ook al nog wat hoe waar ' +
    'wanneer waarom voor met van op aan te zijn heb hebt heeft ben bent en maar dan ' +
    'il lo gli uno di da con su per che mi ti si ci sono mio mia miei mie tuo tua ho hai ha non ' +
    'come quando dove perche cosa posso puo essere questo questa ' +
    'w z na nie sie jest czy jak co moj moja mam ze od za ale lub ' +
    've bir bu ne nasil mi mu ile icin ben sen benim var yok ' +
    'saya aku anda kamu dan atau di ke dari yang ini itu apa bagaimana bisa tidak ada untuk dengan'
  ).split(' '),
);

/** The features of a normalized text whose content tokens are `tokens` (`contentTokens(text)`). */
export function similarityFeatures(tokens: readonly string[]): SimilarityFeatures {
  const words = sortedUnique(tokens.filter((token) => !neutralWords.has(token)));
  // The trigrams of the distinct words are the distinct trigrams of all of them.
  return { words, grams: trigramCodes(words) };
}

/** How many items two sorted lists without repeats share, counted in one merge. */
function sharedCount<T extends string | number>(left: ArrayLike<T>, right: ArrayLike<T>): number {
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
  return shared;
}

/** Dice overlap of two sorted lists without repeats. */
function dice<T extends string | number>(left: ArrayLike<T>, right: ArrayLike<T>): number {
  if (left.length === 0 || right.length === 0) return 0;
  return (2 * sharedCount(left, right)) / (left.length + right.length);
}

/** Share of the shorter of two sorted lists without repeats that the longer one holds. */
function overlap<T extends string | number>(left: ArrayLike<T>, right: ArrayLike<T>): number {
  if (left.length === 0 || right.length === 0) return 0;
  return sharedCount(left, right) / Math.min(left.length, right.length);
}

/** {@link textSimilarity} of two texts from their features. */
export function featureSimilarity(left: SimilarityFeatures, right: SimilarityFeatures): number {
  return (dice(left.words, right.words) + dice(left.grams, right.grams)) / 2;
}

/**
 * Containment in 0..1 of the shorter text in the longer: the mean of the share of its content
 * words and of their trigrams that the other text holds. 1 when one says no more than the other
 * ("warranty for the trailblazer stove??" in "what's the warranty on the trailblazer stove").
 */
export function featureContainment(left: SimilarityFeatures, right: SimilarityFeatures): number {
  return (overlap(left.words, right.words) + overlap(left.grams, right.grams)) / 2;
}

/**
 * Similarity in 0..1 of two normalized texts without an index: the mean of the Dice overlap of
 * their stemmed content words and of the character trigrams of those words (typo tolerant).
 */
export function textSimilarity(left: string, right: string): number {
  return featureSimilarity(similarityFeatures(contentTokens(left)), similarityFeatures(contentTokens(right)));
}
