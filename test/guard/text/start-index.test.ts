import { describe, expect, it } from 'vitest';
import { StartIndex } from '../../../src/guard/text/start-index.js';

/** Every (start, value) the index finds in `text`, in the order a pass over it visits them. */
function pass(index: StartIndex<string>, text: string): [number, string][] {
  const found: [number, string][] = [];
  for (let start = 0; start < text.length; start++) index.forEachAt(text, start, (value) => found.push([start, value]));
  return found;
}

describe('StartIndex', () => {
  it('finds each string where it stands, whole, shorter keys first, then in the order given', () => {
    const index = new StartIndex<string>([
      ['退款', 'refund'],
      ['退', 'back'],
      ['退货', 'return'],
      ['人工客服', 'agent'],
    ]);
    expect(pass(index, '我要退款，不要退货，找人工客服')).toEqual([
      [2, 'back'],
      [2, 'refund'],
      [7, 'back'],
      [7, 'return'],
      [11, 'agent'],
    ]);
    // A key standing without the rest of its string is no hit; a string at the very end is.
    expect(pass(index, '人工 退')).toEqual([[3, 'back']]);
  });

  it('agrees with indexOf on every string of random texts', () => {
    const strings = ['ab', 'abc', 'b', 'ca', 'cab', 'bb'];
    const index = new StartIndex(strings.map((text) => [text, text] as const));
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: 30 }, (_, at) => 'abc'[(round * 7 + at * at * 3 + at) % 3]).join('');
      const expected = strings.flatMap((string) =>
        [...text.matchAll(new RegExp(`(?=${string})`, 'g'))].map((match) => [match.index, string] as [number, string]),
      );
      const sorted = (list: [number, string][]) =>
        [...list].sort((a, b) => a[0] - b[0] || strings.indexOf(a[1]) - strings.indexOf(b[1]));
      expect(sorted(pass(index, text))).toEqual(sorted(expected));
    }
  });

  it('says when it is empty and skips empty strings', () => {
    expect(new StartIndex([]).empty).toBe(true);
    expect(new StartIndex([['', 'x']]).empty).toBe(true);
    expect(new StartIndex([['a', 'x']]).empty).toBe(false);
  });
});
