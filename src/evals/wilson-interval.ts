/** z for a two-sided 95% interval. */
export const z95 = 1.959963984540054;

/**
 * Wilson score interval for `successes` out of `total` trials: `[lower, upper]` in 0..1.
 * With no trials nothing is known and the interval is `[0, 1]`.
 */
export function wilsonInterval(successes: number, total: number, z = z95): [number, number] {
  if (!Number.isInteger(successes) || !Number.isInteger(total) || successes < 0 || total < 0 || successes > total) {
    throw new RangeError(`wilsonInterval needs integers 0 <= successes <= total (got ${successes}/${total})`);
  }
  if (total === 0) return [0, 1];
  const p = successes / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const center = (p + z2 / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))) / denominator;
  // At 0 and n the bounds are exactly 0 and 1; floating point would leave 1e-16 off.
  const lower = successes === 0 ? 0 : Math.max(0, center - half);
  const upper = successes === total ? 1 : Math.min(1, center + half);
  return [lower, upper];
}
