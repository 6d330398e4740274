import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTokens, letterRuns, tokenize } from '../../../src/guard/text/tokenize.js';

/** The guard's tokenizer before it used the shared splitter (`src/text/words.ts`). */
function previousTokenize(normalized: string): string[] {
  return (normalized.match(/[\p{L}\p{N}']+/gu) ?? [])
    .map((token) => token.replace(/^'+/, '').replace(/'+$/, ''))
    .filter((token) => token.length > 0);
}

/** How the character n-grams of the intent model and the TF-IDF index split words before. */
function previousLetterRuns(normalized: string): string[] {
  return normalized
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word.length > 0);
}

/** Texts of the characters where the splitters could differ: apostrophes, marks, digits, scripts, surrogates. */
const tricky = fc.string({
  unit: fc.constantFrom(
    "'",
    "'",
    ' ',
    'a',
    'Z',
    '3',
    '١',
    '²',
    'é',
    '\u0301',
    'न',
    '\u094d',
    'ी',
    'ส',
    '\u0e31',
    '注',
    '-',
    '.',
    '’',
    '😀',
    '\ud83d',
    '\u200d',
  ),
  maxLength: 40,
});
const anyText = fc.string({ unit: 'binary', maxLength: 40 });

describe('tokenize', () => {
  it('splits as before: letters, digits and inner apostrophes, a mark ending a word', () => {
    expect(tokenize("i don't want 'this' nमस्ते")).toEqual(['i', "don't", 'want', 'this', 'nमस', 'त']);
    fc.assert(
      fc.property(fc.oneof(tricky, anyText), (text) => {
        expect(tokenize(text)).toEqual(previousTokenize(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps content tokens: stop words out, stems in', () => {
    expect(contentTokens("i was charged twice for my order's delivery")).toEqual([
      'charg',
      'twice',
      'order',
      'delivery',
    ]);
  });
});

describe('letterRuns', () => {
  it('splits as the n-gram features did: at apostrophes and marks too', () => {
    expect(letterRuns("don't x''y नमस्ते")).toEqual(['don', 't', 'x', 'y', 'नमस', 'त']);
    fc.assert(
      fc.property(fc.oneof(tricky, anyText), (text) => {
        expect(letterRuns(text)).toEqual(previousLetterRuns(text));
      }),
      { numRuns: 2000 },
    );
  });
});
