import { Hono } from 'hono';
import { createHandrailEngine } from '../../src/handrail.js';
import type { HandrailOptions } from '../../src/handrail-options.js';
import { createOfflineModel } from '../../src/model/index.js';
import { alwaysOpen, type Team } from '../../src/routing/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';

/** Two always-open teams: support takes everything by default, billing the money topics. */
export const securityTeams: Team[] = [
  {
    id: 'support',
    name: 'Support',
    skills: ['general'],
    topics: [
      'explicit_request',
      'negative_sentiment',
      'repeat_failure',
      'low_confidence',
      'out_of_scope',
      'model_decision',
      'error',
    ],
    languages: ['en'],
    businessHours: { timeZone: 'UTC', weekly: alwaysOpen, holidays: [] },
    capacityPerAgent: 50,
    agents: [{ id: 'sam', name: 'Sam', languages: ['en'], status: 'online' }],
    fallback: true,
  },
  {
    id: 'billing',
    name: 'Billing',
    skills: ['billing'],
    topics: ['high_stakes', 'compliance', 'billing_dispute', 'refund', 'cancellation', 'fraud_security'],
    languages: ['en'],
    businessHours: { timeZone: 'UTC', weekly: alwaysOpen, holidays: [] },
    capacityPerAgent: 50,
    agents: [{ id: 'bea', name: 'Bea', languages: ['en'], status: 'online' }],
  },
];

/** Agent tokens of the security tests: one for support, one for billing, one for every team. */
export const agentTokens = {
  support: 'support-agent-token-5f2c9a1e7b',
  billing: 'billing-agent-token-8d3e6b2f4a',
  lead: 'lead-agent-token-1a9c7e5d3b2f',
} as const;

/** An engine on the offline model with the two teams and three agents, mounted at `/api`. */
export function mountSecured(options: Partial<HandrailOptions> = {}) {
  const store: Store = options.store ?? createMemoryStore();
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    store,
    teams: securityTeams,
    agents: [
      { token: agentTokens.support, id: 'sam', name: 'Sam', teams: ['support'] },
      { token: agentTokens.billing, id: 'bea', name: 'Bea', teams: ['billing'] },
      { token: agentTokens.lead, id: 'lee', name: 'Lee' },
    ],
    brief: { model: false },
    rateLimit: false,
    ...options,
  });
  const app = new Hono();
  app.route('/api', engine.app);
  return { app, engine, store };
}

/** Everything a memory store holds, as one JSON string, to compare before and after a request. */
export async function snapshotStore(store: Store): Promise<string> {
  const summaries = await store.listConversations();
  const conversations = await Promise.all(summaries.map((summary) => store.getConversation(summary.id)));
  return JSON.stringify({ conversations, deliveries: await store.listDeliveries() });
}

/** Checks the error body shape `{ error: { code, message } }`; returns a problem or null. */
export async function errorBodyProblem(response: Response): Promise<string | null> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('application/json')) return `content-type ${contentType}`;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `not JSON: ${text.slice(0, 100)}`;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (typeof error?.code !== 'string' || !error.code) return `no error.code in ${text.slice(0, 200)}`;
  if (typeof error.message !== 'string' || !error.message) return `no error.message in ${text.slice(0, 200)}`;
  return null;
}
