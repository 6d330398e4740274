import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';
import {
  featureContainment,
  featureSimilarity,
  similarityFeatures,
  textSimilarity,
  trigramCodes,
} from '../../../src/guard/text/text-similarity.js';
import { contentTokens } from '../../../src/guard/text/tokenize.js';

const features = (text: string) => similarityFeatures(contentTokens(normalizeText(text)));

describe('text similarity', () => {
  it('is 1 for the same content words, 0 for none shared, and symmetric', () => {
    expect(textSimilarity('reset my password', 'my password reset')).toBe(1);
    expect(textSimilarity('reset my password', 'opening hours of the store')).toBe(0);
    const left = features('how do I order a new card');
    const right = features('a new card, how long does it take');
    expect(featureSimilarity(left, right)).toBeCloseTo(featureSimilarity(right, left), 12);
  });

  it('tolerates a typo through the trigrams', () => {
    expect(textSimilarity('reset my password', 'reset my pasword')).toBeGreaterThan(0.6);
  });
});

describe('featureContainment', () => {
  it('is 1 when the shorter text says no more than the longer, whichever comes first', () => {
    const long = features('How do I order a replacement debit card for my joint account?');
    const short = features('order a replacement card?');
    expect(featureContainment(long, short)).toBe(1);
    expect(featureContainment(short, long)).toBe(1);
    expect(featureSimilarity(long, short)).toBeLessThan(0.75);
  });

  it('is lower when each text brings words of its own', () => {
    const left = features('how can i request my credit score');
    const right = features('how do i stop my credit score from dropping');
    expect(featureContainment(left, right)).toBeLessThan(0.8);
    expect(featureContainment(left, right)).toBeGreaterThan(0);
  });

  it('is 0 for an empty text', () => {
    expect(featureContainment(features(''), features('order a card'))).toBe(0);
  });
});

describe('trigramCodes', () => {
  /** The trigrams as strings, as the definition reads: each word padded with a space on both sides. */
  const reference = (words: readonly string[]) =>
    new Set(
      words.flatMap((word) => {
        const padded = ` ${word} `;
        return Array.from({ length: Math.max(0, padded.length - 2) }, (_, start) => padded.slice(start, start + 3));
      }),
    );
  const decode = (code: number) =>
    String.fromCharCode(Math.floor(code / 2 ** 32), Math.floor(code / 2 ** 16) % 2 ** 16, code % 2 ** 16);

  it('holds each distinct trigram of the words once, sorted, and no other', () => {
    const word = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', 'é', 'ß', '1', '\u4e00', '\ud83d', '\ude42'),
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        const codes = [...trigramCodes(words)];
        expect(codes).toEqual([...codes].sort((a, b) => a - b));
        expect(new Set(codes).size).toBe(codes.length);
        expect(new Set(codes.map(decode))).toEqual(reference(words));
      }),
      { numRuns: 500, seed: 20261204 },
    );
  });
});
