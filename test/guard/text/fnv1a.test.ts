import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a, fnv1aMore, fnv1aUnit } from '../../../src/guard/text/fnv1a.js';

describe('fnv1a', () => {
  it('gives the published 32-bit FNV-1a values', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('hashes a range of code units like the substring', () => {
    expect(fnv1a('xxfoobaryy', 2, 8)).toBe(fnv1a('foobar'));
    expect(fnv1a('abc', 1, 1)).toBe(fnv1a(''));
  });
});

describe('fnv1aMore', () => {
  it('continues a hash: the hash of a string and then another is the hash of both joined', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (left, right) => {
        expect(fnv1aMore(fnv1a(left), right)).toBe(fnv1a(left + right));
        const units = [...right].flatMap((part) => [...part].map((_, index) => part.charCodeAt(index)));
        expect(units.reduce(fnv1aUnit, fnv1a(left))).toBe(fnv1a(left + right));
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
