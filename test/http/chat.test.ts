import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandrailEngine, handrail } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { textModel, throwingModel, toolCallModel } from '../support/mock-models.js';
import { chatBody, readAssistantMessage, readChunks, userMessage } from '../support/ui-stream.js';

const json = { 'content-type': 'application/json' };
const jsonAccept = { ...json, accept: 'application/json' };

function post(app: Hono, body: string, headers: Record<string, string> = json) {
  return app.request('/api/chat', { method: 'POST', headers, body });
}

function mount(options: Partial<Parameters<typeof handrail>[0]> = {}) {
  const app = new Hono();
  const engine = createHandrailEngine({ model: createOfflineModel(), ...options });
  app.route('/api', engine.app);
  return { app, engine };
}

describe('POST /chat (UI message stream)', () => {
  it('answers a knowledge-base question with a cited answer, read with the AI SDK stream reader', async () => {
    const { app } = mount();
    const response = await post(app, chatBody('conv-stream-1', [userMessage('How long does standard shipping take?')]));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-handrail-conversation-token')).toMatch(/^[\w-]{40,}$/);
    const message = await readAssistantMessage(response);
    const text = message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('');
    expect(text).toMatch(/\[kb:[\w-]+\]/);
    expect(message.parts.some((part) => part.type === 'data-handoff')).toBe(false);
  });

  it('hands off before calling the model when the user asks for a real person', async () => {
    const model = textModel('I can help with that myself.');
    const { app } = mount({ model });
    const response = await post(app, chatBody('conv-stream-2', [userMessage('I want to talk to a real person')]));
    const chunks = await readChunks(response);
    const handoff = chunks.find((chunk) => chunk.type === 'data-handoff') as
      | { data: { status: string; reasons: { reason: string; source: string }[]; message: string } }
      | undefined;
    expect(handoff?.data.status).toBe('queued');
    expect(handoff?.data.reasons[0]).toMatchObject({ reason: 'explicit_request', source: 'guard' });
    expect(handoff?.data.message.length).toBeGreaterThan(10);
    expect(model.doStreamCalls).toHaveLength(0);
  });
});

describe('POST /chat (JSON mode)', () => {
  it('answers { conversationId, messages, handoff }', async () => {
    const { app } = mount();
    const response = await post(
      app,
      chatBody('conv-json-1', [userMessage('What payment methods do you accept?')]),
      jsonAccept,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { conversationId: string; messages: { role: string }[]; handoff: unknown };
    expect(body.conversationId).toBe('conv-json-1');
    expect(body.handoff).toBeNull();
    expect(body.messages.map((message) => message.role)).toEqual(['user', 'assistant']);
  });

  it('stores the model-initiated handoff and streams the escalate_to_human tool part', async () => {
    const model = toolCallModel({
      reason: 'model_decision',
      summary: 'Customer wants a bespoke tent design.',
      urgency: 'normal',
    });
    const { app } = mount({ model });
    const response = await post(
      app,
      chatBody('conv-tool-1', [userMessage('Can you design a custom tent for my expedition?')]),
    );
    const chunks = await readChunks(response);
    expect(
      chunks.some((chunk) => chunk.type === 'tool-input-available' && chunk.toolName === 'escalate_to_human'),
    ).toBe(true);
    const handoff = chunks.find((chunk) => chunk.type === 'data-handoff') as
      | { data: { reasons: { reason: string; source: string }[] } }
      | undefined;
    expect(handoff?.data.reasons[0]).toMatchObject({ reason: 'model_decision', source: 'model' });
    const token = response.headers.get('x-handrail-conversation-token')!;
    const stored = await app.request('/api/conversations/conv-tool-1', {
      headers: { 'x-handrail-conversation-token': token },
    });
    const conversation = (await stored.json()) as { state: string; handoff: { reasons: { reason: string }[] } };
    expect(conversation.state).toBe('queued');
    expect(conversation.handoff.reasons[0]?.reason).toBe('model_decision');
  });

  it('keeps the model silent after a handoff: new user messages are stored for the agent', async () => {
    const model = textModel('Here is an answer.');
    const { app } = mount({ model });
    const first = userMessage('Please connect me with a human agent');
    const response = await post(app, chatBody('conv-silent-1', [first]), jsonAccept);
    const token = response.headers.get('x-handrail-conversation-token')!;
    expect(((await response.json()) as { handoff: unknown }).handoff).not.toBeNull();
    const second = userMessage('My order number is 12345 by the way');
    const next = await post(app, chatBody('conv-silent-1', [first, second]), {
      ...jsonAccept,
      'x-handrail-conversation-token': token,
    });
    const body = (await next.json()) as {
      messages: { role: string; parts: { type: string; text?: string }[] }[];
      handoff: { status: string };
    };
    expect(model.doStreamCalls).toHaveLength(0);
    expect(body.handoff.status).toBe('waiting');
    expect(body.messages.filter((message) => message.role === 'user').map((message) => message.parts[0]?.text)).toEqual(
      ['Please connect me with a human agent', 'My order number is 12345 by the way'],
    );
  });

  it('hands off with reason error when the model fails', async () => {
    const { app } = mount({ model: throwingModel() });
    const response = await post(app, chatBody('conv-error-1', [userMessage('Do you sell hiking boots?')]), jsonAccept);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { handoff: { reasons: { reason: string }[] } };
    expect(body.handoff.reasons[0]?.reason).toBe('error');
  });
});

describe('conversation access', () => {
  it('answers 404 for an unknown conversation and 403 without the token', async () => {
    const { app } = mount();
    const missing = await app.request('/api/conversations/does-not-exist');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'conversation_not_found' } });
    await post(app, chatBody('conv-auth-1', [userMessage('hello')]), jsonAccept);
    const forbidden = await app.request('/api/conversations/conv-auth-1');
    expect(forbidden.status).toBe(403);
    const wrongWrite = await post(app, chatBody('conv-auth-1', [userMessage('hello again')]), {
      ...jsonAccept,
      'x-handrail-conversation-token': 'not-the-token',
    });
    expect(wrongWrite.status).toBe(403);
  });
});

describe('bad input', () => {
  const { app } = mount({ limits: { maxBodyBytes: 4096, maxMessageChars: 500 } });
  const cases: Array<[string, string, Record<string, string>, number, string]> = [
    ['invalid JSON', '{"id": "conv-bad-1", "messages": [', json, 400, 'invalid_json'],
    ['a wrong shape', JSON.stringify({ id: 'conv-bad-2', messages: 'hello' }), json, 400, 'invalid_request'],
    ['an empty message list', JSON.stringify({ id: 'conv-bad-3', messages: [] }), json, 400, 'invalid_request'],
    [
      'a last message from the assistant',
      JSON.stringify({
        id: 'conv-bad-4',
        messages: [{ id: 'a', role: 'assistant', parts: [{ type: 'text', text: 'hi' }] }],
      }),
      json,
      400,
      'invalid_request',
    ],
    [
      'a message over the length limit',
      chatBody('conv-bad-5', [userMessage('x'.repeat(600))]),
      json,
      400,
      'invalid_request',
    ],
    [
      'a body over the size limit',
      chatBody('conv-bad-6', [userMessage('y'.repeat(5000))]),
      json,
      413,
      'payload_too_large',
    ],
    ['another content type', 'hello', { 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
  ];
  for (const [name, body, headers, status, code] of cases) {
    it(`answers ${status} ${code} for ${name}`, async () => {
      const response = await post(app, body, headers);
      expect(response.status).toBe(status);
      const error = (await response.json()) as { error: { code: string; message: string } };
      expect(error.error.code).toBe(code);
      expect(error.error.message.length).toBeGreaterThan(0);
    });
  }
});

describe('options', () => {
  it('rejects bad options with a message naming each problem', () => {
    expect(() => handrail({} as never)).toThrow(/model/);
    expect(() => handrail({ model: createOfflineModel(), maxSteps: 0 })).toThrow(/maxSteps/);
    expect(() => handrail({ model: createOfflineModel(), agentToken: 'short' })).toThrow(
      /agentToken must be at least 16/,
    );
    expect(() => handrail({ model: createOfflineModel(), unknownOption: true } as never)).toThrow(/unknownOption/);
  });
});

describe('a real listening server', () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  it('serves the stream over HTTP on 127.0.0.1', async () => {
    const app = new Hono();
    app.route('/api', handrail({ model: createOfflineModel(), store: createMemoryStore() }));
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    close = () => server.close();
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/api/chat`, {
      method: 'POST',
      headers: json,
      body: chatBody('conv-live-1', [userMessage('What is your return policy?')]),
    });
    const message = await readAssistantMessage(response);
    expect(message.parts.some((part) => part.type === 'text' && /\[kb:/.test(part.text))).toBe(true);
  });
});
