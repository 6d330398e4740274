import { type ChatTransport, DefaultChatTransport } from 'ai';
import type { ConversationState, HandoffPartData, HandrailUIMessage } from '../chat/conversation.js';
import { HandrailApiError } from '../errors/handrail-api-error.js';
import { conversationTokenHeader } from '../http/conversation-token.js';
import { liveEventsHeader } from '../http/live-events-header.js';
import {
  type ConversationEventsOptions,
  type ConversationEventsSubscription,
  subscribeConversationEvents,
} from './conversation-events.js';
import {
  type ConversationSession,
  defaultSessionStorageKey,
  newSession,
  resolveStorage,
  sessionStore,
} from './conversation-session.js';
import { type HandrailTransportOptions, validateTransportOptions } from './handrail-transport-options.js';

/** What `GET /conversations/:id` answers to the user's side. */
export interface PublicConversation {
  id: string;
  state: ConversationState;
  messages: HandrailUIMessage[];
  handoff: Record<string, unknown> | null;
}

/**
 * A `useChat` transport for Handrail, plus the conversation it talks in. It keeps the
 * conversation's id and token and sends the token on every request (the first included when it
 * chose one, else keeping the one the first answer issues), and sends only the new message: the
 * server keeps the conversation. `resumeStream` answers null (Handrail's live part is the events
 * route, see `subscribeEvents`).
 */
export interface HandrailTransport extends ChatTransport<HandrailUIMessage> {
  /** The conversation's id and token now (a new object whenever either changes). */
  readonly session: ConversationSession;
  /** Whether the session came from `storage` (a reload): load its messages with `loadConversation()`. */
  readonly restored: boolean;
  /** Calls `listener` when the session changes (a token issued, `reset()`); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Starts a new conversation: a new id (and token), the stored one forgotten. */
  reset(): ConversationSession;
  /** The conversation as stored (`GET /conversations/:id`); null when it is gone or not this client's. */
  loadConversation(options?: { signal?: AbortSignal }): Promise<PublicConversation | null>;
  /** Leaves the user's name and email when the team is offline (`POST /conversations/:id/contact`). */
  submitContact(contact: { name?: string; email: string }): Promise<HandoffPartData>;
  /** Subscribes to the conversation's live events: agents' messages, notices and state changes. */
  subscribeEvents(
    handlers: Pick<ConversationEventsOptions, 'onMessage' | 'onState' | 'onError' | 'after' | 'retryMs'>,
  ): ConversationEventsSubscription;
}

/**
 * Creates a {@link HandrailTransport} for `useChat({ transport })`.
 *
 * @example
 * ```tsx
 * const [transport] = useState(() => createHandrailTransport({ api: '/api/chat', storage: 'session' }));
 * const { messages, sendMessage } = useChat({ id: transport.session.conversationId, transport });
 * ```
 */
export function createHandrailTransport(options: HandrailTransportOptions = {}): HandrailTransport {
  const {
    api = '/api/chat',
    storage = 'memory',
    storageKey = defaultSessionStorageKey,
    clientToken = true,
    credentials,
    events = 'fetch',
  } = validateTransportOptions(options);
  const conversationsApi = options.conversationsApi ?? api.replace(/\/chat(\/?)(\?.*)?$/, '/conversations');
  const baseFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const kept = sessionStore(resolveStorage(storage), storageKey);
  const stored = options.conversationId ? null : kept.read();
  let session: ConversationSession = options.conversationId
    ? { conversationId: options.conversationId, token: options.token ?? null }
    : (stored ?? newSession(clientToken));
  const listeners = new Set<() => void>();
  const update = (next: ConversationSession) => {
    session = next;
    for (const listener of listeners) listener();
  };
  const extraHeaders = () => (typeof options.headers === 'function' ? options.headers() : (options.headers ?? {}));
  const conversationUrl = (path = '') => `${conversationsApi}/${encodeURIComponent(session.conversationId)}${path}`;
  const live = liveEvents((handlers) =>
    subscribeConversationEvents({
      ...handlers,
      url: conversationUrl('/events'),
      token: session.token,
      mode: events,
      fetch: baseFetch,
      headers: extraHeaders(),
      ...(credentials ? { credentials } : {}),
    }),
  );
  const headers = (): Record<string, string> => ({
    ...extraHeaders(),
    ...(session.token ? { [conversationTokenHeader]: session.token } : {}),
    // While events are open, agents' messages arrive there: the answers need not repeat them.
    ...(live.open() ? { [liveEventsHeader]: '1' } : {}),
  });

  const chat = new DefaultChatTransport<HandrailUIMessage>({
    api,
    headers,
    ...(credentials ? { credentials } : {}),
    prepareSendMessagesRequest: ({ messages, body }) => {
      kept.write(session);
      return { body: { ...body, id: session.conversationId, messages: messages.slice(-1) } };
    },
    fetch: async (input, init) => {
      const response = await baseFetch(input, init);
      if (!response.ok) throw await HandrailApiError.fromResponse(response);
      const issued = response.headers.get(conversationTokenHeader);
      if (issued && !session.token) {
        update({ ...session, token: issued });
        kept.write(session);
      }
      return response;
    },
  });

  return {
    sendMessages: (sendOptions) => chat.sendMessages(sendOptions),
    reconnectToStream: async () => null,
    get session() {
      return session;
    },
    restored: stored !== null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reset() {
      kept.clear();
      update(newSession(clientToken));
      return session;
    },
    ...conversationRoutes({ fetch: baseFetch, url: conversationUrl, headers, ...(credentials ? { credentials } : {}) }),
    subscribeEvents: live.subscribe,
  };
}

type EventHandlers = Parameters<HandrailTransport['subscribeEvents']>[0];

/**
 * The transport's event subscriptions, counted while they are live (closed or refused ones are
 * not), so that chat requests can say the client has the agents' messages already.
 */
function liveEvents(connect: (handlers: EventHandlers) => ConversationEventsSubscription): {
  open(): boolean;
  subscribe: HandrailTransport['subscribeEvents'];
} {
  let live = 0;
  return {
    open: () => live > 0,
    subscribe(handlers) {
      live++;
      let counted = true;
      const end = () => {
        if (counted) live--;
        counted = false;
      };
      const subscription = connect({
        ...handlers,
        onError: (error, details) => {
          if (details.fatal) end();
          handlers.onError?.(error, details);
        },
      });
      return {
        close() {
          end();
          subscription.close();
        },
      };
    },
  };
}

/** The user's conversation routes: read the conversation, leave contact details. */
function conversationRoutes(options: {
  fetch: typeof globalThis.fetch;
  url: (path?: string) => string;
  headers: () => Record<string, string>;
  credentials?: RequestCredentials;
}): Pick<HandrailTransport, 'loadConversation' | 'submitContact'> {
  const request = (path: string, init: RequestInit = {}) =>
    options.fetch(options.url(path), {
      ...init,
      headers: { ...options.headers(), ...(init.headers as Record<string, string> | undefined) },
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  return {
    async loadConversation({ signal } = {}) {
      const response = await request('', signal ? { signal } : {});
      if (response.status === 404 || response.status === 401 || response.status === 403) return null;
      if (!response.ok) throw await HandrailApiError.fromResponse(response);
      return (await response.json()) as PublicConversation;
    },
    async submitContact(contact) {
      const response = await request('/contact', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(contact),
      });
      if (!response.ok) throw await HandrailApiError.fromResponse(response);
      const body = (await response.json()) as { handoff?: HandoffPartData };
      if (!body.handoff)
        throw new HandrailApiError({ status: 502, code: 'no_handoff', message: 'No ticket came back.' });
      return body.handoff;
    },
  };
}
