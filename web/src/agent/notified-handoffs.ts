/** Where the console keeps the handoffs it has alerted on (or found waiting when it opened). */
export const notifiedHandoffsKey = 'handrail-agent-notified';

/** The most handoff keys kept: the oldest go first, long after they left the queue. */
export const notifiedHandoffsLimit = 500;

/** The part of the Web Storage API the memory uses (sessionStorage in the console). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The handoff keys kept in `storage`; nothing on a missing or unreadable value. */
export function loadNotifiedHandoffs(storage: KeyValueStorage): Set<string> {
  try {
    const value: unknown = JSON.parse(storage.getItem(notifiedHandoffsKey) ?? '[]');
    return new Set(Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * Keeps `keys` in `storage`, the newest {@link notifiedHandoffsLimit} of them (a `Set` keeps
 * insertion order). A full or blocked storage only costs the memory across reloads.
 */
export function saveNotifiedHandoffs(storage: KeyValueStorage, keys: ReadonlySet<string>): void {
  try {
    storage.setItem(notifiedHandoffsKey, JSON.stringify([...keys].slice(-notifiedHandoffsLimit)));
  } catch {
    // Quota or privacy mode: the in-memory set still prevents repeats on this page.
  }
}
