import { describe, expect, it } from 'vitest';
import type { HandrailUIMessage } from '../../src/chat/conversation.js';
import { readServerSentEvents, subscribeConversationEvents } from '../../src/client/index.js';

/** A response body that arrives in the given pieces. */
function body(pieces: string[]) {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

const message = (id: string): HandrailUIMessage => ({
  id,
  role: 'assistant',
  parts: [{ type: 'text', text: `text of ${id}` }],
  metadata: { author: 'agent' },
});

const sse = (event: string, data: unknown, id?: string) =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n${id ? `id: ${id}\n` : ''}\n`;

describe('readServerSentEvents', () => {
  it('reads named events split anywhere, with CRLF, comments and multi-line data', async () => {
    const events = [];
    for await (const event of readServerSentEvents(
      body([
        ': hello\r\nevent: sta',
        'te\r\ndata: {"state":"queued"}\r\n\r\n',
        'data: line 1\ndata: line 2\nid: 7\n\n',
      ]),
    )) {
      events.push(event);
    }
    expect(events).toEqual([
      { event: 'state', data: '{"state":"queued"}' },
      { event: 'message', data: 'line 1\nline 2', id: '7' },
    ]);
  });
});

describe('subscribeConversationEvents (fetch)', () => {
  it('sends the token as a header, resumes after the last message when the stream ends, and skips repeats', async () => {
    const requests: { url: string; token: string | null }[] = [];
    const streams = [
      [sse('state', { state: 'assigned', handoff: null }), sse('message', message('m1'), 'm1')],
      [
        sse('state', { state: 'human', handoff: null }),
        sse('message', message('m1'), 'm1'),
        sse('message', message('m2')),
      ],
    ];
    const received: string[] = [];
    const states: string[] = [];
    const subscription = subscribeConversationEvents({
      url: '/api/conversations/c1/events',
      token: 'the-token',
      after: 'u1',
      retryMs: 10,
      fetch: async (input, init) => {
        requests.push({ url: String(input), token: new Headers(init?.headers).get('x-handrail-conversation-token') });
        const next = streams.shift();
        return next ? new Response(body(next), { status: 200 }) : new Promise<Response>(() => {});
      },
      onMessage: (delivered) => received.push(delivered.id),
      onState: (event) => states.push(event.state),
    });
    while (received.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    subscription.close();
    expect(received).toEqual(['m1', 'm2']);
    expect(states).toEqual(['assigned', 'human']);
    expect(requests).toEqual([
      { url: '/api/conversations/c1/events?after=u1', token: 'the-token' },
      { url: '/api/conversations/c1/events?after=m1', token: 'the-token' },
    ]);
  });

  it('stops on a refusal (403) and reports it as fatal', async () => {
    let calls = 0;
    const errors: { fatal: boolean; status?: number }[] = [];
    subscribeConversationEvents({
      url: '/api/conversations/c1/events',
      token: 'wrong',
      retryMs: 5,
      fetch: async () => {
        calls++;
        return new Response('{"error":{"code":"invalid_conversation_token"}}', { status: 403 });
      },
      onMessage: () => {},
      onError: (_error, details) => errors.push(details),
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls).toBe(1);
    expect(errors).toEqual([{ fatal: true, status: 403 }]);
  });

  it('retries after a server error', async () => {
    let calls = 0;
    const errors: boolean[] = [];
    const subscription = subscribeConversationEvents({
      url: '/events',
      token: 't',
      retryMs: 5,
      fetch: async () => {
        calls++;
        return new Response('busy', { status: 503 });
      },
      onMessage: () => {},
      onError: (_error, details) => errors.push(details.fatal),
    });
    while (calls < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    subscription.close();
    expect(errors.slice(0, 2)).toEqual([false, false]);
  });
});

describe('subscribeConversationEvents (EventSource)', () => {
  it('puts the token in the query (EventSource sends no headers) and skips repeats after its own reconnects', () => {
    const opened: FakeEventSource[] = [];
    class FakeEventSource extends EventTarget {
      static readonly CLOSED = 2;
      readyState = 1;
      closed = false;
      constructor(
        readonly url: string,
        readonly init?: EventSourceInit,
      ) {
        super();
        opened.push(this);
      }
      emit(type: string, data: unknown) {
        this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }));
      }
      close() {
        this.closed = true;
      }
    }
    const original = globalThis.EventSource;
    globalThis.EventSource = FakeEventSource as unknown as typeof EventSource;
    try {
      const received: string[] = [];
      const states: string[] = [];
      const subscription = subscribeConversationEvents({
        url: '/api/conversations/c1/events',
        token: 'the-token',
        after: 'u1',
        mode: 'eventsource',
        credentials: 'include',
        onMessage: (delivered) => received.push(delivered.id),
        onState: (event) => states.push(event.state),
      });
      const source = opened[0]!;
      expect(source.url).toBe('/api/conversations/c1/events?token=the-token&after=u1');
      expect(source.init).toEqual({ withCredentials: true });
      source.emit('state', { state: 'human', handoff: null });
      source.emit('message', message('m1'));
      source.emit('message', message('m1'));
      source.emit('message', message('m2'));
      expect(received).toEqual(['m1', 'm2']);
      expect(states).toEqual(['human']);
      subscription.close();
      expect(source.closed).toBe(true);
    } finally {
      globalThis.EventSource = original;
    }
  });
});
