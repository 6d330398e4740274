import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CharGramTable } from '../../../src/guard/text/char-gram-table.js';

describe('CharGramTable', () => {
  it('finds exactly the n-grams it holds, read from inside a longer string', () => {
    const gram = fc
      .string({ unit: fc.constantFrom('a', 'b', 'é', ' ', '字', '\u{1F600}'), minLength: 1, maxLength: 4 })
      .filter((text) => text.length <= 4);
    fc.assert(
      fc.property(fc.uniqueArray(gram, { maxLength: 200 }), fc.array(gram, { maxLength: 50 }), (held, probes) => {
        const ids = new Map(held.map((text, id) => [text, id]));
        const table = new CharGramTable(ids);
        for (const probe of [...held, ...probes]) {
          const text = `xy${probe}z`;
          expect(table.lookup(text, 2, probe.length)).toBe(ids.get(probe) ?? -1);
        }
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('tells a shorter n-gram from a longer one sharing its start', () => {
    const table = new CharGramTable(
      new Map([
        [' th', 0],
        [' the', 1],
      ]),
    );
    expect(table.lookup(' the ', 0, 3)).toBe(0);
    expect(table.lookup(' the ', 0, 4)).toBe(1);
    expect(table.lookup(' the ', 1, 3)).toBe(-1);
  });

  it('refuses n-grams it cannot hold', () => {
    expect(() => new CharGramTable(new Map([['', 0]]))).toThrow(RangeError);
    expect(() => new CharGramTable(new Map([['abcde', 0]]))).toThrow(/1 to 4/);
  });
});
