import { fnv1a, fnv1aMore, fnv1aUnit } from '../text/fnv1a.js';
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
  // Each feature is hashed piece by piece, as the string `w<word>`, `b<word> <word>` or `c<4-gram>` would be.
  for (let index = 0; index < tokens.length; index++) {
    features.add(fnv1aMore(wordSeed, tokens[index]!) & mask);
    if (index > 0) {
      const first = fnv1aUnit(fnv1aMore(pairSeed, tokens[index - 1]!), space);
      features.add(fnv1aMore(first, tokens[index]!) & mask);
    }
  }
  for (const word of letterRuns(normalized)) {
    // The 4-grams of the word padded with a space on both sides (" word "): unit -1 and unit `length` are spaces.
    for (let start = -1; start + 3 <= word.length; start++) {
      let hash = gramSeed;
      for (let unit = start; unit < start + 4; unit++) {
        hash = fnv1aUnit(hash, unit < 0 || unit >= word.length ? space : word.charCodeAt(unit));
      }
      features.add(hash & mask);
    }
  }
  return [...features];
}

const space = 0x20;
const wordSeed = fnv1a('w');
const pairSeed = fnv1a('b');
const gramSeed = fnv1a('c');
