import { Hono } from 'hono';
import { createHandrailEngine } from '../handrail.js';
import type { HandrailOptions } from '../handrail-options.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { Tracer } from '../tracing/tracer.js';
import { createWebRoutes } from '../web/index.js';
import { chatPage } from './chat-page.js';
import { createDemoDesks, type DemoDeskEnv } from './demo-desks.js';
import { createDemoModel, type DemoEnv, demoHandrailOptions } from './demo-options.js';

export {
  createDemoModel,
  type DemoEnv,
  type DemoHandrailSettings,
  demoAgentToken,
  demoConfidenceThreshold,
  demoHandrailOptions,
} from './demo-options.js';

/** Options of {@link createDemoApp}. */
export interface DemoAppOptions {
  /** Model, agent token and, when set, the agent desks' variables (see docs/agent-desks.md). */
  env: DemoEnv & DemoDeskEnv;
  store?: Store;
  logger?: Logger;
  tracer?: Tracer;
  notifiers?: HandrailOptions['notifiers'];
  clock?: () => Date;
  /** The proxies whose `X-Forwarded-For` names the client (see `HandrailOptions.trustProxy`). */
  trustProxy?: HandrailOptions['trustProxy'];
}

/**
 * The demo service: Handrail at `/api` with the Northwind Outfitters knowledge base, the
 * offline model unless an OpenAI key or base URL is set, two teams, the chat page at `/`, the
 * agent console at `/agent` and, when their variables are set, the Slack and Chatwoot desks.
 */
export function createDemoApp({ env, store, logger, tracer, notifiers, clock, trustProxy }: DemoAppOptions) {
  const { model, kind } = createDemoModel(env);
  const desks = createDemoDesks(env);
  const engine = createHandrailEngine({
    ...demoHandrailOptions(env),
    model,
    ...(store ? { store } : {}),
    ...(logger ? { logger } : {}),
    ...(tracer ? { tracer } : {}),
    ...(notifiers ? { notifiers } : {}),
    ...(clock ? { clock } : {}),
    ...(trustProxy !== undefined ? { trustProxy } : {}),
    ...(desks.length > 0 ? { desks: desks.map(({ desk }) => desk) } : {}),
  });
  const app = new Hono();
  // Slack and Chatwoot, when configured: their webhooks at /desks/slack/* and /desks/chatwoot/webhook.
  for (const { desk, path } of desks) app.route(path, desk.routes);
  // The chat page at `/` and the agent console at `/agent`, built by Vite into dist/web; the minimal page without a build.
  app.route('/', createWebRoutes({ fallbackChatPage: chatPage }));
  app.get('/healthz', (c) => c.json({ ok: true, model: kind }));
  app.route('/api', engine.app);
  return { app, engine, modelKind: kind, desks: desks.map(({ desk, path }) => ({ name: desk.name, path })) };
}
