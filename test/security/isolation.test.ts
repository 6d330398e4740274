import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../src/logger.js';
import { resolveModel } from '../../src/model/index.js';
import { createWebhookNotifier, generateWebhookSecret, signWebhook, verifyWebhook } from '../../src/notify/index.js';
import { createFakeOpenAIServer, type RunningFakeOpenAIServer } from '../support/fake-openai-server.js';
import { chatBody, userMessage } from '../support/ui-stream.js';
import { agentTokens, mountSecured } from './fixtures.js';

const tokenHeader = 'x-handrail-conversation-token';
const jsonAccept = { 'content-type': 'application/json', accept: 'application/json' };
type App = ReturnType<typeof mountSecured>['app'];

async function startConversation(app: App, id: string | undefined, text: string) {
  const body = id ? chatBody(id, [userMessage(text)]) : JSON.stringify({ messages: [userMessage(text)] });
  const response = await app.request('/api/chat', { method: 'POST', headers: jsonAccept, body });
  expect(response.status).toBe(200);
  return {
    id: response.headers.get('x-handrail-conversation-id')!,
    token: response.headers.get(tokenHeader),
    body: (await response.json()) as { handoff: unknown },
  };
}

/** Shannon entropy in bits per character over all characters of the samples. */
function bitsPerCharacter(samples: string[]): number {
  const counts = new Map<string, number>();
  let total = 0;
  for (const sample of samples) {
    for (const character of sample) {
      counts.set(character, (counts.get(character) ?? 0) + 1);
      total++;
    }
  }
  let bits = 0;
  for (const count of counts.values()) bits -= (count / total) * Math.log2(count / total);
  return bits;
}

describe('conversation ids and tokens', () => {
  it('are unguessable: 256-bit tokens, server-generated 132-bit ids when the client sends none', async () => {
    const { app } = mountSecured();
    const tokens: string[] = [];
    const ids: string[] = [];
    for (let index = 0; index < 100; index++) {
      const started = await startConversation(app, undefined, 'What payment methods do you accept?');
      ids.push(started.id);
      tokens.push(started.token!);
    }
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/); // 16.5 random bytes, base64url
    expect(new Set(tokens).size).toBe(100);
    expect(new Set(ids).size).toBe(100);
    // Close to the 6 bits per character of uniformly random base64url (a counter or a timestamp scores far lower).
    expect(bitsPerCharacter(tokens)).toBeGreaterThan(5.8);
    expect(bitsPerCharacter(ids)).toBeGreaterThan(5.8);
    expect(new Set(ids.map((id) => id.slice(0, 4))).size).toBeGreaterThan(95);
  });

  it('are never stored in the clear, and the user and agent views carry no token hash', async () => {
    const { app, engine } = mountSecured();
    const started = await startConversation(app, 'iso-hash-1', 'I want to talk to a real person');
    const stored = await engine.store.getConversation('iso-hash-1');
    expect(JSON.stringify(stored)).not.toContain(started.token!);
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const userView = await app.request('/api/conversations/iso-hash-1', { headers: { [tokenHeader]: started.token! } });
    const agentView = await app.request('/api/agent/conversations/iso-hash-1', {
      headers: { authorization: `Bearer ${agentTokens.lead}` },
    });
    const queue = await app.request('/api/agent/queue', { headers: { authorization: `Bearer ${agentTokens.lead}` } });
    for (const response of [userView, agentView, queue]) {
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toContain('tokenHash');
      expect(text).not.toContain(stored!.tokenHash!);
    }
  });
});

describe('a user reaches only their own conversation', () => {
  it('needs its token to read, write, stream events and leave contact details: 403 otherwise', async () => {
    const { app, engine } = mountSecured();
    const alice = await startConversation(app, 'iso-alice-1', 'I want to talk to a real person');
    const bob = await startConversation(app, 'iso-bob-1', 'What payment methods do you accept?');
    const before = JSON.stringify(await engine.store.getConversation('iso-alice-1'));

    const attempts: Array<[string, string, Record<string, string>, string?]> = [];
    const credentials: Array<[string, Record<string, string>, string]> = [
      ['no token', {}, ''],
      ['a wrong token', { [tokenHeader]: 'x'.repeat(43) }, `?token=${'x'.repeat(43)}`],
      ["another conversation's token", { [tokenHeader]: bob.token! }, `?token=${bob.token}`],
      ['an empty token', { [tokenHeader]: '' }, '?token='],
    ];
    for (const [name, headers, query] of credentials) {
      attempts.push([`GET conversation with ${name}`, '/api/conversations/iso-alice-1', headers]);
      attempts.push([`GET conversation with ${name} in the query`, `/api/conversations/iso-alice-1${query}`, {}]);
      attempts.push([`GET events with ${name}`, '/api/conversations/iso-alice-1/events', headers]);
      attempts.push([`GET events with ${name} in the query`, `/api/conversations/iso-alice-1/events${query}`, {}]);
      attempts.push([
        `POST chat with ${name}`,
        '/api/chat',
        { ...jsonAccept, ...headers },
        chatBody('iso-alice-1', [userMessage('Actually, cancel everything')]),
      ]);
      attempts.push([
        `POST contact with ${name}`,
        '/api/conversations/iso-alice-1/contact',
        { 'content-type': 'application/json', ...headers },
        JSON.stringify({ email: 'mallory@example.com' }),
      ]);
    }
    for (const [name, path, headers, body] of attempts) {
      const response = await app.request(path, { method: body ? 'POST' : 'GET', headers, ...(body ? { body } : {}) });
      expect(response.status, name).toBe(403);
      const error = (await response.json()) as { error: { code: string } };
      expect(error.error.code, name).toBe('invalid_conversation_token');
    }
    expect(JSON.stringify(await engine.store.getConversation('iso-alice-1'))).toBe(before);

    // The owner gets in, by header or by query (EventSource cannot set headers).
    expect(
      (await app.request('/api/conversations/iso-alice-1', { headers: { [tokenHeader]: alice.token! } })).status,
    ).toBe(200);
    const events = await app.request(`/api/conversations/iso-alice-1/events?token=${alice.token}`);
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    await events.body?.cancel();
  });

  it('does not tell a stranger whether a conversation exists beyond 404 vs 403, and never leaks its content', async () => {
    const { app } = mountSecured();
    await startConversation(app, 'iso-exists-1', 'My card number is 4111 1111 1111 1111');
    const forbidden = await app.request('/api/conversations/iso-exists-1');
    expect(await forbidden.text()).not.toMatch(/4111|card/);
    const missing = await app.request('/api/conversations/iso-missing-1');
    expect(missing.status).toBe(404);
  });

  it('uses the host app’s own auth through the conversationAuth hook', async () => {
    // The host's rule: a conversation id starts with the signed-in user's name.
    const hook = vi.fn((c: { req: { header(name: string): string | undefined } }, id: string) => {
      const user = c.req.header('x-user');
      return Boolean(user) && id.startsWith(`${user}-`);
    });
    const { app, engine } = mountSecured({ conversationAuth: hook });
    const created = await app.request('/api/chat', {
      method: 'POST',
      headers: { ...jsonAccept, 'x-user': 'alice' },
      body: chatBody('alice-conversation-1', [userMessage('What payment methods do you accept?')]),
    });
    expect(created.status).toBe(200);
    expect(created.headers.get(tokenHeader)).toBeNull(); // no Handrail token: the host's auth decides
    expect(hook).toHaveBeenCalledWith(expect.anything(), 'alice-conversation-1');

    const asBob = { 'x-user': 'bob' };
    expect((await app.request('/api/conversations/alice-conversation-1', { headers: asBob })).status).toBe(403);
    expect((await app.request('/api/conversations/alice-conversation-1/events', { headers: asBob })).status).toBe(403);
    const bobWrites = await app.request('/api/chat', {
      method: 'POST',
      headers: { ...jsonAccept, ...asBob },
      body: chatBody('alice-conversation-1', [userMessage('hi')]),
    });
    expect(bobWrites.status).toBe(403);
    const bobCreates = await app.request('/api/chat', {
      method: 'POST',
      headers: { ...jsonAccept, ...asBob },
      body: chatBody('alice-conversation-2', [userMessage('hi')]),
    });
    expect(bobCreates.status).toBe(403);
    expect(await engine.store.getConversation('alice-conversation-2')).toBeNull();
    expect(
      (await app.request('/api/conversations/alice-conversation-1', { headers: { 'x-user': 'alice' } })).status,
    ).toBe(200);
  });
});

describe('the agent API', () => {
  async function handedOff() {
    const setup = mountSecured();
    const support = await startConversation(setup.app, 'iso-support-1', 'I want to talk to a real person');
    const billing = await startConversation(
      setup.app,
      'iso-billing-1',
      'You charged me twice for order 12345, I want a refund for the double charge',
    );
    expect((await setup.engine.store.getConversation('iso-support-1'))?.handoff?.team).toBe('support');
    expect((await setup.engine.store.getConversation('iso-billing-1'))?.handoff?.team).toBe('billing');
    return { ...setup, support, billing };
  }

  const routes: Array<[string, string, string?]> = [
    ['GET', '/api/agent/queue'],
    ['GET', '/api/agent/metrics'],
    ['GET', '/api/agent/conversations/iso-billing-1'],
    ['POST', '/api/agent/conversations/iso-billing-1/claim'],
    ['POST', '/api/agent/conversations/iso-billing-1/messages', JSON.stringify({ text: 'Hello from an intruder' })],
    ['POST', '/api/agent/conversations/iso-billing-1/resolve', JSON.stringify({ to: 'closed' })],
    ['GET', '/api/agent/conversations/iso-billing-1/events'],
  ];

  it('answers 401 with WWW-Authenticate without a valid bearer token, the user’s conversation token included', async () => {
    const { app, billing, engine } = await handedOff();
    const before = JSON.stringify(await engine.store.listConversations());
    const badCredentials: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer wrong-token-0123456789' },
      { authorization: `Bearer ${agentTokens.support.slice(0, -1)}` },
      { authorization: `Basic ${btoa(`sam:${agentTokens.support}`)}` },
      { authorization: agentTokens.support },
      { [tokenHeader]: billing.token! },
      { authorization: `Bearer ${billing.token}` },
    ];
    for (const [method, path, body] of routes) {
      for (const headers of badCredentials) {
        const response = await app.request(path, {
          method,
          headers: { 'content-type': 'application/json', ...headers },
          ...(body ? { body } : {}),
        });
        expect(response.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
      }
    }
    // Only the events route takes the token from the query (EventSource cannot set headers).
    expect((await app.request(`/api/agent/queue?token=${agentTokens.lead}`)).status).toBe(401);
    expect(JSON.stringify(await engine.store.listConversations())).toBe(before);
  });

  it('scopes an agent to their teams: 403 for another team’s conversation, and the queue hides it', async () => {
    const { app, engine } = await handedOff();
    const asSupport = { authorization: `Bearer ${agentTokens.support}`, 'content-type': 'application/json' };
    const before = JSON.stringify(await engine.store.getConversation('iso-billing-1'));
    for (const [method, path, body] of routes.slice(2)) {
      const response = await app.request(path, { method, headers: asSupport, ...(body ? { body } : {}) });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden_team');
    }
    const viaQuery = await app.request(`/api/agent/conversations/iso-billing-1/events?token=${agentTokens.support}`);
    expect(viaQuery.status).toBe(403);
    expect(JSON.stringify(await engine.store.getConversation('iso-billing-1'))).toBe(before);

    const queueOf = async (token: string) => {
      const response = await app.request('/api/agent/queue', { headers: { authorization: `Bearer ${token}` } });
      return ((await response.json()) as { queue: Array<{ id: string }> }).queue.map((entry) => entry.id).sort();
    };
    expect(await queueOf(agentTokens.support)).toEqual(['iso-support-1']);
    expect(await queueOf(agentTokens.billing)).toEqual(['iso-billing-1']);
    expect(await queueOf(agentTokens.lead)).toEqual(['iso-billing-1', 'iso-support-1']);

    // The billing agent can work the billing conversation.
    const asBilling = { authorization: `Bearer ${agentTokens.billing}`, 'content-type': 'application/json' };
    expect(
      (await app.request('/api/agent/conversations/iso-billing-1/claim', { method: 'POST', headers: asBilling }))
        .status,
    ).toBe(200);
    // Another agent cannot write into a conversation the billing agent holds.
    const asLead = { authorization: `Bearer ${agentTokens.lead}`, 'content-type': 'application/json' };
    const hijack = await app.request('/api/agent/conversations/iso-billing-1/messages', {
      method: 'POST',
      headers: asLead,
      body: JSON.stringify({ text: 'I am taking over' }),
    });
    expect(hijack.status).toBe(409);
  });
});

describe('webhook signatures', () => {
  const secret = generateWebhookSecret();
  const body = JSON.stringify({ type: 'handoff.created', data: { conversationId: 'c1' } });
  const now = new Date('2026-03-02T10:00:00Z');
  const timestamp = Math.floor(now.getTime() / 1000);

  it('verify only the exact body, id and timestamp signed with the secret, within the tolerance', async () => {
    const signature = await signWebhook({ secret, id: 'msg_1', timestamp, body });
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
    expect(await verifyWebhook({ secret, headers, body, now })).toBe(true);
    expect(await verifyWebhook({ secret, headers, body: `${body} `, now })).toBe(false);
    expect(await verifyWebhook({ secret, headers: { ...headers, 'webhook-id': 'msg_2' }, body, now })).toBe(false);
    expect(await verifyWebhook({ secret: generateWebhookSecret(), headers, body, now })).toBe(false);
    expect(await verifyWebhook({ secret, headers, body, now: new Date(now.getTime() + 301_000) })).toBe(false);
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    expect(await verifyWebhook({ secret, headers: { ...headers, 'webhook-signature': flipped }, body, now })).toBe(
      false,
    );
    expect(await verifyWebhook({ secret, headers: { ...headers, 'webhook-signature': 'v1,' }, body, now })).toBe(false);
    expect(
      await verifyWebhook({
        secret,
        headers: { ...headers, 'webhook-signature': signature.replace('v1,', 'v2,') },
        body,
        now,
      }),
    ).toBe(false);
    // During a rotation any listed signature may match, wherever it stands.
    const rotated = `v1,${btoa('x'.repeat(32))} ${signature} v1,${btoa('y'.repeat(32))}`;
    expect(await verifyWebhook({ secret, headers: { ...headers, 'webhook-signature': rotated }, body, now })).toBe(
      true,
    );
  });

  it('are compared in constant time (every character, every listed signature)', async () => {
    // A timing measurement would be flaky; the compare is read instead, as a reviewer would.
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../../src/notify/standard-webhooks.ts', import.meta.url), 'utf8');
    const verify = source.slice(
      source.indexOf('export async function verifyWebhook'),
      source.indexOf('export function generateWebhookSecret'),
    );
    expect(verify).toContain('constantTimeEqual(');
    expect(verify).not.toMatch(/===\s*expected|expected\s*===|\.includes\(expected\)|break;/);
    const compare = source.slice(source.indexOf('function constantTimeEqual'));
    expect(compare).toMatch(/difference \|= a\.charCodeAt\(index\) \^ b\.charCodeAt\(index\)/);
    expect(compare.slice(0, compare.indexOf('\n}'))).not.toMatch(/return false;\s*\n\s*}\s*\n\s*}/);
  });
});

describe('secrets stay secret', () => {
  let fake: RunningFakeOpenAIServer | undefined;
  let receiver: Server | undefined;
  const printed: string[] = [];

  beforeEach(() => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        printed.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
      });
    }
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await fake?.close();
    receiver?.closeAllConnections();
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  });

  it('never shows the OpenAI key, agent token, webhook secret or conversation tokens in logs, errors, answers or briefs', async () => {
    const apiKey = 'sk-test-SECRETKEY-4f8a9c2e1b7d6a3f5e0c9b8a';
    const webhookSecret = generateWebhookSecret();
    // The provider fails after one answer, so the error paths run too.
    fake = await createFakeOpenAIServer([
      { type: 'text', text: 'Standard shipping takes 3 to 5 working days.' },
      { type: 'error', status: 500, message: 'The server had an error while processing your request.' },
    ]).start();
    const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
    receiver = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      request.on('end', () => {
        received.push({ headers: request.headers, body: text });
        response.writeHead(500).end('receiver down');
      });
    });
    receiver.listen(0, '127.0.0.1');
    await new Promise((resolve) => receiver!.once('listening', resolve));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

    const logged: string[] = [];
    const capture = (level: string) => (message: string, fields?: Record<string, unknown>) =>
      logged.push(JSON.stringify({ level, message, ...fields }));
    const logger: Logger = {
      debug: capture('debug'),
      info: capture('info'),
      warn: capture('warn'),
      error: capture('error'),
    };
    const { model } = resolveModel({ OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: fake.url });
    const { app, engine } = mountSecured({
      model,
      logger,
      brief: { timeoutMs: 2000 },
      notifiers: [createWebhookNotifier({ url: receiverUrl, secret: webhookSecret, timeoutMs: 1000 })],
    });

    const responses: string[] = [];
    const userResponses: string[] = [];
    const send = async (id: string, text: string, token?: string) => {
      const response = await app.request('/api/chat', {
        method: 'POST',
        headers: { ...jsonAccept, ...(token ? { [tokenHeader]: token } : {}) },
        body: chatBody(id, [userMessage(text)]),
      });
      const answer = await response.text();
      responses.push(JSON.stringify([...response.headers]), answer);
      userResponses.push(answer);
      return response.headers.get(tokenHeader) ?? token;
    };
    const first = await send('secret-conv-1', 'How long does standard shipping take?');
    await send('secret-conv-1', 'And to Austria?', first); // the provider fails: handoff with reason error
    const second = await send('secret-conv-2', 'I want to talk to a real person');
    await send('secret-conv-2', 'Do you sell tents?', `${first}x`); // a wrong token: 403
    const asLead = { authorization: `Bearer ${agentTokens.lead}`, 'content-type': 'application/json' };
    for (const [method, path, body, authorization] of [
      ['GET', '/api/agent/queue'],
      ['POST', '/api/agent/conversations/secret-conv-1/claim'],
      ['POST', '/api/agent/conversations/secret-conv-1/messages', JSON.stringify({ text: 'Hi, Lee here.' })],
      ['GET', '/api/agent/conversations/secret-conv-1'],
      ['GET', '/api/agent/conversations/secret-conv-2'],
      ['POST', '/api/agent/conversations/secret-conv-1/resolve', JSON.stringify({ to: 'closed' })],
      ['GET', '/api/agent/queue', undefined, 'Bearer not-the-token-000000'],
    ] as Array<[string, string, string?, string?]>) {
      const response = await app.request(path, {
        method,
        headers: authorization ? { authorization } : asLead,
        ...(body ? { body } : {}),
      });
      responses.push(await response.text());
    }
    // Read after the briefs are written (the model brief fails here: its error names the provider's).
    await engine.idle();
    const userView = await (
      await app.request('/api/conversations/secret-conv-2', { headers: { [tokenHeader]: second! } })
    ).text();
    responses.push(userView);
    userResponses.push(userView);
    await engine.flushOutbox();

    const stored = JSON.stringify({
      conversations: await Promise.all(
        ['secret-conv-1', 'secret-conv-2'].map((id) => engine.store.getConversation(id)),
      ),
    });
    const deliveries = JSON.stringify(await engine.store.listDeliveries());
    const webhookBodies = received.map((request) => request.body).join('\n');

    // The run did what it should: the key reached the provider, the receiver got signed calls, errors were logged.
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(received.length).toBeGreaterThan(0);
    expect(logged.some((line) => line.includes('model-error'))).toBe(true);
    expect(deliveries).toContain('HTTP 500');

    const secrets = {
      apiKey,
      webhookSecret,
      webhookKey: webhookSecret.slice('whsec_'.length),
      agentToken: agentTokens.lead,
      first: first!,
      second: second!,
    };
    const places = {
      logs: logged.join('\n'),
      console: printed.join('\n'),
      responses: responses.join('\n'),
      stored,
      deliveries,
      webhookBodies,
    };
    for (const [secretName, secret] of Object.entries(secrets)) {
      for (const [placeName, text] of Object.entries(places)) {
        // The user's own token comes back to them in the creating response header, and only there.
        if (placeName === 'responses' && (secretName === 'first' || secretName === 'second')) {
          expect(text.split(secret).length - 1, `${secretName} in ${placeName}`).toBe(1);
          continue;
        }
        expect(text.includes(secret), `${secretName} in ${placeName}`).toBe(false);
      }
    }
    expect(places.responses).not.toContain('tokenHash');
    expect(webhookBodies).not.toContain('tokenHash');
    // The user sees that a person will help, not the provider's error (agents may see it in briefError).
    expect(userResponses.join('\n')).not.toContain('The server had an error');
    expect(userResponses.join('\n')).toContain('"reason":"error"');
    // The user's view of the conversation has the handoff's meaning for them, not the agents' side.
    expect(stored).toContain('briefError');
    const view = JSON.parse(userView) as { state: string; handoff: Record<string, unknown> };
    expect(view.state).toBe('queued');
    expect(view.handoff).toMatchObject({ team: 'support', reasons: [{ reason: 'explicit_request', source: 'guard' }] });
    for (const field of ['brief', 'briefError', 'briefSource', 'skills', 'urgency', 'agentId']) {
      expect(view.handoff, field).not.toHaveProperty(field);
    }
    expect(JSON.stringify(view.handoff.reasons)).not.toContain('evidence');
  });
});

describe('a first turn whose answer never arrived', () => {
  const clientToken = 'c1ient-chosen-token_0123456789abcdefABCDEF';
  const firstTurn = (token?: string) =>
    ({
      method: 'POST',
      headers: { ...jsonAccept, ...(token ? { [tokenHeader]: token } : {}) },
      body: chatBody('lost-answer-1', [{ ...userMessage('Where is my order 12345?'), id: 'first-message' }]),
    }) as const;

  it('lets the client that chose the token retry it, and answers it once', async () => {
    const { app, engine } = mountSecured();
    const first = await app.request('/api/chat', firstTurn(clientToken));
    expect(first.status).toBe(200);
    expect(first.headers.get(tokenHeader)).toBe(clientToken);
    // The answer is lost on the way; the client sends the same message again with its token.
    const retry = await app.request('/api/chat', firstTurn(clientToken));
    expect(retry.status).toBe(200);
    const stored = await engine.store.getConversation('lost-answer-1');
    expect(stored?.messages.filter((message) => message.id === 'first-message')).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(clientToken);
  });

  it('does not let someone who knows only the conversation id take it over', async () => {
    const { app } = mountSecured();
    expect((await app.request('/api/chat', firstTurn(clientToken))).status).toBe(200);
    for (const stranger of [undefined, 'another-clients-token-0123456789abcdefABC']) {
      const response = await app.request('/api/chat', firstTurn(stranger));
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_conversation_token');
    }
  });

  it('refuses a client token too short to be secret, with a clear 400', async () => {
    const { app } = mountSecured();
    for (const weak of ['short', 'has spaces in it but is long enough to pass', 'x'.repeat(257)]) {
      const response = await app.request('/api/chat', firstTurn(weak));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toMatch(/32 to 256 characters/);
    }
  });
});
