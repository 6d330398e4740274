import { describe, expect, it } from 'vitest';
import { boundedMemo } from '../../../src/guard/text/bounded-memo.js';

describe('boundedMemo', () => {
  it('computes a key once while it is remembered, undefined results included', () => {
    const calls: string[] = [];
    const length = boundedMemo((key: string) => {
      calls.push(key);
      return key === 'none' ? undefined : key.length;
    }, 10);
    expect([length('abc'), length('abc'), length('none'), length('none')]).toEqual([3, 3, undefined, undefined]);
    expect(calls).toEqual(['abc', 'none']);
  });

  it('holds at most `limit` results and, emptied when full, keeps the newest key', () => {
    const calls: number[] = [];
    const double = boundedMemo((key: number) => {
      calls.push(key);
      return 2 * key;
    }, 3);
    for (const key of [1, 2, 3]) double(key);
    // Full: the fourth key empties it and is kept.
    expect(double(4)).toBe(8);
    expect(double(4)).toBe(8);
    expect(double(1)).toBe(2);
    expect(calls).toEqual([1, 2, 3, 4, 1]);
  });
});
