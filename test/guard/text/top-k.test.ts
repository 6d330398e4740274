import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopK } from '../../../src/guard/text/top-k.js';

describe('TopK', () => {
  it('keeps the k best scores, one per document, each at the best score offered for it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.double({ min: 0, max: 1, noNaN: true })), {
          maxLength: 60,
        }),
        (k, offers) => {
          const top = new TopK(k);
          const best = new Map<number, number>();
          for (const [document, score] of offers) {
            top.offer(document, score);
            best.set(document, Math.max(best.get(document) ?? 0, score));
          }
          const expected = [...best.values()].sort((a, b) => b - a).slice(0, k);
          const kept = top.neighbours();
          expect(kept.map((neighbour) => neighbour.similarity)).toEqual(expected);
          for (const neighbour of kept) expect(neighbour.similarity).toBe(best.get(neighbour.document));
          expect(top.full).toBe(best.size >= k);
          expect(top.floor).toBe(top.full ? expected[k - 1] : Number.NEGATIVE_INFINITY);
          expect(top.sum).toBeCloseTo(
            expected.reduce((sum, score) => sum + score, 0),
            12,
          );
        },
      ),
      { numRuns: 500, seed: 11 },
    );
  });
});
