import { DefaultChatTransport } from 'ai';
import type { HandrailUIMessage } from '../shared/types.js';

/** The header that carries a conversation's access token, both ways. */
export const conversationTokenHeader = 'x-handrail-conversation-token';

/**
 * A `useChat` transport for Handrail's `POST /api/chat`: it keeps the token the first answer
 * issues (`x-handrail-conversation-token`) and sends it back on every later request.
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
