/**
 * The service under the kill test: Handrail on 127.0.0.1 (a free port) with a SQLite file
 * store (`KILL_DB`), the offline model and a signed webhook to `WEBHOOK_URL`. Prints
 * `{"port":N}` once it listens, flushes the outbox at start-up (recovery) and every 100 ms.
 * Meant to be killed with SIGKILL at any moment; exits by itself after 10 minutes at most.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createHandrailEngine } from '../src/handrail.js';
import { createOfflineModel } from '../src/model/index.js';
import { createWebhookNotifier } from '../src/notify/index.js';
import { createSqliteStore } from '../src/store/sqlite-store.js';

const { KILL_DB, WEBHOOK_URL, WEBHOOK_SECRET, AGENT_TOKEN } = process.env;
if (!KILL_DB || !WEBHOOK_URL || !WEBHOOK_SECRET || !AGENT_TOKEN) {
  process.stderr.write('KILL_DB, WEBHOOK_URL, WEBHOOK_SECRET and AGENT_TOKEN are required\n');
  process.exit(2);
}

const engine = createHandrailEngine({
  model: createOfflineModel(),
  store: createSqliteStore({ path: KILL_DB }),
  notifiers: [createWebhookNotifier({ url: WEBHOOK_URL, secret: WEBHOOK_SECRET, timeoutMs: 2000 })],
  outbox: { baseMs: 50, maxMs: 500, maxAttempts: 100, leaseMs: 2500 },
  brief: { model: false },
  agentToken: AGENT_TOKEN,
  rateLimit: false,
});
const app = new Hono().route('/api', engine.app);
void engine.flushOutbox();
setInterval(() => void engine.flushOutbox(), 100);
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
setTimeout(() => process.exit(0), 10 * 60_000).unref();
