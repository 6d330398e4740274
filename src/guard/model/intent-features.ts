import { normalizeText } from '../text/normalize-text.js';
import { tokenize } from '../text/tokenize.js';

/**
 * Hashed features of one message for the learned intent model: every word (stop words kept:
 * "I didn't", "not me" carry the meaning), every pair of neighbouring words, and the character
 * 4-grams inside words (robust to typos and inflections). Each is hashed (FNV-1a) into
 * `2^bits` buckets; a bucket appears once.
 */
export function intentFeatures(text: string, bits: number): number[] {
  const mask = (1 << bits) - 1;
  const normalized = normalizeText(text);
  const tokens = tokenize(normalized);
  const features = new Set<number>();
  for (let index = 0; index < tokens.length; index++) {
    features.add(hash('w', tokens[index]!) & mask);
    if (index > 0) features.add(hash('b', `${tokens[index - 1]} ${tokens[index]}`) & mask);
  }
  for (const word of normalized.replace(/[^\p{L}\p{N}]+/gu, ' ').split(' ')) {
    if (word.length === 0) continue;
    const padded = ` ${word} `;
    for (let start = 0; start + 4 <= padded.length; start++)
      features.add(hash('c', padded.slice(start, start + 4)) & mask);
  }
  return [...features];
}

/** FNV-1a of a kind prefix and a text. */
function hash(kind: string, text: string): number {
  let value = 0x811c9dc5;
  value = Math.imul(value ^ kind.charCodeAt(0), 0x01000193);
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  return value >>> 0;
}
