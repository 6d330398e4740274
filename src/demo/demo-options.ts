import type { HandrailOptions } from '../handrail-options.js';
import {
  defaultKnowledgeBase,
  defaultMinConfidence,
  type ModelEnv,
  type ResolvedModel,
  resolveModel,
} from '../model/index.js';
import { demoTeams } from './demo-teams.js';

/** Environment the demo reads (Node `process.env` or Worker bindings). */
export interface DemoEnv extends ModelEnv {
  HANDRAIL_AGENT_TOKEN?: string;
}

/** The agent token the demo uses when `HANDRAIL_AGENT_TOKEN` is not set. Never use it in production. */
export const demoAgentToken = 'demo-agent-token-change-me';

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
): Pick<HandrailOptions, 'promptVariables' | 'agentToken' | 'teams' | 'guard' | 'review'> {
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
    // The gap report names the FAQ entry closest to each topic.
    review: { knowledgeBase: defaultKnowledgeBase },
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
