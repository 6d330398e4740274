import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createHandrailEngine } from '../../src/handrail.js';
import type { HandrailOptions } from '../../src/handrail-options.js';
import { clientAddress, createMemoryRateLimitStore, createRateLimiter, rateLimit } from '../../src/http/rate-limit.js';
import { createOfflineModel } from '../../src/model/index.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

const jsonAccept = { 'content-type': 'application/json', accept: 'application/json' };

/** A clock the test moves by hand. */
function manualClock(start = Date.parse('2026-03-02T10:00:00.000Z')) {
  let now = start;
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('rateLimit middleware', () => {
  function limitedApp(limit: number, clock: () => Date) {
    const app = new Hono();
    app.use(rateLimit({ windowMs: 60_000, limit, key: (c) => c.req.header('x-user'), clock }));
    app.get('/', (c) => c.text('ok'));
    return app;
  }

  it('counts per key, answers 429 with a JSON error and retry-after past the limit, and resets with the window', async () => {
    const time = manualClock();
    const app = limitedApp(3, time.clock);
    const statuses: number[] = [];
    for (let index = 0; index < 3; index++) {
      const response = await app.request('/', { headers: { 'x-user': 'a' } });
      statuses.push(response.status);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      expect(response.headers.get('ratelimit-remaining')).toBe(String(2 - index));
      expect(response.headers.get('ratelimit-policy')).toBe('3;w=60');
    }
    expect(statuses).toEqual([200, 200, 200]);

    const refused = await app.request('/', { headers: { 'x-user': 'a' } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/json');
    expect(await refused.json()).toEqual({
      error: { code: 'rate_limited', message: expect.stringMatching(/Too many/) },
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-reset')).toBe(String(retryAfter));

    // Another key has its own budget.
    expect((await app.request('/', { headers: { 'x-user': 'b' } })).status).toBe(200);
    // Without a key the request is not counted.
    const unkeyed = await app.request('/');
    expect(unkeyed.status).toBe(200);
    expect(unkeyed.headers.get('ratelimit-limit')).toBeNull();

    time.advance(retryAfter * 1000);
    expect((await app.request('/', { headers: { 'x-user': 'a' } })).status).toBe(200);
  });

  it('rejects bad options when it is created', () => {
    expect(() => rateLimit({ windowMs: 0, limit: 1, key: () => 'x' })).toThrow(/windowMs/);
    expect(() => rateLimit({ windowMs: 1000, limit: 0.5, key: () => 'x' })).toThrow(/limit/);
    expect(() => createMemoryRateLimitStore({ maxKeys: 0 })).toThrow(/maxKeys/);
  });

  it('keeps at most maxKeys counters, so a flood of distinct keys cannot grow memory without bound', async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 2 });
    const limiter = createRateLimiter({ windowMs: 60_000, limit: 1, store, clock: () => new Date(0) });
    expect((await limiter.check('a')).allowed).toBe(true);
    expect((await limiter.check('a')).allowed).toBe(false);
    await limiter.check('b');
    await limiter.check('c'); // evicts 'a', the oldest
    expect((await limiter.check('a')).allowed).toBe(true);
  });

  it('believes no forwarding header unless trustProxy says which proxies may set it', async () => {
    const app = new Hono();
    app.get('/', (c) => c.text(clientAddress(c)));
    app.get('/one-hop', (c) => c.text(clientAddress(c, { trustProxy: 1 })));
    app.get('/two-hops', (c) => c.text(clientAddress(c, { trustProxy: 2 })));
    app.get('/listed', (c) => c.text(clientAddress(c, { trustProxy: ['10.0.0.1', '10.0.0.2'] })));
    const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
    const address = async (path: string, headers: Record<string, string>, env?: unknown) =>
      (await app.request(path, { headers }, env as never)).text();
    const spoofed = {
      'cf-connecting-ip': '203.0.113.7',
      'x-forwarded-for': '198.51.100.1',
      'x-real-ip': '198.51.100.2',
    };
    expect(await address('/', spoofed, socket('192.0.2.50'))).toBe('192.0.2.50');
    expect(await address('/', spoofed)).toBe('unknown');
    // One load balancer appends the address it saw; what the client wrote before it is ignored.
    const chain = { 'x-forwarded-for': 'forged-1, 198.51.100.1, 10.0.0.2' };
    expect(await address('/one-hop', chain, socket('10.0.0.1'))).toBe('10.0.0.2');
    expect(await address('/two-hops', chain, socket('10.0.0.1'))).toBe('198.51.100.1');
    expect(await address('/listed', chain, socket('::ffff:10.0.0.1'))).toBe('198.51.100.1');
    // A request that does not come from a listed proxy keeps its socket address.
    expect(await address('/listed', chain, socket('192.0.2.50'))).toBe('192.0.2.50');
    expect(await address('/two-hops', { 'x-forwarded-for': '10.0.0.2' }, socket('10.0.0.1'))).toBe('10.0.0.1');
  });

  it('reads cf-connecting-ip on Workers, where Cloudflare sets it', async () => {
    const app = new Hono();
    app.get('/', (c) => c.text(clientAddress(c)));
    const request = new Request('http://worker.test/', { headers: { 'cf-connecting-ip': '203.0.113.7' } });
    Object.defineProperty(request, 'cf', { value: { colo: 'FRA' } });
    expect(await (await app.fetch(request)).text()).toBe('203.0.113.7');
  });

  it('cannot be escaped by rotating X-Forwarded-For on a real Node server', async () => {
    const engine = createHandrailEngine({
      model: createOfflineModel(),
      rateLimit: { perIp: { limit: 3, windowMs: 60_000 }, perConversation: false },
    });
    const server = serve({ fetch: new Hono().route('/api', engine.app).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const statuses: number[] = [];
      for (let index = 0; index < 5; index++) {
        const response = await fetch(`http://127.0.0.1:${port}/api/conversations/unknown-${index}`, {
          headers: { 'x-forwarded-for': `198.51.100.${index}`, 'cf-connecting-ip': `203.0.113.${index}` },
        });
        statuses.push(response.status);
        await response.body?.cancel();
      }
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    } finally {
      server.close();
    }
  });
});

describe('rate limits in Handrail', () => {
  function mount(options: Partial<HandrailOptions> = {}) {
    const app = new Hono();
    const engine = createHandrailEngine({ model: createOfflineModel(), ...options });
    app.route('/api', engine.app);
    return { app, engine };
  }

  it('limits chat turns per conversation: 429 with headers, and the refused message is not stored', async () => {
    const time = manualClock();
    const { app, engine } = mount({
      clock: time.clock,
      rateLimit: { perConversation: { limit: 2, windowMs: 60_000 }, perIp: false },
    });
    const first = await app.request('/api/chat', {
      method: 'POST',
      headers: jsonAccept,
      body: chatBody('conv-rate-1', [userMessage('What payment methods do you accept?')]),
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    const token = first.headers.get('x-handrail-conversation-token')!;
    const send = (text: string) =>
      app.request('/api/chat', {
        method: 'POST',
        headers: { ...jsonAccept, 'x-handrail-conversation-token': token },
        body: chatBody('conv-rate-1', [userMessage(text)]),
      });
    expect((await send('How long does shipping take?')).status).toBe(200);
    const refused = await send('And returns?');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    const stored = await engine.store.getConversation('conv-rate-1');
    expect(stored?.messages.filter((message) => message.role === 'user')).toHaveLength(2);

    // Another conversation is not affected.
    const other = await app.request('/api/chat', {
      method: 'POST',
      headers: jsonAccept,
      body: chatBody('conv-rate-2', [userMessage('What payment methods do you accept?')]),
    });
    expect(other.status).toBe(200);

    time.advance(60_000);
    expect((await send('And returns?')).status).toBe(200);
  });

  it('does not let a client without the token use up a conversation’s turns', async () => {
    const { app } = mount({ rateLimit: { perConversation: { limit: 1, windowMs: 60_000 }, perIp: false } });
    const first = await app.request('/api/chat', {
      method: 'POST',
      headers: jsonAccept,
      body: chatBody('conv-rate-3', [userMessage('What payment methods do you accept?')]),
    });
    const token = first.headers.get('x-handrail-conversation-token')!;
    for (let index = 0; index < 3; index++) {
      const intruder = await app.request('/api/chat', {
        method: 'POST',
        headers: { ...jsonAccept, 'x-handrail-conversation-token': 'guess' },
        body: chatBody('conv-rate-3', [userMessage('hello')]),
      });
      expect(intruder.status).toBe(403);
    }
    // The owner's own second turn is refused by its own budget (limit 1), not by the intruder's requests.
    const owner = await app.request('/api/chat', {
      method: 'POST',
      headers: { ...jsonAccept, 'x-handrail-conversation-token': token },
      body: chatBody('conv-rate-3', [userMessage('How long does shipping take?')]),
    });
    expect(owner.status).toBe(429);
  });

  it('limits requests per client address on the user routes, not on the agent API', async () => {
    const { app } = mount({
      agentToken: 'agent-token-0123456789',
      rateLimit: { perIp: { limit: 3, windowMs: 60_000 }, perConversation: false },
      trustProxy: 1,
    });
    const from = (ip: string) => ({ ...jsonAccept, 'x-forwarded-for': ip });
    const statuses: number[] = [];
    for (let index = 0; index < 4; index++) {
      const response = await app.request('/api/chat', {
        method: 'POST',
        headers: from('198.51.100.9'),
        body: chatBody(`conv-ip-${index}-aaaa`, [userMessage('What payment methods do you accept?')]),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const conversations = await app.request('/api/conversations/conv-ip-0-aaaa', { headers: from('198.51.100.9') });
    expect(conversations.status).toBe(429);
    expect((await app.request('/api/conversations/conv-ip-0-aaaa', { headers: from('198.51.100.10') })).status).toBe(
      403,
    );
    for (let index = 0; index < 5; index++) {
      const queue = await app.request('/api/agent/queue', {
        headers: { authorization: 'Bearer agent-token-0123456789', 'x-forwarded-for': '198.51.100.9' },
      });
      expect(queue.status).toBe(200);
    }
  });

  it('is on by default with generous limits and can be switched off', async () => {
    const on = mount();
    const response = await on.app.request('/api/chat', {
      method: 'POST',
      headers: jsonAccept,
      body: chatBody('conv-default-1', [userMessage('What payment methods do you accept?')]),
    });
    // A chat turn reports the narrower limit, per conversation; other user routes the per-address one.
    expect(response.headers.get('ratelimit-policy')).toBe('60;w=60');
    const read = await on.app.request('/api/conversations/conv-default-1', {
      headers: { 'x-handrail-conversation-token': response.headers.get('x-handrail-conversation-token')! },
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('ratelimit-policy')).toBe('600;w=60');
    const off = mount({ rateLimit: false });
    const unlimited = await off.app.request('/api/chat', {
      method: 'POST',
      headers: jsonAccept,
      body: chatBody('conv-default-2', [userMessage('What payment methods do you accept?')]),
    });
    expect(unlimited.status).toBe(200);
    expect(unlimited.headers.get('ratelimit-limit')).toBeNull();
  });

  it('rejects invalid rate limit options at construction', () => {
    expect(() => mount({ rateLimit: { perIp: { limit: 0, windowMs: 60_000 } } })).toThrow(/rateLimit\.perIp/);
    expect(() => mount({ rateLimit: { perConversation: { limit: 10, windowMs: 10 } } })).toThrow(/rateLimit/);
    expect(() => mount({ rateLimit: { perMinute: 10 } as never })).toThrow(/perMinute/);
  });
});
