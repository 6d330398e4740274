import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LanguageModelV4GenerateResult, LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import type { UIMessageChunk } from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandoffPartData } from '../../src/chat/conversation.js';
import { createHandrailEngine } from '../../src/handrail.js';
import type { HandrailOptions } from '../../src/handrail-options.js';
import { createOfflineModel } from '../../src/model/index.js';
import { createWebhookNotifier, generateWebhookSecret, verifyWebhook } from '../../src/notify/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { hangingModel, textModel, throwingModel, toolCallModel } from '../support/mock-models.js';
import { chatBody, readChunks, userMessage } from '../support/ui-stream.js';

const json = { 'content-type': 'application/json' };
const jsonAccept = { ...json, accept: 'application/json' };
const usage: LanguageModelV4Usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

function mount(options: Partial<HandrailOptions> = {}) {
  const app = new Hono();
  const engine = createHandrailEngine({ model: createOfflineModel(), rateLimit: false, ...options });
  app.route('/api', engine.app);
  return { app, engine };
}

function post(app: Hono, body: string, headers: Record<string, string> = json) {
  return app.request('/api/chat', { method: 'POST', headers, body });
}

type HandoffChunk = { type: 'data-handoff'; data: HandoffPartData };
const handoffOf = (chunks: UIMessageChunk[]) =>
  chunks.find((chunk): chunk is UIMessageChunk & HandoffChunk => chunk.type === 'data-handoff');

/** The user-visible outcome every model fault must have: a 200 stream with a handoff and no error part. */
async function expectHandoffStream(response: Response, reason: string) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const chunks = await readChunks(response);
  expect(chunks.filter((chunk) => chunk.type === 'error')).toEqual([]);
  expect(chunks.at(-1)?.type).toBe('finish');
  const handoff = handoffOf(chunks);
  expect(handoff?.data.status).toBe('queued');
  expect(handoff?.data.reasons[0]?.reason).toBe(reason);
  expect(handoff?.data.message.length).toBeGreaterThan(10);
  return { chunks, handoff: handoff!.data };
}

/** A mock model that streams `parts` after the stream start. */
function streamingModel(parts: LanguageModelV4StreamPart[]) {
  return new MockLanguageModelV4({
    doStream: async () => ({
      stream: convertArrayToReadableStream<LanguageModelV4StreamPart>([
        { type: 'stream-start', warnings: [] },
        ...parts,
      ]),
    }),
  });
}

const question = 'Do you sell waterproof hiking boots in size 46?';

describe('the model fails', () => {
  it('throws: the user is handed off with reason error, in the stream and in JSON mode', async () => {
    const { app } = mount({ model: throwingModel('503 upstream overloaded') });
    const { handoff } = await expectHandoffStream(
      await post(app, chatBody('fault-throw-1', [userMessage(question)])),
      'error',
    );
    // The provider's message stays in the log, out of the user's stream.
    expect(handoff.reasons[0]?.detail).toBe('The model failed (Error).');
    const jsonResponse = await post(app, chatBody('fault-throw-2', [userMessage(question)]), jsonAccept);
    expect(jsonResponse.status).toBe(200);
    const body = (await jsonResponse.json()) as { handoff: HandoffPartData };
    expect(body.handoff.reasons[0]?.reason).toBe('error');
  });

  it('hangs past modelTimeoutMs: the call is aborted and the user handed off with reason error', async () => {
    const model = hangingModel();
    const { app, engine } = mount({ model, modelTimeoutMs: 200 });
    const { handoff } = await expectHandoffStream(
      await post(app, chatBody('fault-hang-1', [userMessage(question)])),
      'error',
    );
    expect(handoff.reasons[0]?.detail).toMatch(/within 200 ms/);
    expect(model.doStreamCalls[0]?.abortSignal?.aborted).toBe(true);
    const stored = await engine.store.getConversation('fault-hang-1');
    expect(stored?.state).toBe('queued');
  });

  it('streams an error part mid-answer: the partial answer is not shown, the user is handed off', async () => {
    const model = streamingModel([
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Our boots come in sizes 36 to' },
      { type: 'error', error: new Error('connection reset by peer') },
    ]);
    const { app } = mount({ model });
    const { chunks } = await expectHandoffStream(
      await post(app, chatBody('fault-error-part-1', [userMessage(question)])),
      'error',
    );
    const shown = chunks.flatMap((chunk) => (chunk.type === 'text-delta' ? [chunk.delta] : [])).join('');
    expect(shown).not.toContain('sizes 36 to');
  });

  it('streams an error part mid-answer with holdOutput off: the partial text is followed by a handoff', async () => {
    const model = streamingModel([
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Our boots come in' },
      { type: 'error', error: new Error('connection reset by peer') },
    ]);
    const { app } = mount({ model, holdOutput: false });
    await expectHandoffStream(await post(app, chatBody('fault-error-part-2', [userMessage(question)])), 'error');
  });

  it('ends its stream with an exception (a broken connection): handed off with reason error', async () => {
    const model = new MockLanguageModelV4({
      doStream: async () => ({
        stream: new ReadableStream<LanguageModelV4StreamPart>({
          start(controller) {
            controller.enqueue({ type: 'stream-start', warnings: [] });
            controller.enqueue({ type: 'text-start', id: 't1' });
            controller.enqueue({ type: 'text-delta', id: 't1', delta: 'Half an ans' });
            controller.error(new TypeError('terminated'));
          },
        }),
      }),
    });
    const { app } = mount({ model });
    await expectHandoffStream(await post(app, chatBody('fault-broken-1', [userMessage(question)])), 'error');
  });

  it('calls escalate_to_human with malformed JSON: the call is honoured as a handoff, not an error', async () => {
    const { app } = mount({ model: toolCallModel('{"reason": "billing", "summary": "Customer wa') });
    const { handoff } = await expectHandoffStream(
      await post(app, chatBody('fault-bad-tool-1', [userMessage(question)])),
      'model_decision',
    );
    expect(handoff.reasons[0]?.source).toBe('model');
  });

  it('calls escalate_to_human with wrong types and an oversized summary: still a handoff', async () => {
    const { app, engine } = mount({
      model: toolCallModel({ reason: 'please', summary: 'x'.repeat(50_000), urgency: 7 }),
    });
    const { handoff } = await expectHandoffStream(
      await post(app, chatBody('fault-bad-tool-2', [userMessage(question)])),
      'model_decision',
    );
    // The oversized summary does not reach the user or the stored reasons.
    expect(JSON.stringify(handoff).length).toBeLessThan(5000);
    const stored = await engine.store.getConversation('fault-bad-tool-2');
    expect(JSON.stringify(stored?.handoff?.reasons).length).toBeLessThan(5000);
  });

  it('calls a tool that does not exist, on every step: the user gets a handoff, not silence', async () => {
    const { app, engine } = mount({ model: toolCallModel({ path: '/' }, 'delete_everything') });
    const response = await post(app, chatBody('fault-no-tool-1', [userMessage(question)]));
    expect(response.status).toBe(200);
    const chunks = await readChunks(response);
    expect(chunks.filter((chunk) => chunk.type === 'error')).toEqual([]);
    expect(handoffOf(chunks)).toBeDefined();
    expect((await engine.store.getConversation('fault-no-tool-1'))?.state).toBe('queued');
  });

  it('answers with an empty stream: the user gets a handoff, not an empty bubble', async () => {
    const model = streamingModel([{ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage }]);
    const { app } = mount({ model });
    const response = await post(app, chatBody('fault-empty-1', [userMessage(question)]));
    const chunks = await readChunks(response);
    expect(chunks.filter((chunk) => chunk.type === 'error')).toEqual([]);
    expect(handoffOf(chunks)).toBeDefined();
  });
});

function generateResult(text: string): LanguageModelV4GenerateResult {
  return { content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] };
}

describe('the summarizer (brief model) fails', () => {
  const escalate = 'I want to talk to a real person about my order 12345';

  const cases: Array<[string, MockLanguageModelV4, RegExp]> = [
    [
      'throws',
      new MockLanguageModelV4({
        doGenerate: async () => {
          throw new Error('quota exceeded');
        },
      }),
      /quota exceeded/,
    ],
    [
      'hangs past its deadline',
      new MockLanguageModelV4({
        doGenerate: ({ abortSignal }) =>
          new Promise<never>((_, reject) => abortSignal?.addEventListener('abort', () => reject(abortSignal.reason))),
      }),
      /within 200 ms/,
    ],
    [
      'returns garbage',
      new MockLanguageModelV4({ doGenerate: async () => generateResult('{"summary": [1, 2') }),
      /invalid/,
    ],
  ];

  for (const [name, briefModel, why] of cases) {
    it(`${name}: the handoff keeps the deterministic brief (briefSource extractive) and says why`, async () => {
      const { app, engine } = mount({ model: textModel('unused'), brief: { model: briefModel, timeoutMs: 200 } });
      const response = await post(app, chatBody(`fault-brief-${name.replace(/\W/g, '')}`, [userMessage(escalate)]));
      const { handoff } = await expectHandoffStream(response, 'explicit_request');
      expect(handoff.status).toBe('queued');
      await engine.idle();
      const stored = await engine.store.getConversation(`fault-brief-${name.replace(/\W/g, '')}`);
      expect(stored?.handoff?.briefSource).toBe('extractive');
      expect(stored?.handoff?.briefError).toMatch(why);
      const brief = stored?.handoff?.brief as { summary: string; entities: { orderNumbers: string[] } };
      expect(brief.summary.length).toBeGreaterThan(0);
      expect(brief.entities.orderNumbers).toContain('12345');
    });
  }
});

/** A store whose reads and writes fail on demand, around a memory store. */
function faultyStore() {
  const inner = createMemoryStore();
  const faults = { reads: false, writes: false, writesLeft: Number.POSITIVE_INFINITY };
  const failWrite = () => {
    if (faults.writes) return true;
    if (faults.writesLeft <= 0) return true;
    faults.writesLeft--;
    return false;
  };
  const store: Store = {
    async getConversation(id) {
      if (faults.reads) throw new Error('ECONNREFUSED store read');
      return inner.getConversation(id);
    },
    async putConversation(conversation, expectedVersion, deliveries) {
      if (failWrite()) throw new Error('EIO store write');
      return inner.putConversation(conversation, expectedVersion, deliveries);
    },
    async listConversations(filter) {
      if (faults.reads) throw new Error('ECONNREFUSED store list');
      return inner.listConversations(filter);
    },
    enqueueDeliveries: (deliveries) => inner.enqueueDeliveries(deliveries),
    dueDeliveries: (now, limit) => inner.dueDeliveries(now, limit),
    updateDelivery: (delivery, expectedAttempts) => inner.updateDelivery(delivery, expectedAttempts),
    listDeliveries: () => inner.listDeliveries(),
  };
  /** Everything stored, as JSON, read past the faults. */
  const snapshot = async () => {
    const summaries = await inner.listConversations();
    const conversations = await Promise.all(summaries.map((summary) => inner.getConversation(summary.id)));
    return JSON.stringify({ conversations, deliveries: await inner.listDeliveries() });
  };
  return { store, faults, snapshot };
}

async function expectStoreUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(await response.json()).toEqual({ error: { code: 'store_unavailable', message: expect.any(String) } });
}

describe('the store fails', () => {
  const agentToken = 'agent-token-faults-0123456789';
  const agent = { authorization: `Bearer ${agentToken}` };

  it('on read: 503 JSON on the chat, conversation and agent routes', async () => {
    const { store, faults } = faultyStore();
    const { app } = mount({ store, agentToken });
    const first = await post(app, chatBody('fault-store-read-1', [userMessage('I want a human agent')]), jsonAccept);
    expect(first.status).toBe(200);
    const token = first.headers.get('x-handrail-conversation-token')!;
    faults.reads = true;
    await expectStoreUnavailable(await post(app, chatBody('fault-store-read-1', [userMessage('hello?')]), jsonAccept));
    await expectStoreUnavailable(await post(app, chatBody('fault-store-read-2', [userMessage(question)])));
    await expectStoreUnavailable(
      await app.request('/api/conversations/fault-store-read-1', {
        headers: { 'x-handrail-conversation-token': token },
      }),
    );
    await expectStoreUnavailable(await app.request('/api/agent/queue', { headers: agent }));
    await expectStoreUnavailable(await app.request('/api/agent/metrics', { headers: agent }));
    await expectStoreUnavailable(await app.request('/api/agent/conversations/fault-store-read-1', { headers: agent }));
    await expectStoreUnavailable(
      await app.request('/api/agent/conversations/fault-store-read-1/claim', { method: 'POST', headers: agent }),
    );
  });

  it('on write: 503 JSON and nothing half-written', async () => {
    const { store, faults, snapshot } = faultyStore();
    const { app } = mount({ store, agentToken });
    const first = await post(app, chatBody('fault-store-write-1', [userMessage('I want a human agent')]), jsonAccept);
    const token = first.headers.get('x-handrail-conversation-token')!;
    const before = await snapshot();
    faults.writes = true;
    await expectStoreUnavailable(await post(app, chatBody('fault-store-write-2', [userMessage(question)]), jsonAccept));
    await expectStoreUnavailable(await post(app, chatBody('fault-store-write-3', [userMessage(question)])));
    await expectStoreUnavailable(
      await post(app, chatBody('fault-store-write-1', [userMessage('still there?')]), {
        ...jsonAccept,
        'x-handrail-conversation-token': token,
      }),
    );
    await expectStoreUnavailable(
      await app.request('/api/agent/conversations/fault-store-write-1/claim', { method: 'POST', headers: agent }),
    );
    expect(await snapshot()).toBe(before);
  });

  it('while the answer is stored: 503 with the token, and the retried message is stored once with its answer', async () => {
    const { store, faults } = faultyStore();
    const { app, engine } = mount({ store });
    const message = userMessage('What payment methods do you accept?');
    faults.writesLeft = 1; // the user message is stored, the answer is not
    const failed = await post(app, chatBody('fault-store-mid-1', [message]), jsonAccept);
    // The conversation exists now: without its token the client could never retry.
    const token = failed.headers.get('x-handrail-conversation-token');
    expect(token).toMatch(/^[\w-]{40,}$/);
    await expectStoreUnavailable(failed);
    faults.writesLeft = Number.POSITIVE_INFINITY;
    // useChat retries with the same message id.
    const retried = await post(app, chatBody('fault-store-mid-1', [message]), {
      ...jsonAccept,
      'x-handrail-conversation-token': token!,
    });
    expect(retried.status).toBe(200);
    const stored = await engine.store.getConversation('fault-store-mid-1');
    expect(stored?.messages.map((entry) => entry.role)).toEqual(['user', 'assistant']);
  });

  it('in the stream: the user sees a short error message, never a stack trace or the store error', async () => {
    const { store, faults } = faultyStore();
    const { app } = mount({ store });
    faults.writesLeft = 1;
    const response = await post(app, chatBody('fault-store-stream-1', [userMessage(question)]));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('could not finish this answer');
    expect(text).not.toMatch(/EIO|store write|at .*\.ts:\d+/);
  });
});

interface Receiver {
  url: string;
  mode: 'ok' | 'fail' | 'hang';
  received: Array<{ headers: IncomingMessage['headers']; body: string }>;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const receiver = { mode: 'fail' as Receiver['mode'], received: [] as Receiver['received'] };
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      receiver.received.push({ headers: request.headers, body });
      if (receiver.mode === 'hang') return; // never answers
      response.writeHead(receiver.mode === 'ok' ? 204 : 500, { 'content-type': 'text/plain' });
      response.end(receiver.mode === 'ok' ? '' : 'receiver crashed');
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks/handoff`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

describe('the webhook receiver fails', () => {
  let receiver: Receiver | undefined;
  afterEach(async () => {
    await receiver?.close();
    receiver = undefined;
  });

  for (const mode of ['fail', 'hang'] as const) {
    it(`${mode === 'fail' ? 'answers 500' : 'hangs'}: the user is handed off as usual, and the outbox delivers once it recovers`, async () => {
      receiver = await startReceiver();
      receiver.mode = mode;
      let now = Date.parse('2026-03-02T10:00:00.000Z');
      const clock = () => new Date(now);
      const secret = generateWebhookSecret();
      const { app, engine } = mount({
        clock,
        brief: { model: false },
        notifiers: [createWebhookNotifier({ url: receiver.url, secret, timeoutMs: 200 })],
        outbox: { baseMs: 1000, maxMs: 10_000, maxAttempts: 5 },
      });
      const response = await post(app, chatBody(`fault-webhook-${mode}`, [userMessage('I want to talk to a person')]));
      await expectHandoffStream(response, 'explicit_request');
      await engine.idle();
      expect(receiver.received).toHaveLength(1);
      let [delivery] = await engine.store.listDeliveries();
      expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
      expect(delivery?.lastError).toMatch(mode === 'fail' ? /HTTP 500/ : /timed out/);

      // Not due yet: nothing is sent.
      expect(await engine.flushOutbox()).toMatchObject({ delivered: 0, retried: 0 });
      // Due, still failing: retried again.
      now += 10_000;
      expect(await engine.flushOutbox()).toMatchObject({ delivered: 0, retried: 1 });
      // The receiver recovers.
      receiver.mode = 'ok';
      now += 10_000;
      expect(await engine.flushOutbox()).toMatchObject({ delivered: 1 });
      [delivery] = await engine.store.listDeliveries();
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 3 });
      now += 60_000;
      expect(await engine.flushOutbox()).toMatchObject({ delivered: 0, retried: 0, failed: 0 });

      // Every attempt carried the same webhook-id and a valid signature.
      expect(receiver.received).toHaveLength(3);
      expect(new Set(receiver.received.map((request) => request.headers['webhook-id'])).size).toBe(1);
      for (const request of receiver.received) {
        expect(await verifyWebhook({ secret, headers: request.headers, body: request.body })).toBe(true);
      }
      expect(JSON.parse(receiver.received[2]!.body)).toMatchObject({ type: 'handoff.created' });
    });
  }
});
