import { Hono } from 'hono';
import { createHandrailEngine } from '../handrail.js';
import type { HandrailOptions } from '../handrail-options.js';
import type { Logger } from '../logger.js';
import { defaultMinConfidence, type ModelEnv, type ResolvedModel, resolveModel } from '../model/index.js';
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

/** Options of {@link demoHandrailOptions}. */
export interface DemoHandrailSettings {
  /** In-scope example utterances; enables the guard's out-of-scope detector. */
  scopeUtterances?: string[];
}

/**
 * Answer confidence the demo's guard holds answers below, and from which the offline model answers: one
 * number, so the model escalates by itself exactly when the guard would hold its answer.
 */
export const demoConfidenceThreshold = defaultMinConfidence;

/**
 * The demo's Handrail options except the model and the per-host parts (store, logger, tracer, notifiers,
 * clock): prompt variables, agent token, teams and guard. The eval CLI builds its pipeline app from the same
 * options, so an eval measures what the demo does.
 *
 * @example
 * const app = handrail({ ...demoHandrailOptions(process.env), model: createDemoModel(process.env).model });
 */
export function demoHandrailOptions(
  env: DemoEnv,
  settings: DemoHandrailSettings = {},
): Pick<HandrailOptions, 'promptVariables' | 'agentToken' | 'teams' | 'guard'> {
  const { scopeUtterances } = settings;
  return {
    promptVariables: {
      companyName: 'Northwind Outfitters',
      scope:
        'orders, shipping, returns, sizes, payment, store hours and the products of an outdoor clothing and gear shop',
      businessHours: 'Monday to Friday, 9:00 to 17:00 (Berlin time)',
    },
    agentToken: env.HANDRAIL_AGENT_TOKEN || demoAgentToken,
    teams: demoTeams,
    guard: {
      confidenceThreshold: demoConfidenceThreshold,
      ...(scopeUtterances && scopeUtterances.length > 0 ? { scope: { utterances: scopeUtterances } } : {}),
    },
  };
}

/**
 * The demo's model: OpenAI (or an OpenAI-compatible server) when a key or base URL is set, otherwise the
 * offline model, which answers from {@link demoConfidenceThreshold} up and escalates below it.
 */
export function createDemoModel(env: ModelEnv): ResolvedModel {
  return resolveModel(env, { offline: { minConfidence: demoConfidenceThreshold } });
}

/**
 * The demo service: Handrail at `/api` with the Northwind Outfitters knowledge base, the
 * offline model unless an OpenAI key or base URL is set, two teams, the chat page at `/` and the
 * agent console at `/agent`.
 */
export function createDemoApp({ env, store, logger, tracer, notifiers, clock }: DemoAppOptions) {
  const { model, kind } = createDemoModel(env);
  const engine = createHandrailEngine({
    ...demoHandrailOptions(env),
    model,
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
