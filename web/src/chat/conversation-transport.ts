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
 * one, and otherwise keeps the one the first answer issues.
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
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      const issued = response.headers.get(conversationTokenHeader);
      if (issued && !getToken()) onToken(issued);
      return response;
    },
  });
}
