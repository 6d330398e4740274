import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createTypoCorrector,
  editDistance,
  isDerivation,
  isInflection,
} from '../../../src/guard/text/typo-correction.js';

/** The optimal-string-alignment distance from the whole table, no early stop: the reference. */
function referenceDistance(left: string, right: string): number {
  const table = Array.from({ length: left.length + 1 }, (_, row) =>
    Array.from({ length: right.length + 1 }, (_, column) => (row === 0 ? column : column === 0 ? row : 0)),
  );
  for (let row = 1; row <= left.length; row++) {
    for (let column = 1; column <= right.length; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min(
        table[row - 1]![column]! + 1,
        table[row]![column - 1]! + 1,
        table[row - 1]![column - 1]! + cost,
      );
      if (row > 1 && column > 1 && left[row - 1] === right[column - 2] && left[row - 2] === right[column - 1])
        value = Math.min(value, table[row - 2]![column - 2]! + 1);
      table[row]![column] = value;
    }
  }
  return table[left.length]![right.length]!;
}

describe('editDistance', () => {
  it('counts a changed, dropped, added or swapped letter as one edit', () => {
    expect(editDistance('agent', 'agent')).toBe(0);
    expect(editDistance('agnet', 'agent')).toBe(1);
    expect(editDistance('agen', 'agent')).toBe(1);
    expect(editDistance('hunan', 'human')).toBe(1);
    expect(editDistance('somenoe', 'someone')).toBe(1);
  });

  it('returns limit + 1 for anything farther than the limit', () => {
    expect(editDistance('refund', 'person', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('agrees with the whole table within the limit, on words short and long (the reused rows grow)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 40 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (left, right, limit) => {
        const exact = referenceDistance(left, right);
        expect(editDistance(left, right, limit)).toBe(exact <= limit ? exact : limit + 1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('createTypoCorrector', () => {
  const correct = createTypoCorrector(['agent', 'representative', 'charge'], ['agents']);

  it('rewrites a key word misspelled within one edit (two for key words of eight letters or more)', () => {
    expect(correct('talk to an agnet')).toBe('talk to an agent');
    expect(correct('a reprsentatve please')).toBe('a representative please');
  });

  it('leaves known words, inflections, short tokens and words too far', () => {
    expect(correct('the agents')).toBe('the agents');
    expect(correct('charged twice')).toBe('charged twice');
    expect(correct('agt')).toBe('agt');
    expect(correct('a gardener')).toBe('a gardener');
  });

  it('picks what a scan of every key with the whole distance table picks, for words near the keys', () => {
    const keys = ['agent', 'human', 'person', 'representative', 'supervisor', 'refund', 'charge'];
    const corrector = createTypoCorrector(keys);
    const reference = (token: string): string => {
      if (token.length < 4 || keys.includes(token)) return token;
      if (keys.some((key) => isInflection(token, key) || isInflection(key, token) || isDerivation(token, key)))
        return token;
      let best = token;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (const key of keys) {
        const limit = key.length >= 8 ? 2 : 1;
        if (token.length === 4 && key.length > 5) continue;
        const distance = referenceDistance(token, key);
        if (distance <= limit && distance < bestDistance) [best, bestDistance] = [key, distance];
      }
      return best;
    };
    // A key with up to three letters changed, dropped, added or swapped.
    const edit = fc.tuple(
      fc.constantFrom('change', 'drop', 'add', 'swap'),
      fc.nat(),
      fc.constantFrom(...'aeinorstuzé'),
    );
    const token = fc.tuple(fc.constantFrom(...keys), fc.array(edit, { maxLength: 3 })).map(([key, edits]) =>
      edits.reduce((word, [kind, at, letter]) => {
        const index = word.length > 0 ? at % word.length : 0;
        if (kind === 'change') return word.slice(0, index) + letter + word.slice(index + 1);
        if (kind === 'drop') return word.slice(0, index) + word.slice(index + 1);
        if (kind === 'add') return word.slice(0, index) + letter + word.slice(index);
        return (
          word.slice(0, index) + word.slice(index + 1, index + 2) + word.slice(index, index + 1) + word.slice(index + 2)
        );
      }, key),
    );
    fc.assert(
      fc.property(token, (word) => {
        fc.pre(/^[\p{L}']+$/u.test(word));
        expect(corrector(word)).toBe(reference(word));
      }),
      { numRuns: 3000 },
    );
  });
});
