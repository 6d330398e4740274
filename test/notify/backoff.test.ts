import { describe, expect, it } from 'vitest';
import { backoffDelay, resolveBackoff } from '../../src/notify/backoff.js';

describe('backoffDelay', () => {
  it('doubles from 1 s up to the 5 minute cap by default, with no jitter when random is 0', () => {
    const backoff = resolveBackoff();
    const delays = Array.from({ length: 12 }, (_, index) => backoffDelay(index + 1, backoff, () => 0));
    expect(delays).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000, 300_000,
    ]);
    expect(backoff.maxAttempts).toBe(12);
  });

  it('takes up to the jitter share off at random', () => {
    const backoff = resolveBackoff({ baseMs: 1000, jitter: 0.5 });
    expect(backoffDelay(1, backoff, () => 0.5)).toBe(750);
    expect(backoffDelay(1, backoff, () => 0.999_999)).toBe(500);
    expect(backoffDelay(3, resolveBackoff({ jitter: 0 }), () => 0.9)).toBe(4000);
  });

  it('rejects schedules that make no sense', () => {
    expect(() => resolveBackoff({ factor: 0.5 })).toThrow(/factor/);
    expect(() => resolveBackoff({ jitter: 2 })).toThrow(/jitter/);
    expect(() => resolveBackoff({ maxAttempts: 1.5 })).toThrow(/maxAttempts/);
  });
});
