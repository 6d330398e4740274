import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chatBody, userMessage } from '../support/ui-stream.js';
import { agentTokens, errorBodyProblem, mountSecured, snapshotStore } from './fixtures.js';

const tokenHeader = 'x-handrail-conversation-token';
/** Runs per property; `FUZZ_RUNS=5000 npx vitest run test/security` searches longer. */
const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 300);

/** A header value any HTTP client could send: printable ASCII and Latin-1. */
const headerText = (maxLength = 80) =>
  fc.string({
    unit: fc
      .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }))
      .map((code) => String.fromCharCode(code)),
    maxLength,
  });

const contentTypes = fc.constantFrom<string | undefined>(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/jsonp',
  'application/json-patch+json',
  '',
  undefined,
);

const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

/** A part as `useChat` might send it, or not quite. */
const part = fc.record(
  {
    type: fc.oneof(
      fc.constant('text'),
      fc.constantFrom('file', 'reasoning', 'tool-x', 'data-handoff', ''),
      fc.string(),
    ),
    text: fc.oneof(anyText, fc.anything()),
  },
  { requiredKeys: [] },
);

/** A message with any field possibly missing or of the wrong type. */
const message = fc.record(
  {
    id: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ maxLength: 200 }), fc.anything()),
    role: fc.oneof(fc.constantFrom('user', 'assistant', 'system', 'tool', 'USER'), fc.anything()),
    parts: fc.oneof(fc.array(part, { maxLength: 4 }), fc.anything()),
    metadata: fc.anything(),
    content: anyText,
  },
  { requiredKeys: [] },
);

const seededIds = ['seed-bot-conversation', 'seed-support-handoff', 'seed-billing-handoff'];

/** Bodies for `POST /chat`: near misses of the real shape, arbitrary JSON, and raw bytes. */
const chatBodies = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          id: fc.oneof(fc.constantFrom(...seededIds), fc.string({ maxLength: 140 }), fc.anything()),
          messages: fc.oneof(fc.array(message, { maxLength: 4 }), fc.anything()),
          trigger: fc.constantFrom('submit-message', 'regenerate-message'),
          identity: fc.oneof(
            fc.record({ email: fc.string(), name: fc.anything() }, { requiredKeys: [] }),
            fc.anything(),
          ),
        },
        { requiredKeys: [] },
      )
      .map((body) => JSON.stringify(body)),
  },
  { weight: 2, arbitrary: fc.json({ maxDepth: 6 }) },
  { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 60_000 })
      .map((depth) => `{"id":"deep-nesting-1","messages":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1, max: 20_000 })
      .map(
        (depth) =>
          `{"messages":[{"id":"m","role":"user","parts":[{"type":"text","text":"hi"}],"metadata":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}]}`,
      ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      chatBody('huge-message-1', [userMessage('x'.repeat(8001))]),
      chatBody('huge-body-1', [userMessage('ok'), userMessage('y'.repeat(300_000))]),
      JSON.stringify({ id: 'many-messages-1', messages: Array.from({ length: 201 }, () => userMessage('hi')) }),
      JSON.stringify({
        messages: [{ id: 'm', role: 'user', parts: Array.from({ length: 101 }, () => ({ type: 'text', text: 'a' })) }],
      }),
      JSON.stringify({
        messages: [
          {
            id: 'm',
            role: 'user',
            parts: [
              { type: 'text', text: 'hi' },
              { type: 'text', text: { toString: 1 } },
            ],
          },
        ],
      }),
      JSON.stringify({ id: '../../etc/passwd', messages: [userMessage('hi')] }),
      JSON.stringify({ id: '__proto__', messages: [userMessage('hi')] }),
      JSON.stringify({ id: 'proto-pollution-1', messages: [userMessage('hi')], __proto__: { isAdmin: true } }),
      '{"id":"dup-keys-1","messages":[],"messages":[{"id":"m","role":"user","parts":[{"type":"text","text":"hi"}]}]}',
      '\uFEFF{"messages":[]}',
      '',
      'null',
      '[]',
      '"a string"',
      '1e999',
    ),
  },
);

const tokenChoice = fc.oneof(
  fc.constantFrom('none', 'owner', 'other-owner'),
  headerText(),
  fc.constant('A'.repeat(20_000)),
);

/** `fc.assert` with the failure message cut short: counterexamples with huge strings would flood the log. */
async function assertProperty<T>(property: fc.IAsyncProperty<T>, runs: number) {
  try {
    await fc.assert(property, { numRuns: runs });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const short = message.replace(/(.)\1{40,}/g, (run, char: string) => `${char.repeat(5)}…(${run.length}×)`);
    throw new Error(short.slice(0, 3000));
  }
}

async function seed(app: ReturnType<typeof mountSecured>['app']) {
  const tokens: Record<string, string> = {};
  const seeds: Array<[string, string]> = [
    ['seed-bot-conversation', 'How long does standard shipping take?'],
    ['seed-support-handoff', 'I want to talk to a real person'],
    ['seed-billing-handoff', 'I was charged twice for my order and I want a refund now'],
  ];
  for (const [id, text] of seeds) {
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: chatBody(id, [userMessage(text)]),
    });
    expect(response.status).toBe(200);
    tokens[id] = response.headers.get(tokenHeader)!;
  }
  return tokens;
}

/** Sends one request and checks the invariants; returns a description of any violation. */
async function check(
  setup: ReturnType<typeof mountSecured>,
  request: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<string | null> {
  const before = await snapshotStore(setup.store);
  // Straight to Handrail's app: mounted in a host, unknown paths would get the host's own 404.
  const response = await setup.engine.app.request(request.path.replace(/^\/api/, ''), {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined && request.method !== 'GET' && request.method !== 'HEAD'
      ? { body: request.body }
      : {}),
  });
  if (response.status >= 500) return `status ${response.status}: ${(await response.text()).slice(0, 300)}`;
  if (response.status >= 400) {
    const problem = await errorBodyProblem(response);
    if (problem) return `status ${response.status}: ${problem}`;
    await setup.engine.idle();
    const after = await snapshotStore(setup.store);
    if (after !== before) return `status ${response.status} but the store changed`;
    return null;
  }
  // Accepted: read the answer to its end (an event stream is cancelled) so the turn completes.
  if (new URL(request.path, 'http://localhost').pathname.endsWith('/events')) {
    await response.body?.cancel();
  } else {
    await response.text();
  }
  await setup.engine.idle();
  return null;
}

describe('fuzzing POST /chat', () => {
  it('never answers 5xx, always answers errors as { error: { code, message } }, and rejected requests change nothing', async () => {
    const setup = mountSecured();
    const tokens = await seed(setup.app);
    const otherToken = tokens['seed-support-handoff']!;
    await assertProperty(
      fc.asyncProperty(
        chatBodies,
        contentTypes,
        tokenChoice,
        fc.boolean(),
        async (body, contentType, tokenKind, wantsJson) => {
          const headers: Record<string, string> = {};
          if (contentType !== undefined) headers['content-type'] = contentType;
          if (wantsJson) headers.accept = 'application/json';
          const id = /"id":"([\w-]+)"/.exec(body)?.[1] ?? '';
          if (tokenKind === 'owner' && tokens[id]) headers[tokenHeader] = tokens[id]!;
          else if (tokenKind === 'other-owner') headers[tokenHeader] = otherToken;
          else if (tokenKind !== 'none' && tokenKind !== 'owner') headers[tokenHeader] = tokenKind;
          const violation = await check(setup, { method: 'POST', path: '/api/chat', headers, body });
          expect(violation, `body ${body.slice(0, 200)} (${contentType}, token ${tokenKind.slice(0, 20)})`).toBeNull();
        },
      ),
      fuzzRuns,
    );
  });

  it('refuses each limit with its own status: 400 for count and length, 413 for size, 415 for content type', async () => {
    const { app } = mountSecured({ limits: { maxMessages: 5, maxMessageChars: 100, maxBodyBytes: 4096 } });
    const send = (body: string, contentType = 'application/json') =>
      app.request('/api/chat', { method: 'POST', headers: { 'content-type': contentType }, body });
    const six = Array.from({ length: 6 }, () => userMessage('hi'));
    expect((await send(chatBody('limit-count-1', six))).status).toBe(400);
    expect((await send(chatBody('limit-length-1', [userMessage('z'.repeat(101))]))).status).toBe(400);
    expect((await send(chatBody('limit-size-1', [userMessage('ok'), userMessage('z'.repeat(5000))]))).status).toBe(413);
    expect((await send(chatBody('limit-type-1', [userMessage('hi')]), 'text/plain')).status).toBe(415);
    // A body that lies about its length is measured, not trusted.
    const lying = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '10' },
      body: chatBody('limit-size-2', [userMessage('ok'), userMessage('z'.repeat(5000))]),
    });
    expect(lying.status).toBe(413);
    // Text split over many parts counts as a whole.
    const split = {
      id: 'limit-length-2',
      messages: [
        { id: 'm1', role: 'user', parts: Array.from({ length: 20 }, () => ({ type: 'text', text: 'abcdefghij' })) },
      ],
    };
    expect((await send(JSON.stringify(split))).status).toBe(400);
  });
});

describe('fuzzing the agent and conversation routes', () => {
  const nastySegments = ['%', '%E0%A4%A', '..', '%2e%2e', '%00', '%2F', 'a%2Fb', '%F0%9F%92%A9', '\u{1F4A9}', ' ', '*'];
  const id = fc.oneof(
    fc.constantFrom(...seededIds),
    fc.string({ unit: 'binary', maxLength: 300 }).map(encodeURIComponent),
    fc.constantFrom(...nastySegments),
    fc.constant('x'.repeat(5000)),
  );
  const route = fc.oneof(
    fc.constantFrom('/api/agent/queue', '/api/agent/metrics', '/api/agent', '/api/agent/conversations'),
    fc
      .tuple(
        id,
        fc.constantFrom('', '/claim', '/messages', '/resolve', '/events', '/unknown'),
        fc.constantFrom('/api/agent/conversations/', '/api/conversations/'),
      )
      .map(([conversation, suffix, prefix]) => `${prefix}${conversation}${suffix}`),
    fc.tuple(id).map(([conversation]) => `/api/conversations/${conversation}/contact`),
  );
  const authorization = fc.oneof(
    fc.constantFrom(
      'none',
      `Bearer ${agentTokens.support}`,
      `Bearer ${agentTokens.billing}`,
      `Bearer ${agentTokens.lead}`,
      `bearer   ${agentTokens.lead}`,
      `Bearer ${agentTokens.lead.slice(0, -1)}`,
      `Bearer ${agentTokens.lead}x`,
      `Basic ${btoa(`lee:${agentTokens.lead}`)}`,
      'Bearer ',
      'Bearer',
    ),
    headerText().map((value) => `Bearer ${value}`),
    headerText(),
  );
  const body = fc.oneof(
    fc
      .record(
        { text: fc.oneof(anyText, fc.anything()), to: fc.oneof(fc.constantFrom('bot', 'closed'), fc.anything()) },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
    fc
      .record(
        { email: fc.oneof(fc.emailAddress(), fc.string()), name: fc.oneof(fc.string(), fc.anything()) },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
    fc.json({ maxDepth: 4 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constant(JSON.stringify({ text: 'z'.repeat(20_000) })),
  );

  it('never answers 5xx, always answers errors as { error: { code, message } }, and rejected requests change nothing', async () => {
    const setup = mountSecured();
    const tokens = await seed(setup.app);
    await assertProperty(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
        route,
        authorization,
        body,
        contentTypes,
        fc.constantFrom('none', 'owner', 'query'),
        async (method, path, auth, requestBody, contentType, userToken) => {
          const headers: Record<string, string> = {};
          if (auth !== 'none') headers.authorization = auth;
          if (contentType !== undefined) headers['content-type'] = contentType;
          const conversation = seededIds.find((seededId) => path.includes(seededId));
          let target = path;
          if (conversation && userToken === 'owner') headers[tokenHeader] = tokens[conversation]!;
          if (conversation && userToken === 'query')
            target = `${path}?token=${encodeURIComponent(tokens[conversation]!)}`;
          const violation = await check(setup, { method, path: target, headers, body: requestBody });
          expect(violation, `${method} ${target} (${auth.slice(0, 30)}) ${requestBody.slice(0, 100)}`).toBeNull();
        },
      ),
      fuzzRuns,
    );
  });
});
