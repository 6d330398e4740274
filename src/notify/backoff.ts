/** Retry schedule of the outbox. */
export interface BackoffOptions {
  /** Delay after the first failed attempt, in milliseconds. @default 1000 */
  baseMs?: number;
  /** Each further delay is this many times the previous one. @default 2 */
  factor?: number;
  /** Longest delay, in milliseconds. @default 300_000 (5 minutes) */
  maxMs?: number;
  /** Attempts in all, the first included; the delivery is `failed` after the last. @default 12 */
  maxAttempts?: number;
  /** Share of each delay taken off at random (0: none, 0.5: between half and all of it). @default 0.5 */
  jitter?: number;
}

/** {@link BackoffOptions} with every default filled in. */
export type ResolvedBackoff = Required<BackoffOptions>;

/** Fills in defaults and throws a plain error on values that make no schedule. */
export function resolveBackoff({
  baseMs = 1000,
  factor = 2,
  maxMs = 5 * 60_000,
  maxAttempts = 12,
  jitter = 0.5,
}: BackoffOptions = {}): ResolvedBackoff {
  if (!(baseMs >= 0) || !(maxMs >= baseMs)) throw new Error('Backoff needs 0 <= baseMs <= maxMs.');
  if (!(factor >= 1)) throw new Error('Backoff factor must be at least 1.');
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new Error('Backoff maxAttempts must be an integer >= 1.');
  if (!(jitter >= 0 && jitter <= 1)) throw new Error('Backoff jitter must be between 0 and 1.');
  return { baseMs, factor, maxMs, maxAttempts, jitter };
}

/**
 * Delay before the next attempt after `attempts` failed ones (1 or more):
 * `min(maxMs, baseMs * factor ** (attempts - 1))`, minus up to `jitter` of it at random.
 * With `random` returning 0 the schedule is exactly exponential.
 */
export function backoffDelay(attempts: number, backoff: ResolvedBackoff, random: () => number): number {
  const exponent = Math.max(0, attempts - 1);
  const delay = Math.min(backoff.maxMs, backoff.baseMs * backoff.factor ** exponent);
  const share = Math.min(1, Math.max(0, random()));
  return Math.round(delay * (1 - backoff.jitter * share));
}
