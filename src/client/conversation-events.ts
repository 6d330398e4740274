import type { ConversationState, HandrailUIMessage } from '../chat/conversation.js';
import { conversationTokenHeader } from '../http/conversation-token.js';
import { readServerSentEvents } from './server-sent-events.js';

/** A `state` event of `GET /conversations/:id/events`: the conversation's state and its handoff, in short. */
export interface ConversationStateEvent {
  state: ConversationState;
  handoff: { id?: string; team?: string | null; urgency?: string; agentId?: string; etaSeconds?: number } | null;
}

/** Options of {@link subscribeConversationEvents}. */
export interface ConversationEventsOptions {
  /** `…/conversations/:id/events`. */
  url: string;
  /** The conversation's token: a header with `fetch`, `?token=` with `EventSource`. */
  token: string | null;
  /** The last message id the client has; only later messages are sent. */
  after?: string | undefined;
  /** An agent's message or one of Handrail's notices (agent joined, back to the bot, ticket). */
  onMessage: (message: HandrailUIMessage) => void;
  /** The conversation's state changed (sent once on connect, then on every change). */
  onState?: (event: ConversationStateEvent) => void;
  /** The stream was refused (`fatal`: 401, 403, 404; no retry) or broke (retried after `retryMs`). */
  onError?: (error: Error, details: { fatal: boolean; status?: number }) => void;
  /**
   * `fetch` (default): reads the stream with fetch, the token in a header, resuming after the last
   * message when the server ends the stream. `eventsource`: the browser's `EventSource`, the token
   * in the query (it cannot send headers).
   */
  mode?: 'fetch' | 'eventsource';
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
  credentials?: RequestCredentials;
  /** Wait before reconnecting after a failure. @default 2000 */
  retryMs?: number;
}

/** A live subscription; `close()` ends it. */
export interface ConversationEventsSubscription {
  close(): void;
}

/**
 * Subscribes to a conversation's live events (`GET /conversations/:id/events`): `message` events
 * carry agents' messages and Handrail's notices as stored, `state` events the state. Messages
 * already delivered are not delivered again, across reconnects.
 */
export function subscribeConversationEvents(options: ConversationEventsOptions): ConversationEventsSubscription {
  return options.mode === 'eventsource' ? subscribeWithEventSource(options) : subscribeWithFetch(options);
}

function subscribeWithFetch(options: ConversationEventsOptions): ConversationEventsSubscription {
  const { url, token, onMessage, onState, onError, retryMs = 2000 } = options;
  const fetchFunction = options.fetch ?? globalThis.fetch;
  const controller = new AbortController();
  const seen = new Set<string>();
  let after = options.after;
  const run = async () => {
    while (!controller.signal.aborted) {
      let status: number | undefined;
      try {
        const response = await fetchFunction(withQuery(url, { after }), {
          headers: {
            accept: 'text/event-stream',
            ...options.headers,
            ...(token ? { [conversationTokenHeader]: token } : {}),
          },
          signal: controller.signal,
          ...(options.credentials ? { credentials: options.credentials } : {}),
        });
        status = response.status;
        if (!response.ok || !response.body) throw new Error(`The conversation events answered ${response.status}.`);
        for await (const event of readServerSentEvents(response.body)) {
          if (controller.signal.aborted) return;
          const message = dispatch(event, { seen, onMessage, onState });
          if (message) after = message.id;
        }
        // The server ends a stream after a while; continue where it stopped, after a breath.
        await sleep(Math.min(retryMs, 250), controller.signal);
        continue;
      } catch (error) {
        if (controller.signal.aborted) return;
        const fatal = status === 401 || status === 403 || status === 404;
        onError?.(error instanceof Error ? error : new Error(String(error)), { fatal, ...(status ? { status } : {}) });
        if (fatal) return;
      }
      await sleep(retryMs, controller.signal);
    }
  };
  void run();
  return { close: () => controller.abort() };
}

function subscribeWithEventSource(options: ConversationEventsOptions): ConversationEventsSubscription {
  const { url, token, onMessage, onState, onError } = options;
  const seen = new Set<string>();
  const source = new EventSource(withQuery(url, { token: token ?? undefined, after: options.after }), {
    withCredentials: options.credentials === 'include',
  });
  for (const name of ['message', 'state']) {
    source.addEventListener(name, (event) => {
      dispatch({ event: name, data: (event as MessageEvent<string>).data }, { seen, onMessage, onState });
    });
  }
  source.addEventListener('error', () => {
    // EventSource retries by itself; closed means it gave up (a refusal such as 403).
    const fatal = source.readyState === EventSource.CLOSED;
    onError?.(new Error('The conversation events stream failed.'), { fatal });
  });
  return { close: () => source.close() };
}

/** Hands one event to its handler; returns the message it delivered, if any. */
function dispatch(
  event: { event: string; data: string },
  handlers: Pick<ConversationEventsOptions, 'onMessage' | 'onState'> & { seen: Set<string> },
): HandrailUIMessage | null {
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    return null;
  }
  if (event.event === 'state') {
    handlers.onState?.(data as ConversationStateEvent);
    return null;
  }
  if (event.event !== 'message') return null;
  const message = data as HandrailUIMessage;
  if (typeof message?.id !== 'string' || handlers.seen.has(message.id)) return null;
  handlers.seen.add(message.id);
  handlers.onMessage(message);
  return message;
}

function withQuery(url: string, query: Record<string, string | undefined>): string {
  const params = Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (params.length === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${new URLSearchParams(params)}`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
