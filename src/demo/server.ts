/**
 * The demo service on Node: `npm start` serves it on PORT (default 8787).
 * State is in memory unless HANDRAIL_DB names a SQLite file.
 */
import { serve } from '@hono/node-server';
import { nodeServerOptions } from '../http/node-server-options.js';
import { createConsoleLogger } from '../logger.js';
import { redactValue } from '../notify/redact.js';
import { createTracerFromEnv } from '../tracing/tracer-from-env.js';
import { createDemoApp } from './demo-app.js';
import { seedDemoHistory } from './demo-history.js';
import { demoStartRefusal } from './demo-start-refusal.js';

const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';
const logger = createConsoleLogger({ level: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'info' });
const refusal = demoStartRefusal({ hostname, agentToken: process.env.HANDRAIL_AGENT_TOKEN });
if (refusal) {
  logger.error('demo-refused', { reason: refusal });
  process.exit(1);
}
// Traces mask emails, phone and card numbers the same way notifications do.
const tracer = await createTracerFromEnv(process.env, { redact: redactValue });
// Loaded only when asked for: importing node:sqlite prints Node's "experimental" warning.
const store = process.env.HANDRAIL_DB
  ? (await import('../store/sqlite-store.js')).createSqliteStore({ path: process.env.HANDRAIL_DB })
  : undefined;
const trustProxy = parseTrustProxy(process.env.HANDRAIL_TRUST_PROXY);
const { app, engine, modelKind, desks } = createDemoApp({
  env: process.env,
  logger,
  tracer,
  ...(store ? { store } : {}),
  ...(trustProxy !== undefined ? { trustProxy } : {}),
});

// A little history on first start (an empty store), so the console's Review and Gaps views are not empty.
await seedDemoHistory(engine.store, new Date());

// Recovery at start-up: notifications a stopped process left in the outbox go out now, then on a timer.
void engine.flushOutbox();
const retries = setInterval(() => void engine.flushOutbox(), 5000);
const server = serve({ fetch: app.fetch, port, hostname, serverOptions: nodeServerOptions() }, (info) => {
  logger.info('demo-started', {
    url: `http://${hostname}:${info.port}/`,
    chat: `POST http://${hostname}:${info.port}/api/chat`,
    model: modelKind,
    desks: desks.map((desk) => `${desk.name} at ${desk.path}`).join(', ') || 'none',
    agentToken: process.env.HANDRAIL_AGENT_TOKEN ? 'from HANDRAIL_AGENT_TOKEN' : 'the demo default (see the README)',
  });
});

async function shutdown() {
  clearInterval(retries);
  server.close();
  await engine.idle();
  await tracer.flush();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

/** `HANDRAIL_TRUST_PROXY`: a number of proxy hops (`1`), or the proxies' addresses separated by commas. */
function parseTrustProxy(value: string | undefined): number | string[] | undefined {
  if (!value?.trim()) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  return value
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
}
