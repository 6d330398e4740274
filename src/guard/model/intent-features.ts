import { fnv1a } from '../text/fnv1a.js';
import { normalizeText } from '../text/normalize-text.js';
import { letterRuns, tokenize } from '../text/tokenize.js';

/**
 * Hashed features of one message for the learned intent model: every word (stop words kept:
 * "I didn't", "not me" carry the meaning), every pair of neighbouring words, and the character
 * 4-grams inside words (robust to typos and inflections). Each, prefixed with its kind (`w`, `b`,
 * `c`), is hashed (FNV-1a) into `2^bits` buckets; a bucket appears once.
 */
export function intentFeatures(text: string, bits: number): number[] {
  const mask = (1 << bits) - 1;
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized);
  const features = new Set<number>();
  for (let index = 0; index < tokens.length; index++) {
    features.add(fnv1a(`w${tokens[index]}`) & mask);
    if (index > 0) features.add(fnv1a(`b${tokens[index - 1]} ${tokens[index]}`) & mask);
  }
  for (const word of letterRuns(normalized)) {
    const padded = ` ${word} `;
    for (let start = 0; start + 4 <= padded.length; start++) {
      features.add(fnv1a(`c${padded.slice(start, start + 4)}`) & mask);
    }
  }
  return [...features];
}
