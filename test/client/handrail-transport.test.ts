import { Chat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandrailUIMessage } from '../../src/chat/conversation.js';
import {
  type ConversationStateEvent,
  createHandrailTransport,
  HandrailApiError,
  latestHandoff,
  mergeMessages,
  type SessionStorageLike,
} from '../../src/client/index.js';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

const agentToken = 'client-test-agent-token-0123';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The real Handrail app, mounted at /api, and a fetch that calls it (counting chat POSTs). */
function setup() {
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    store: createMemoryStore(),
    agentToken,
    brief: { model: false },
    eventsPollMs: 20,
  });
  const app = new Hono();
  app.route('/api', engine.app);
  const posts: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (init?.method === 'POST' && url.endsWith('/chat')) posts.push(url);
    return app.request(url, init);
  };
  const agent = (path: string, body?: unknown) =>
    app.request(`/api/agent${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  cleanups.push(() => engine.idle());
  return { app, engine, fetch, posts, agent };
}

const textOf = (message: HandrailUIMessage | undefined) =>
  (message?.parts ?? []).flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');

async function until<T>(read: () => T, accept: (value: T) => boolean, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = read();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** A storage object like sessionStorage, in memory. */
function memoryStorage(): SessionStorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('createHandrailTransport with useChat (the AI SDK Chat) against the real app', () => {
  it('answer, second message, handoff, agent reply live, back to the bot', async () => {
    const { fetch, posts, agent } = setup();
    const transport = createHandrailTransport({ fetch, clientToken: false });
    const chat = new Chat<HandrailUIMessage>({ id: transport.session.conversationId, transport });
    const conversationId = transport.session.conversationId;
    expect(conversationId).toMatch(/^[0-9a-f]{32}$/);
    expect(transport.session.token).toBeNull();

    // 1. The first message: the answer streams, and the token the server issued is kept.
    await chat.sendMessage({ text: 'How long does shipping take?' });
    expect(chat.error).toBeUndefined();
    expect(transport.session.token).toMatch(/^[\w-]{40,}$/);
    expect(chat.messages.at(-1)?.metadata?.author).toBe('bot');

    // 2. The second message goes through (a stock transport gets 403 here, see below).
    await chat.sendMessage({ text: 'What payment methods do you accept?' });
    expect(chat.error).toBeUndefined();
    expect(chat.messages.filter((message) => message.metadata?.author === 'bot')).toHaveLength(2);

    // 3. A handoff.
    await chat.sendMessage({ text: 'I want to talk to a real person please' });
    expect(latestHandoff(chat.messages)?.status).toBe('queued');

    // 4. Live events: the agent's claim, reply and hand-back arrive without a new POST.
    const states: ConversationStateEvent[] = [];
    const subscription = transport.subscribeEvents({
      after: chat.messages.at(-1)?.id,
      onMessage: (message) => {
        chat.messages = mergeMessages(chat.messages, [message]);
      },
      onState: (event) => states.push(event),
    });
    cleanups.push(() => subscription.close());
    await until(
      () => states.at(-1)?.state,
      (state) => state === 'queued',
      'the queued state',
    );
    const postsBefore = posts.length;
    expect((await agent(`/conversations/${conversationId}/claim`, {})).status).toBe(200);
    await until(
      () => latestHandoff(chat.messages)?.status,
      (status) => status === 'assigned',
      'the claim notice',
    );
    const reply = 'Hi, this is the agent. Your parcel left today.';
    expect((await agent(`/conversations/${conversationId}/messages`, { text: reply })).status).toBe(201);
    const agentMessage = await until(
      () => chat.messages.at(-1),
      (message) => message?.metadata?.author === 'agent',
      "the agent's reply",
    );
    expect(textOf(agentMessage)).toBe(reply);
    expect(posts.length).toBe(postsBefore);

    // The user writes while the agent has the conversation: the answer does not repeat the reply it has.
    await chat.sendMessage({ text: 'Thank you!' });
    expect(chat.error).toBeUndefined();
    expect(chat.messages.filter((message) => textOf(message).includes(reply))).toHaveLength(1);

    // 5. Back to the bot: the notice and the state arrive live, and the bot answers the next message.
    expect((await agent(`/conversations/${conversationId}/resolve`, { to: 'bot' })).status).toBe(200);
    await until(
      () => latestHandoff(chat.messages)?.status,
      (status) => status === 'resolved',
      'the hand-back',
    );
    await until(
      () => states.at(-1)?.state,
      (state) => state === 'bot',
      'the bot state',
    );
    expect(states.map((event) => event.state)).toEqual(['queued', 'assigned', 'human', 'bot']);
    await chat.sendMessage({ text: 'What is your return policy?' });
    expect(chat.error).toBeUndefined();
    expect(chat.messages.at(-1)?.metadata?.author).toBe('bot');
    expect(textOf(chat.messages.at(-1))).toMatch(/return/i);
    // Nothing came twice.
    const ids = chat.messages.map((message) => message.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('without live events the answer repeats the agent’s messages (for clients that only POST)', async () => {
    const { fetch, agent } = setup();
    const transport = createHandrailTransport({ fetch });
    const chat = new Chat<HandrailUIMessage>({ id: transport.session.conversationId, transport });
    await chat.sendMessage({ text: 'I want to talk to a real person please' });
    const id = transport.session.conversationId;
    await agent(`/conversations/${id}/claim`, {});
    await agent(`/conversations/${id}/messages`, { text: 'Hello from the agent.' });
    await chat.sendMessage({ text: 'Hello?' });
    expect(textOf(chat.messages.at(-1))).toContain('Hello from the agent.');
  });

  it('a stock DefaultChatTransport gets 403 invalid_conversation_token on the second message (what the client fixes)', async () => {
    const { fetch } = setup();
    const chat = new Chat<HandrailUIMessage>({ transport: new DefaultChatTransport({ api: '/api/chat', fetch }) });
    await chat.sendMessage({ text: 'How long does shipping take?' });
    expect(chat.error).toBeUndefined();
    await chat.sendMessage({ text: 'And to Canada?' });
    expect(chat.error?.message).toContain('invalid_conversation_token');
  });

  it('chooses the token itself by default and sends it with the first message; errors come back as HandrailApiError', async () => {
    const { fetch } = setup();
    const transport = createHandrailTransport({ fetch });
    const chosen = transport.session.token;
    expect(chosen).toMatch(/^[\w-]{43}$/);
    const chat = new Chat<HandrailUIMessage>({ id: transport.session.conversationId, transport });
    await chat.sendMessage({ text: 'Do you ship to Canada?' });
    expect(chat.error).toBeUndefined();
    expect(transport.session.token).toBe(chosen);
    expect((await transport.loadConversation())?.messages).toHaveLength(2);

    // Another client, with the same id and a token of its own, is refused.
    const intruder = createHandrailTransport({ fetch, conversationId: transport.session.conversationId });
    const refused = new Chat<HandrailUIMessage>({ id: 'other', transport: intruder });
    await refused.sendMessage({ text: 'let me in' });
    expect(HandrailApiError.isInstance(refused.error)).toBe(true);
    expect(refused.error).toMatchObject({ status: 403, code: 'invalid_conversation_token' });
    expect(await intruder.loadConversation()).toBeNull();
  });

  it('keeps the session in storage once a message is sent, restores it, and forgets it on reset', async () => {
    const { fetch } = setup();
    const storage = memoryStorage();
    const transport = createHandrailTransport({ fetch, storage });
    expect(transport.restored).toBe(false);
    expect(storage.items.size).toBe(0);
    const chat = new Chat<HandrailUIMessage>({ id: transport.session.conversationId, transport });
    await chat.sendMessage({ text: 'What payment methods do you accept?' });
    const kept = JSON.parse(storage.items.get('handrail-chat-conversation') ?? 'null');
    expect(kept).toEqual({ id: transport.session.conversationId, token: transport.session.token });

    const reloaded = createHandrailTransport({ fetch, storage });
    expect(reloaded.restored).toBe(true);
    expect(reloaded.session).toEqual(transport.session);
    const conversation = await reloaded.loadConversation();
    expect(conversation?.messages.map((message) => message.id)).toEqual(chat.messages.map((message) => message.id));
    expect(conversation?.state).toBe('bot');

    let changes = 0;
    reloaded.subscribe(() => changes++);
    const fresh = reloaded.reset();
    expect(changes).toBe(1);
    expect(fresh.conversationId).not.toBe(transport.session.conversationId);
    expect(storage.items.size).toBe(0);
  });

  it('refuses bad options with one readable error', () => {
    expect(() => createHandrailTransport({ api: '' })).toThrow(/api: api must be a non-empty string/);
    expect(() => createHandrailTransport({ api: '/support/ask' })).toThrow(
      /does not end in \/chat, so give conversationsApi/,
    );
    expect(() => createHandrailTransport({ conversationId: 'c1', token: 'short' })).toThrow(
      /token must be 32 to 256 characters/,
    );
    expect(() => createHandrailTransport({ storage: 'cookies' as never })).toThrow(
      /storage must be 'memory', 'session'/,
    );
    expect(() => createHandrailTransport({ apiUrl: '/x' } as never)).toThrow(/Invalid Handrail transport options/);
    const custom = createHandrailTransport({ api: '/support/ask', conversationsApi: '/support/conversations' });
    expect(custom.session.conversationId).toMatch(/^[0-9a-f]{32}$/);
  });
});
