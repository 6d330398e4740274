/**
 * `compute` remembered for the last keys it was called with: at most `limit` results, and emptied
 * when full, so that it follows the keys coming in rather than keeping the first `limit` of the
 * process. For pure functions of their key (a result never goes stale).
 */
export function boundedMemo<K, V>(compute: (key: K) => V, limit: number): (key: K) => V {
  const results = new Map<K, V>();
  return (key) => {
    const known = results.get(key);
    if (known !== undefined || results.has(key)) return known as V;
    const value = compute(key);
    if (results.size >= limit) results.clear();
    results.set(key, value);
    return value;
  };
}
