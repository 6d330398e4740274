import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWebhookSecret, webhookHeaderNames } from '../../src/notify/standard-webhooks.js';
import { type Receiver, startReceiver } from '../notify/receiver.js';
import { buildWorker, makePersistDir, type RunningWorker, startWorker } from '../support/miniflare.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

const agentToken = 'worker-test-agent-token-0123456789';
const jsonAccept = { 'content-type': 'application/json', accept: 'application/json' };
const agentHeaders = { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' };

let scriptPath: string;
let persistDir: string;
let removePersistDir: () => Promise<void>;
let receiver: Receiver;
let worker: RunningWorker;
let bindings: Record<string, string>;

beforeAll(async () => {
  ({ scriptPath } = await buildWorker('src/worker.ts'));
  ({ persistDir, remove: removePersistDir } = await makePersistDir());
  receiver = await startReceiver({ status: 200, body: 'ok' });
  bindings = {
    HANDRAIL_AGENT_TOKEN: agentToken,
    WEBHOOK_URL: receiver.url,
    WEBHOOK_SECRET: generateWebhookSecret(),
  };
  worker = await startWorker({ scriptPath, persistDir, bindings });
});

afterAll(async () => {
  await worker?.dispose();
  await receiver?.close();
  await removePersistDir?.();
});

interface ChatAnswer {
  conversationId: string;
  messages: Array<{ id: string; role: string; parts: Array<{ type: string; text?: string }> }>;
  handoff: { status: string } | null;
}

let conversationCount = 0;
function newConversationId(): string {
  conversationCount += 1;
  return `worker-conversation-${conversationCount}-${Math.random().toString(36).slice(2, 8)}`;
}

async function chat(id: string, text: string, token?: string): Promise<{ response: Response; body: ChatAnswer }> {
  const response = await worker.fetch('/api/chat', {
    method: 'POST',
    headers: { ...jsonAccept, ...(token ? { 'x-handrail-conversation-token': token } : {}) },
    body: chatBody(id, [userMessage(text)]),
  });
  expect(response.status).toBe(200);
  return { response, body: (await response.json()) as ChatAnswer };
}

async function readConversation(id: string, token: string) {
  const response = await worker.fetch(`/api/conversations/${id}`, {
    headers: { 'x-handrail-conversation-token': token },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    state: string;
    messages: Array<{ id: string; role: string; parts: Array<{ type: string; text?: string }> }>;
    handoff: { id: string; agentId?: string } | null;
  };
}

/** Waits for something the Worker does in the background (a webhook arriving); fails after `timeoutMs`. */
async function eventually<T>(read: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('the expected event did not happen in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function webhooksFor(conversationId: string) {
  return receiver.requests.filter(
    (request) =>
      (JSON.parse(request.body) as { data?: { conversationId?: string } }).data?.conversationId === conversationId,
  );
}

describe('the Worker (workerd, Durable Object store)', () => {
  it('answers the health check with the offline model when no key is set', async () => {
    const response = await worker.fetch('/healthz');
    expect(await response.json()).toEqual({ ok: true, model: 'offline' });
  });

  it('runs a conversation through a handoff, an agent claim and reply, and resolve', async () => {
    const id = newConversationId();
    const first = await chat(id, 'What payment methods do you accept?');
    const token = first.response.headers.get('x-handrail-conversation-token')!;
    expect(token).toBeTruthy();
    expect(first.body.handoff).toBeNull();
    expect(first.body.messages.map((message) => message.role)).toEqual(['user', 'assistant']);

    const second = await chat(id, 'I want to talk to a real person', token);
    expect(second.body.handoff?.status).toBe('queued');
    expect((await readConversation(id, token)).state).toBe('queued');

    const queue = (await (await worker.fetch('/api/agent/queue', { headers: agentHeaders })).json()) as {
      queue: Array<{ id: string }>;
    };
    expect(queue.queue.map((entry) => entry.id)).toContain(id);

    const claim = await worker.fetch(`/api/agent/conversations/${id}/claim`, { method: 'POST', headers: agentHeaders });
    expect(claim.status).toBe(200);
    expect(((await claim.json()) as { state: string }).state).toBe('assigned');

    const reply = await worker.fetch(`/api/agent/conversations/${id}/messages`, {
      method: 'POST',
      headers: agentHeaders,
      body: JSON.stringify({ text: 'Hi, this is Sam from support. How can I help?' }),
    });
    expect(reply.status).toBe(201);
    const afterReply = await readConversation(id, token);
    expect(afterReply.state).toBe('human');
    const lastText = afterReply.messages.at(-1)?.parts.find((part) => part.type === 'text')?.text;
    expect(lastText).toBe('Hi, this is Sam from support. How can I help?');

    const resolve = await worker.fetch(`/api/agent/conversations/${id}/resolve`, {
      method: 'POST',
      headers: agentHeaders,
      body: JSON.stringify({ to: 'closed' }),
    });
    expect(resolve.status).toBe(200);
    expect((await readConversation(id, token)).state).toBe('resolved');

    // The webhook receiver heard of the handoff.
    const created = await eventually(() =>
      webhooksFor(id).find((request) => (JSON.parse(request.body) as { type: string }).type === 'handoff.created'),
    );
    expect(created.headers[webhookHeaderNames.id]).toBeTruthy();
  });

  it('keeps every one of many concurrent messages to one conversation, in one transcript', async () => {
    const id = newConversationId();
    const first = await chat(id, 'Hello, I have a question about my order');
    const token = first.response.headers.get('x-handrail-conversation-token')!;
    const texts = Array.from({ length: 6 }, (_, index) => `Question ${index}: how long does standard shipping take?`);
    const responses = await Promise.all(
      texts.map((text) =>
        worker.fetch('/api/chat', {
          method: 'POST',
          headers: { ...jsonAccept, 'x-handrail-conversation-token': token },
          body: chatBody(id, [userMessage(text)]),
        }),
      ),
    );
    for (const response of responses) expect(response.status).toBe(200);
    const stored = await readConversation(id, token);
    const userTexts = stored.messages
      .filter((message) => message.role === 'user')
      .map((message) => message.parts.find((part) => part.type === 'text')?.text);
    expect(userTexts).toHaveLength(7);
    expect(new Set(userTexts)).toEqual(new Set(['Hello, I have a question about my order', ...texts]));
  });

  it('makes one handoff of concurrent escalations of one conversation', async () => {
    const id = newConversationId();
    const first = await chat(id, 'Hi there');
    const token = first.response.headers.get('x-handrail-conversation-token')!;
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        worker.fetch('/api/chat', {
          method: 'POST',
          headers: { ...jsonAccept, 'x-handrail-conversation-token': token },
          body: chatBody(id, [userMessage('Let me speak to a human agent now please')]),
        }),
      ),
    );
    for (const response of responses) expect(response.status).toBe(200);
    const stored = (await readConversation(id, token)) as Awaited<ReturnType<typeof readConversation>> & {
      pastHandoffs?: unknown[];
    };
    expect(stored.state).toBe('queued');
    expect(stored.pastHandoffs ?? []).toHaveLength(0);

    const queue = (await (await worker.fetch('/api/agent/queue', { headers: agentHeaders })).json()) as {
      queue: Array<{ id: string }>;
    };
    expect(queue.queue.filter((entry) => entry.id === id)).toHaveLength(1);

    const created = await eventually(() => {
      const found = webhooksFor(id).filter(
        (request) => (JSON.parse(request.body) as { type: string }).type === 'handoff.created',
      );
      return found.length > 0 ? found : undefined;
    });
    const ids = new Set(created.map((request) => request.headers[webhookHeaderNames.id]));
    expect(ids.size).toBe(1);
  });

  it('retries a failed webhook delivery from the directory alarm', async () => {
    receiver.respondWith({ status: 503, body: 'down' });
    const id = newConversationId();
    await chat(id, 'I want to talk to a real person');
    const failed = await eventually(() => webhooksFor(id)[0]);
    receiver.respondWith({ status: 200, body: 'ok' });
    // No more requests reach the Worker: only the alarm can send the retry.
    const retried = await eventually(() => webhooksFor(id)[1]);
    expect(retried.headers[webhookHeaderNames.id]).toBe(failed.headers[webhookHeaderNames.id]);
    expect(JSON.parse(retried.body)).toMatchObject({ type: 'handoff.created', data: { conversationId: id } });
  });

  it('keeps conversations and the queue across a restart of workerd (storage, not memory)', async () => {
    const id = newConversationId();
    const first = await chat(id, 'I need a human to help with a refund');
    const token = first.response.headers.get('x-handrail-conversation-token')!;
    const before = await readConversation(id, token);

    await worker.dispose();
    worker = await startWorker({ scriptPath, persistDir, bindings });

    const after = await readConversation(id, token);
    expect(after).toEqual(before);
    const queue = (await (await worker.fetch('/api/agent/queue', { headers: agentHeaders })).json()) as {
      queue: Array<{ id: string }>;
    };
    expect(queue.queue.map((entry) => entry.id)).toContain(id);
  });
});
