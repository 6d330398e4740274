import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareWords, wordSpans, words } from '../../src/text/words.js';

describe('words', () => {
  it('splits on everything but letters, digits and apostrophes, keeping case', () => {
    expect(words('Where is my order #A-1043? It was due on 3/12.')).toEqual([
      'Where',
      'is',
      'my',
      'order',
      'A',
      '1043',
      'It',
      'was',
      'due',
      'on',
      '3',
      '12',
    ]);
    expect(words('')).toEqual([]);
    expect(words(' ?! -- 👍 ')).toEqual([]);
  });

  it('keeps inner apostrophes and trims those at the ends', () => {
    expect(words("don't 'quote' me, rock'n'roll j'ai ''x'' '")).toEqual([
      "don't",
      'quote',
      'me',
      "rock'n'roll",
      "j'ai",
      'x',
    ]);
  });

  it('cuts a word at its first apostrophe or splits it at each, on request', () => {
    const text = "the customer's order, 'don't' d'équipe a''b";
    expect(words(text, { apostrophes: 'cut' })).toEqual(['the', 'customer', 'order', 'don', 'd', 'a']);
    expect(bareWords(text)).toEqual(words(text, { apostrophes: 'cut' }));
    expect(words(text, { apostrophes: 'split' })).toEqual([
      'the',
      'customer',
      's',
      'order',
      'don',
      't',
      'd',
      'équipe',
      'a',
      'b',
    ]);
  });

  it('reads digits of any script and letters with accents as word characters', () => {
    expect(words('Größe 43, café crème, ١٢٣ ²')).toEqual(['Größe', '43', 'café', 'crème', '١٢٣', '²']);
    expect(words('Ridge2 x10')).toEqual(['Ridge2', 'x10']);
  });

  it('keeps a run of CJK characters, which has no spaces, as one word', () => {
    expect(words('注文はまだ届いていません。追跡番号は？')).toEqual(['注文はまだ届いていません', '追跡番号は']);
    expect(words('我的订单在哪里')).toEqual(['我的订单在哪里']);
  });

  it('keeps combining marks in their word unless told they end it', () => {
    // Devanagari vowel signs and the virama, Thai vowels and tone marks are marks (\p{M}).
    expect(words('नमस्ते दोस्त')).toEqual(['नमस्ते', 'दोस्त']);
    expect(words('สวัสดีครับ')).toEqual(['สวัสดีครับ']);
    // A decomposed accent stays on its letter.
    expect(words('cafe\u0301 ne\u0301e')).toEqual(['cafe\u0301', 'ne\u0301e']);
    expect(words('नमस्ते', { marks: false })).toEqual(['नमस', 'त']);
    expect(words('ne\u0301e', { marks: false })).toEqual(['ne', 'e']);
  });

  it('takes only the ASCII apostrophe as one: typographic ones are the caller’s to map', () => {
    expect(words('don’t')).toEqual(['don', 't']);
  });

  describe('on a run of 100,000 apostrophes', () => {
    const run = "'".repeat(100_000);
    const texts = [run, `a${run}b`, `${run}a`, `a${run}`, `x ${run}a${run} y`];

    it('finds the words around it', () => {
      expect(words(run)).toEqual([]);
      expect(words(`a${run}b`)).toEqual([`a${run}b`]);
      expect(words(`a${run}b`, { apostrophes: 'cut' })).toEqual(['a']);
      expect(words(`a${run}b`, { apostrophes: 'split' })).toEqual(['a', 'b']);
      expect(words(`${run}a`)).toEqual(['a']);
      expect(words(`x ${run}a${run} y`)).toEqual(['x', 'a', 'y']);
    });

    it('in linear time: all of them at once well under what a quadratic trim takes (seconds)', () => {
      const start = performance.now();
      for (const text of texts) {
        for (const apostrophes of ['keep', 'cut', 'split'] as const) words(text, { apostrophes });
      }
      expect(performance.now() - start).toBeLessThan(500);
    });
  });
});

describe('wordSpans', () => {
  it('gives each word with its offsets, apostrophes at the ends left out', () => {
    expect(wordSpans("it's 'here', नमस्ते")).toEqual([
      { word: "it's", start: 0, end: 4 },
      { word: 'here', start: 6, end: 10 },
      { word: 'नमस्ते', start: 13, end: 19 },
    ]);
    expect(wordSpans('नमस्ते', { marks: false }).map(({ word }) => word)).toEqual(['नमस', 'त']);
  });

  it('finds the words of words(), each where the text has it', () => {
    const unit = fc.constantFrom("'", ' ', 'a', '3', '\u0301', 'न', '\u094d', '注', '-', '😀', '\ud83d');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), fc.boolean(), (text, marks) => {
        const spans = wordSpans(text, { marks });
        expect(spans.map(({ word }) => word)).toEqual(words(text, { marks }));
        for (const { word, start, end } of spans) expect(text.slice(start, end)).toBe(word);
      }),
    );
  });
});
