/**
 * One of several Handrail instances on one database: Postgres at `DATABASE_URL` (schema
 * `PG_SCHEMA`; the store and its change feed, rate-limit counters in Postgres) or, for the
 * single-instance comparison, a SQLite file at `SQLITE_PATH` (counters in memory). The offline
 * model and a signed webhook to `WEBHOOK_URL`. Agents come from `AGENT_TOKENS` (`id:token,id:token`). With
 * `RATE_LIMIT`, requests carrying `x-rate-key` are limited to that many per hour per key (the
 * others are not counted). Live events poll only every 60 s, so events that arrive sooner came
 * through `LISTEN/NOTIFY`. Prints `{"port":N}` once it listens; flushes the outbox at start-up
 * and every 100 ms. Meant to be killed with SIGKILL; exits by itself after 10 minutes at most.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createHandrailEngine } from '../src/handrail.js';
import type { RateLimitStore } from '../src/http/rate-limit.js';
import { createOfflineModel } from '../src/model/index.js';
import { createWebhookNotifier } from '../src/notify/index.js';
import { createPostgresRateLimitStore, createPostgresStore } from '../src/store/postgres/index.js';
import { createSqliteStore } from '../src/store/sqlite-store.js';
import type { Store } from '../src/store/store.js';

const { DATABASE_URL, SQLITE_PATH, PG_SCHEMA, WEBHOOK_URL, WEBHOOK_SECRET, AGENT_TOKENS, RATE_LIMIT } = process.env;
if (!(DATABASE_URL || SQLITE_PATH) || !WEBHOOK_URL || !WEBHOOK_SECRET || !AGENT_TOKENS) {
  process.stderr.write('DATABASE_URL or SQLITE_PATH, WEBHOOK_URL, WEBHOOK_SECRET and AGENT_TOKENS are required\n');
  process.exit(2);
}

let store: Store;
let rateLimitStore: RateLimitStore | undefined;
if (DATABASE_URL) {
  const postgresStore = createPostgresStore({ url: DATABASE_URL, schema: PG_SCHEMA ?? 'handrail', max: 8 });
  await postgresStore.ready();
  store = postgresStore;
  rateLimitStore = createPostgresRateLimitStore({ store: postgresStore });
} else {
  store = createSqliteStore({ path: SQLITE_PATH! });
}
const agents = AGENT_TOKENS.split(',').map((entry) => {
  const [id, token] = entry.split(':');
  return { id: id!, token: token! };
});
const engine = createHandrailEngine({
  model: createOfflineModel(),
  store,
  notifiers: [createWebhookNotifier({ url: WEBHOOK_URL, secret: WEBHOOK_SECRET, timeoutMs: 2000 })],
  outbox: { baseMs: 50, maxMs: 500, maxAttempts: 100, leaseMs: 2500 },
  brief: { model: false },
  agents,
  eventsPollMs: 60_000,
  rateLimit: RATE_LIMIT
    ? {
        perConversation: false,
        perIp: { limit: Number(RATE_LIMIT), windowMs: 3_600_000, key: (c) => c.req.header('x-rate-key') },
        ...(rateLimitStore ? { store: rateLimitStore } : {}),
      }
    : false,
});
const app = new Hono().route('/api', engine.app);
void engine.flushOutbox();
setInterval(() => void engine.flushOutbox(), 100);
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
setTimeout(() => process.exit(0), 10 * 60_000).unref();
