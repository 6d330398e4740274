import { DefaultChatTransport } from 'ai';
import type { HandrailUIMessage } from '../shared/types.js';

/** The header that carries a conversation's access token, both ways. */
export const conversationTokenHeader = 'x-handrail-conversation-token';

/**
 * A new conversation token chosen by the client (256 random bits, base64url). Sent with the
 * first message, it lets the client retry that first turn if its answer is lost on the way.
 */
export function newConversationToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * A `useChat` transport for Handrail's `POST /api/chat`: it sends the conversation's token
 * (`x-handrail-conversation-token`) on every request, the first included when the client chose
 * one, and otherwise keeps the one the first answer issues. Only the new message travels: the
 * server keeps the conversation, so a long or restored one never outgrows the request limits.
 */
export function createConversationTransport(options: {
  api?: string;
  getToken: () => string | null;
  onToken: (token: string) => void;
}) {
  const { api = '/api/chat', getToken, onToken } = options;
  return new DefaultChatTransport<HandrailUIMessage>({
    api,
    headers: (): Record<string, string> => {
      const token = getToken();
      return token ? { [conversationTokenHeader]: token } : {};
    },
    prepareSendMessagesRequest: ({ id, messages, body }) => ({
      body: { ...body, id, messages: messages.slice(-1) },
    }),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const issued = response.headers.get(conversationTokenHeader);
      if (issued && !getToken()) onToken(issued);
      return response;
    },
  });
}

/** A conversation the page can come back to: its id and its token. */
export interface StoredSession {
  id: string;
  token: string;
}

/** Where the chat page keeps the conversation for this tab, so a reload continues it. */
export const sessionStorageKey = 'handrail-chat-conversation';

/** A new conversation: a random id and a client-chosen token. */
export function newSession(): StoredSession {
  return { id: crypto.randomUUID().replaceAll('-', ''), token: newConversationToken() };
}

/** The conversation this tab kept, if any (and well formed). */
export function readSession(): StoredSession | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(sessionStorageKey) ?? 'null') as Partial<StoredSession> | null;
    if (typeof parsed?.id === 'string' && typeof parsed.token === 'string' && parsed.id && parsed.token) {
      return { id: parsed.id, token: parsed.token };
    }
  } catch {
    // Unreadable or unavailable storage: start a new conversation.
  }
  return null;
}

/** Keeps the conversation for this tab. */
export function saveSession(session: StoredSession): void {
  try {
    sessionStorage.setItem(sessionStorageKey, JSON.stringify(session));
  } catch {
    // Storage full or disabled: the chat works, a reload starts over.
  }
}

/** Forgets the conversation kept for this tab. */
export function clearSession(): void {
  try {
    sessionStorage.removeItem(sessionStorageKey);
  } catch {
    // Nothing to forget.
  }
}
