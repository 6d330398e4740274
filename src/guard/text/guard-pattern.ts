const registered: RegExp[] = [];

/**
 * Every module-level regular expression of the guard, in the order the modules created them.
 * `test/guard/redos.test.ts` checks each one for catastrophic backtracking.
 */
export const guardPatterns: readonly RegExp[] = registered;

/**
 * Creates a guard pattern and records it in {@link guardPatterns}. A RegExp passed without flags
 * is recorded and returned as it is.
 */
export function guardPattern(source: string | RegExp, flags?: string): RegExp {
  const pattern = typeof source !== 'string' && flags === undefined ? source : new RegExp(source, flags);
  registered.push(pattern);
  return pattern;
}
