import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../src/errors/index.js';
import {
  createPostgresRateLimitStore,
  createPostgresStore,
  migratePostgres,
  type PostgresStore,
  postgresMigrations,
} from '../../src/store/postgres/index.js';
import { runMigrateCli } from '../../src/store/postgres/migrate-cli.js';
import { type PostgresServer, postgresAvailable, startPostgresServer } from '../support/postgres-server.js';
import { makeConversation, makeDelivery, testStore } from './store-contract.js';

const available = postgresAvailable();
let server: PostgresServer | undefined;
let url = '';
let schemas = 0;
const opened: PostgresStore[] = [];

beforeAll(async () => {
  if (!available) return;
  server = await startPostgresServer();
  url = await server.createDatabase('store_test');
});

afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  await server?.stop();
});

/** A store on its own fresh schema of the test database (so each test starts empty). */
function open(schema = `s${process.pid}_${++schemas}`, max = 4): PostgresStore {
  const store = createPostgresStore({ url, schema, max });
  opened.push(store);
  return store;
}

async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !done()) await new Promise((resolve) => setTimeout(resolve, 10));
  return done();
}

describe.skipIf(!available)('postgres store', () => {
  testStore('postgres store', async () => {
    const store = open();
    return {
      store,
      reopen: async () => {
        await store.close();
        return open(store.schema);
      },
      cleanup: () => store.close(),
    };
  });

  describe('two instances on one database', () => {
    it('tells the watchers of one instance about the writes of the other, at once', async () => {
      const first = open();
      const second = open(first.schema);
      const created = await first.putConversation(makeConversation(), null);
      const heard: number[] = [];
      const stop = second.watch(created.id, () => heard.push(Date.now()));
      await waitFor(() => heard.length > 0, 5000); // the feed's call as it connects
      heard.length = 0;
      const writtenAt = Date.now();
      await first.putConversation({ ...created, state: 'queued' }, created.version);
      expect(await waitFor(() => heard.length > 0, 5000)).toBe(true);
      expect(heard[0]! - writtenAt).toBeLessThan(1000);
      stop();
    });

    it('gives one winner to a race between instances, and keeps the loser notifications out', async () => {
      const first = open();
      const second = open(first.schema);
      const created = await first.putConversation(makeConversation(), null);
      const results = await Promise.allSettled([
        first.putConversation({ ...created, state: 'queued' }, 1, [makeDelivery('a', created.createdAt)]),
        second.putConversation({ ...created, state: 'human' }, 1, [makeDelivery('b', created.createdAt)]),
      ]);
      const winners = results.filter((result) => result.status === 'fulfilled');
      expect(winners).toHaveLength(1);
      const loser = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
      expect(StoreConflictError.isInstance(loser.reason)).toBe(true);
      expect((await second.listDeliveries()).map((delivery) => delivery.id)).toHaveLength(1);
    });

    it('leases each delivery to exactly one of many flushers on two instances', async () => {
      const first = open();
      const second = open(first.schema);
      const deliveries = Array.from({ length: 40 }, (_, index) =>
        makeDelivery(`lease-${index}`, new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString()),
      );
      await first.enqueueDeliveries(deliveries);
      const attempt = async (store: PostgresStore) => {
        const due = await store.dueDeliveries(new Date('2026-02-01T00:00:00.000Z'), 100);
        const won: string[] = [];
        for (const delivery of due) {
          if (await store.updateDelivery({ ...delivery, attempts: 1 }, 0)) won.push(delivery.id);
        }
        return won;
      };
      const leased = (await Promise.all([attempt(first), attempt(second), attempt(first), attempt(second)])).flat();
      expect(leased.sort()).toEqual(deliveries.map((delivery) => delivery.id).sort());
    });
  });

  describe('migrations', () => {
    it('applies each migration once when instances start together, and records the version', async () => {
      const schema = `m${process.pid}`;
      const clients = Array.from({ length: 4 }, () => postgres(url, { max: 1, onnotice: () => {} }));
      try {
        const results = await Promise.all(clients.map((client) => migratePostgres(client, schema)));
        const latest = Math.max(...postgresMigrations.map((migration) => migration.version));
        expect(results.flatMap((result) => result.applied)).toEqual(postgresMigrations.map((m) => m.version));
        expect(results.every((result) => result.version === latest)).toBe(true);
        expect((await migratePostgres(clients[0]!, schema)).applied).toEqual([]);
      } finally {
        await Promise.all(clients.map((client) => client.end()));
      }
    });

    it('migrates from the command line, and explains a missing URL', async () => {
      const lines: string[] = [];
      const output = { out: (text: string) => lines.push(text), error: (text: string) => lines.push(text) };
      const cli = (argv: string[], env: NodeJS.ProcessEnv = {}) => runMigrateCli(argv, env, output);
      expect(await cli(['migrate', '--url', url, '--schema', `cli${process.pid}`])).toBe(0);
      expect(await cli(['migrate', '--schema', `cli${process.pid}`], { DATABASE_URL: url })).toBe(0);
      const versions = postgresMigrations.map((migration) => migration.version);
      const latest = Math.max(...versions);
      expect(lines.splice(0)).toEqual([
        `handrail-postgres: schema at version ${latest} (applied ${versions.join(', ')})\n`,
        `handrail-postgres: schema at version ${latest} (already up to date)\n`,
      ]);
      expect(await cli(['migrate'])).toBe(2);
      expect(lines.splice(0).join('')).toContain('Pass --url or set DATABASE_URL.');
      expect(await cli(['upgrade', '--url', url])).toBe(2);
      expect(await cli(['migrate', '--url', 'postgres://nobody@127.0.0.1:1/none'])).toBe(1);
      expect(lines.at(-1)).toContain('migration failed');
    });

    it('fills the team load columns of conversations stored before migration 2', async () => {
      const schema = `tl${process.pid}`;
      const client = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await migratePostgres(client, schema, postgresMigrations.slice(0, 1));
        const handoff = {
          id: 'h',
          createdAt: '2026-01-01T12:00:00.000Z',
          reasons: [],
          urgency: 'normal' as const,
          brief: null,
        };
        const rows = [
          makeConversation({ state: 'human', handoff: { ...handoff, team: 'billing', agentId: 'a1' } }),
          makeConversation({ state: 'queued', handoff: { ...handoff, team: 'billing', collecting: true } }),
          makeConversation({ state: 'queued', handoff: { ...handoff, team: 'billing' } }),
        ].map((conversation) => ({ ...conversation, version: 1 }));
        for (const row of rows) {
          await client.unsafe(
            `insert into "${schema}".conversations (id, version, state, team, has_handoff, summary, data)
             values ($1, 1, $2, 'billing', true, $3, $3)`,
            [row.id, row.state, JSON.stringify(row)],
          );
        }
        const store = createPostgresStore({ sql: client, schema });
        expect(await store.teamLoads()).toEqual([
          { team: 'billing', open: 3, agents: { a1: 1 }, queued: 1, queuedAhead: 1 },
        ]);
      } finally {
        await client.end();
      }
    });

    it('refuses a bad schema name and options without a connection, with a clear message', () => {
      expect(() => createPostgresStore({ url, schema: 'Robert"; drop table' })).toThrow(/createPostgresStore: schema/);
      expect(() => createPostgresStore({})).toThrow(/pass either url or sql/);
    });

    it('answers StoreUnavailableError when the database cannot be reached', async () => {
      const store = createPostgresStore({ url: 'postgres://nobody@127.0.0.1:1/none', max: 1 });
      opened.push(store);
      await expect(store.getConversation('x')).rejects.toMatchObject({ name: 'StoreUnavailableError' });
    });
  });

  describe('rate-limit counters', () => {
    it('counts one window across two instances, under concurrency', async () => {
      const first = createPostgresRateLimitStore({ store: open() });
      const schema = opened.at(-1)!.schema;
      const second = createPostgresRateLimitStore({ store: open(schema) });
      const now = 1_000_000_123;
      const hits = await Promise.all(
        Array.from({ length: 30 }, (_, index) => (index % 2 ? first : second).increment('ip:1', 60_000, now)),
      );
      expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(new Set(hits.map((hit) => hit.resetAt))).toEqual(new Set([1_000_020_000]));
      // The next window starts again at one; a lagging clock cannot restart the newer window.
      expect((await first.increment('ip:1', 60_000, now + 60_000)).count).toBe(1);
      expect((await second.increment('ip:1', 60_000, now)).count).toBe(2);
    });
  });
});
