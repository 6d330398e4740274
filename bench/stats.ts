/**
 * Pure statistics used by the benchmark: percentiles, medians, ratios, growth exponents and run-to-run
 * spread. No clock, no I/O.
 */

/**
 * The `q` quantile (0..1) of `values` by linear interpolation between closest ranks (the same
 * definition as numpy's default). Returns `NaN` for an empty list. `values` need not be sorted.
 */
export function percentile(values: readonly number[], q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be in 0..1 (got ${q})`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  const high = sorted[upper]!;
  return low + (high - low) * (position - lower);
}

/** The median of `values` (`NaN` when empty). */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** `value / baseline`, or `null` when the baseline is zero or either is not a finite number. */
export function ratio(value: number, baseline: number): number | null {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return null;
  return value / baseline;
}

/**
 * The exponent `k` in `time ∝ size^k` through two points: `log(t2 / t1) / log(n2 / n1)`. 1 is
 * linear growth, 0 is constant, above 1 is faster than linear. `null` when undefined.
 */
export function growthExponent(size1: number, time1: number, size2: number, time2: number): number | null {
  if (!(size1 > 0 && size2 > 0 && time1 > 0 && time2 > 0) || size1 === size2) return null;
  return Math.log(time2 / time1) / Math.log(size2 / size1);
}

/**
 * How a measured growth compares with linear growth: `(t2 / t1) / (n2 / n1)`. 1 means exactly
 * linear, below 1 sub-linear. `null` when undefined.
 */
export function growthVersusLinear(size1: number, time1: number, size2: number, time2: number): number | null {
  const timeRatio = ratio(time2, time1);
  const sizeRatio = ratio(size2, size1);
  if (timeRatio === null || sizeRatio === null) return null;
  return timeRatio / sizeRatio;
}

/**
 * Relative difference of two measurements of the same figure, `|a - b| / mean(a, b)`: 0.15 means
 * they differ by 15%. 0 when both are 0; `null` when either is not a finite number.
 */
export function relativeDifference(a: number, b: number): number | null {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  const mean = (Math.abs(a) + Math.abs(b)) / 2;
  if (mean === 0) return 0;
  return Math.abs(a - b) / mean;
}

/** Summary of a list of durations in milliseconds. */
export interface LatencySummary {
  count: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

/** Count, p50, p99 and mean of `values` (milliseconds). */
export function summarizeLatencies(values: readonly number[]): LatencySummary {
  const total = values.reduce((sum, value) => sum + value, 0);
  return {
    count: values.length,
    p50Ms: percentile(values, 0.5),
    p99Ms: percentile(values, 0.99),
    meanMs: values.length > 0 ? total / values.length : Number.NaN,
  };
}
