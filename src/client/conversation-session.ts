/** The conversation a client talks in: its id and, once known, the token that proves it is this client's. */
export interface ConversationSession {
  conversationId: string;
  /** `null` until the server issues one (when the client does not choose it). */
  token: string | null;
}

/** Where a client keeps its session: the part of the Web Storage API it needs (`sessionStorage` fits). */
export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The key a session is kept under by default. */
export const defaultSessionStorageKey = 'handrail-chat-conversation';

/** A client-chosen conversation token as the server accepts it: 32 to 256 base64url characters. */
export const clientTokenPattern = /^[A-Za-z0-9_-]{32,256}$/;

/**
 * A new conversation token chosen by the client (256 random bits, base64url). Sent with the first
 * message, it lets the client retry a first turn whose answer was lost on the way.
 */
export function newConversationToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** A new unguessable conversation id (a random UUID's 32 hex digits). */
export function newConversationId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/** A new session: a random id and, when `clientToken`, a token chosen here. */
export function newSession(clientToken: boolean): ConversationSession {
  return { conversationId: newConversationId(), token: clientToken ? newConversationToken() : null };
}

/**
 * Reads, writes and forgets a session in a storage, as `{ id, token }` JSON under `key`. Storage
 * that throws (full, disabled, private mode) is treated as empty: the chat works, a reload starts over.
 */
export function sessionStore(storage: SessionStorageLike | null, key: string) {
  return {
    read(): ConversationSession | null {
      if (!storage) return null;
      try {
        const parsed = JSON.parse(storage.getItem(key) ?? 'null') as { id?: unknown; token?: unknown } | null;
        if (typeof parsed?.id === 'string' && parsed.id && typeof parsed.token === 'string' && parsed.token) {
          return { conversationId: parsed.id, token: parsed.token };
        }
      } catch {
        // Unreadable or unavailable storage: start a new conversation.
      }
      return null;
    },
    write(session: ConversationSession): void {
      if (!storage || !session.token) return;
      try {
        storage.setItem(key, JSON.stringify({ id: session.conversationId, token: session.token }));
      } catch {
        // Storage full or disabled.
      }
    },
    clear(): void {
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing to forget.
      }
    },
  };
}

/**
 * The storage a `storage` option names: `sessionStorage`, `localStorage`, a given one, or none.
 * Where the named one does not exist (server-side rendering, a worker), the session stays in memory.
 */
export function resolveStorage(
  storage: 'memory' | 'session' | 'local' | SessionStorageLike,
): SessionStorageLike | null {
  if (storage === 'memory') return null;
  if (typeof storage === 'object') return storage;
  try {
    return (storage === 'session' ? globalThis.sessionStorage : globalThis.localStorage) ?? null;
  } catch {
    // Access denied (sandboxed frames, some privacy settings).
    return null;
  }
}
