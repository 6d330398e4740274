import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/evals/wilson-interval.js';

describe('wilsonInterval', () => {
  it('matches a hand calculation for 8/10', () => {
    // p = 0.8, n = 10, z = 1.959964, z² = 3.841459
    // centre = (0.8 + 3.841459 / 20) / (1 + 0.3841459) = 0.992073 / 1.384146 = 0.716740
    // half   = 1.959964 * sqrt(0.8 * 0.2 / 10 + 3.841459 / 400) / 1.384146
    //        = 1.959964 * sqrt(0.016 + 0.009604) / 1.384146 = 0.226578
    const [low, high] = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 4);
    expect(high).toBeCloseTo(0.9433, 4);
  });

  it('is asymmetric and stays inside 0..1 at the edges', () => {
    // 0/10: centre = half = 0.192073 / 1.384146 = 0.138767, so [0, 0.2775]
    const [low0, high0] = wilsonInterval(0, 10);
    expect(low0).toBe(0);
    expect(high0).toBeCloseTo(0.2775, 4);
    const [low10, high10] = wilsonInterval(10, 10);
    expect(low10).toBeCloseTo(0.7225, 4);
    expect(high10).toBe(1);
  });

  it('mirrors: the interval of k/n is 1 minus the interval of (n-k)/n', () => {
    const [low, high] = wilsonInterval(1, 3);
    const [mirrorLow, mirrorHigh] = wilsonInterval(2, 3);
    expect(low).toBeCloseTo(1 - mirrorHigh, 10);
    expect(high).toBeCloseTo(1 - mirrorLow, 10);
    expect(low).toBeCloseTo(0.0615, 4);
    expect(high).toBeCloseTo(0.7923, 4);
  });

  it('knows nothing without trials and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(() => wilsonInterval(4, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 3)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 3)).toThrow(RangeError);
  });
});
