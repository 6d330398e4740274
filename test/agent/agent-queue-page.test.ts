import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

const agentToken = 'agent-token-0123456789';
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function sqlite(): Promise<Store> {
  const folder = await mkdtemp(join(tmpdir(), 'handrail-queue-'));
  const store: SqliteStore = createSqliteStore({ path: join(folder, 'handrail.db') });
  cleanups.push(async () => {
    store.close();
    await rm(folder, { recursive: true, force: true });
  });
  return store;
}

/** An app on `store` with `handed` conversations handed off and `plain` ones that stayed with the bot. */
async function setup(store: Store, handed: number, plain: number) {
  const engine = createHandrailEngine({ model: createOfflineModel(), store, agentToken, brief: { model: false } });
  const app = new Hono().route('/api', engine.app);
  const send = (id: string, text: string) =>
    app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ id, messages: [{ id: `${id}-1`, role: 'user', parts: [{ type: 'text', text }] }] }),
    });
  for (let index = 0; index < handed; index++) await send(`queue-h-${index}-conv`, 'I want to talk to a human');
  for (let index = 0; index < plain; index++) await send(`queue-p-${index}-conv`, 'What is your return policy?');
  await engine.idle();
  const agent = (path: string) =>
    app.request(`/api/agent${path}`, { headers: { authorization: `Bearer ${agentToken}` } });
  return { agent };
}

describe.each([
  ['memory (sorted in JavaScript)', async () => createMemoryStore()],
  ['SQLite (sorted and aggregated in SQL)', sqlite],
])('agent queue pages and metrics on the %s store', (_name, makeStore) => {
  it('pages the queue with limit and offset, and counts the whole of it', async () => {
    const { agent } = await setup(await makeStore(), 5, 2);
    const all = (await (await agent('/queue')).json()) as { queue: Array<{ id: string }>; total: number };
    expect(all.total).toBe(5);
    expect(all.queue.map((entry) => entry.id)).toEqual([0, 1, 2, 3, 4].map((index) => `queue-h-${index}-conv`));
    const page = (await (await agent('/queue?limit=2&offset=2')).json()) as typeof all;
    expect(page).toEqual({ queue: all.queue.slice(2, 4), total: 5 });
    expect((await agent('/queue?limit=0')).status).toBe(400);
    expect((await agent('/queue?offset=-1')).status).toBe(400);
  });

  it('answers the metrics of every conversation', async () => {
    const { agent } = await setup(await makeStore(), 3, 2);
    const metrics = (await (await agent('/metrics')).json()) as Record<string, unknown>;
    expect(metrics).toMatchObject({
      conversations: 5,
      handoffs: 3,
      escalationRate: 0.6,
      byState: { queued: 3, bot: 2 },
      byReason: { explicit_request: 3 },
      byTeam: { unrouted: 3 },
      ticketsCreatedOffline: 0,
    });
  });
});
