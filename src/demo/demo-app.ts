import { Hono } from 'hono';
import { createHandrailEngine } from '../handrail.js';
import type { HandrailOptions } from '../handrail-options.js';
import type { Logger } from '../logger.js';
import { type ModelEnv, resolveModel } from '../model/index.js';
import type { Store } from '../store/store.js';
import type { Tracer } from '../tracing/tracer.js';
import { createWebRoutes } from '../web/index.js';
import { chatPage } from './chat-page.js';
import { demoTeams } from './demo-teams.js';

/** Environment the demo reads (Node `process.env` or Worker bindings). */
export interface DemoEnv extends ModelEnv {
  HANDRAIL_AGENT_TOKEN?: string;
}

/** The agent token the demo uses when `HANDRAIL_AGENT_TOKEN` is not set. Never use it in production. */
export const demoAgentToken = 'demo-agent-token-change-me';

/** Options of {@link createDemoApp}. */
export interface DemoAppOptions {
  env: DemoEnv;
  store?: Store;
  logger?: Logger;
  tracer?: Tracer;
  notifiers?: HandrailOptions['notifiers'];
  clock?: () => Date;
}

/**
 * The demo service: Handrail at `/api` with the Northwind Outfitters knowledge base, the
 * offline model unless an OpenAI key or base URL is set, two teams, the chat page at `/` and the
 * agent console at `/agent`.
 */
export function createDemoApp({ env, store, logger, tracer, notifiers, clock }: DemoAppOptions) {
  const { model, kind } = resolveModel(env);
  const engine = createHandrailEngine({
    model,
    promptVariables: {
      companyName: 'Northwind Outfitters',
      scope:
        'orders, shipping, returns, sizes, payment, store hours and the products of an outdoor clothing and gear shop',
      businessHours: 'Monday to Friday, 9:00 to 17:00 (Berlin time)',
    },
    agentToken: env.HANDRAIL_AGENT_TOKEN || demoAgentToken,
    teams: demoTeams,
    ...(store ? { store } : {}),
    ...(logger ? { logger } : {}),
    ...(tracer ? { tracer } : {}),
    ...(notifiers ? { notifiers } : {}),
    ...(clock ? { clock } : {}),
  });
  const app = new Hono();
  // The chat page at `/` and the agent console at `/agent`, built by Vite into dist/web; the minimal page without a build.
  app.route('/', createWebRoutes({ fallbackChatPage: chatPage }));
  app.get('/healthz', (c) => c.json({ ok: true, model: kind }));
  app.route('/api', engine.app);
  return { app, engine, modelKind: kind };
}
