import type { Sql } from 'postgres';

/** The payload that wakes every watcher (sent when an id is too long for a notification). */
export const everyConversation = '*';

/** Longest conversation id sent as the notification payload (Postgres allows 8000 bytes). */
const maxPayloadBytes = 7900;

/** Changes of conversations as they happen, in this process and in the others on the same database. */
export interface PostgresChangeFeed {
  /**
   * Calls `onChange` after each committed write of the conversation, and also whenever the
   * listening connection (re)connects, since a change may have been missed meanwhile. Returns
   * the function that stops it.
   */
  watch(conversationId: string, onChange: () => void): () => void;
  /** Stops listening. */
  close(): Promise<void>;
}

/** Options of {@link createPostgresChangeFeed}. */
export interface PostgresChangeFeedOptions {
  sql: Sql;
  /** The `LISTEN` channel the store's writes notify on. */
  channel: string;
  /** Wait before listening again after a failed `LISTEN`. @default 1000 */
  retryMs?: number;
}

/** The payload of a write's notification: the conversation id, or {@link everyConversation} past the size limit. */
export function changePayload(conversationId: string): string {
  return Buffer.byteLength(conversationId) > maxPayloadBytes ? everyConversation : conversationId;
}

/**
 * A change feed on `LISTEN/NOTIFY`: one listening connection per process (postgres.js keeps a
 * dedicated one for all `listen` calls and reconnects it), fanned out in memory to every
 * watcher of the notified conversation. It listens from the first watch on.
 */
export function createPostgresChangeFeed({
  sql,
  channel,
  retryMs = 1000,
}: PostgresChangeFeedOptions): PostgresChangeFeed {
  const watchers = new Map<string, Set<() => void>>();
  let subscription: Promise<{ unlisten(): Promise<void> } | null> | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const call = (callbacks: Iterable<() => void> | undefined) => {
    for (const callback of [...(callbacks ?? [])]) {
      try {
        callback();
      } catch {
        // A watcher's failure is its own; the others still hear of the change.
      }
    }
  };
  const wakeAll = () => {
    for (const callbacks of watchers.values()) call(callbacks);
  };
  const deliver = (payload: string) => {
    if (payload === everyConversation) wakeAll();
    else call(watchers.get(payload));
  };
  const listen = () => {
    subscription ??= sql.listen(channel, deliver, wakeAll).catch(() => {
      // The database is away: watchers re-read (and fail, and back off), and we listen again later.
      subscription = null;
      wakeAll();
      if (!closed && watchers.size > 0) {
        clearTimeout(retry);
        retry = setTimeout(listen, retryMs);
        retry.unref?.();
      }
      return null;
    });
  };

  return {
    watch(conversationId, onChange) {
      if (closed) throw new Error('The Postgres change feed is closed.');
      const callbacks = watchers.get(conversationId) ?? new Set();
      callbacks.add(onChange);
      watchers.set(conversationId, callbacks);
      listen();
      return () => {
        callbacks.delete(onChange);
        if (callbacks.size === 0 && watchers.get(conversationId) === callbacks) watchers.delete(conversationId);
      };
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      watchers.clear();
      const current = await subscription;
      subscription = null;
      await current?.unlisten().catch(() => {});
    },
  };
}
