import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { HandoffService } from '../handoff/handoff-service.js';
import type { AgentCredential } from '../handrail-options.js';
import { type AgentEnv, agentAuthentication, agentCanSee, authorizeAgent } from '../http/authorization.js';
import { conversationEventsResponse } from '../http/conversation-events.js';
import { httpError } from '../http/http-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { Team } from '../routing/index.js';
import { compareQueued } from '../routing/queue-order.js';
import type { ConversationSummary, Store, StoredConversation } from '../store/store.js';
import { computeHandoffMetrics } from './handoff-metrics.js';
import { createJudgementRoutes, type ReviewLoopOptions } from './judgement-routes.js';

/** Options of {@link createAgentRoutes}. */
export interface AgentRoutesOptions {
  store: Store;
  handoffs: HandoffService;
  agents: AgentCredential[];
  teams: Team[];
  clock: () => Date;
  eventsPollMs: number;
  /** Judgements, the review queue, case export and gaps (`judgement-routes.ts`). */
  reviewLoop?: ReviewLoopOptions;
}

const messageSchema = z.object({ text: z.string().trim().min(1, 'text must not be empty').max(8000) }).strict();
const resolveSchema = z.object({ to: z.enum(['bot', 'closed']) }).strict();
const queuePageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

/**
 * The agent API, mounted at `{mount}/agent`: every route needs `Authorization: Bearer <token>`
 * (401 without a valid one) and is scoped to the agent's teams (403 for another team's conversation).
 */
export function createAgentRoutes(options: AgentRoutesOptions): Hono<AgentEnv> {
  const { store, handoffs, agents } = options;
  const app = new Hono<AgentEnv>();

  app.use(agentAuthentication(agents));

  async function loadForAgent(c: Context<AgentEnv>): Promise<StoredConversation> {
    const id = c.req.param('id')!;
    const conversation = await store.getConversation(id);
    authorizeAgent(c.var.agent, conversation, id);
    return conversation;
  }

  app.get('/queue', (c) => queuePage(c, store));
  app.get('/metrics', (c) => metrics(c, store));

  app.get('/conversations/:id', async (c) => {
    const conversation = await loadForAgent(c);
    const { tokenHash: _tokenHash, guardState: _guardState, ...rest } = conversation;
    return c.json({ conversation: rest, brief: conversation.handoff?.brief ?? null });
  });

  app.post('/conversations/:id/claim', async (c) => {
    await loadForAgent(c);
    const conversation = await handoffs.claim(c.req.param('id'), c.var.agent);
    return c.json({ conversationId: conversation.id, state: conversation.state, handoff: conversation.handoff });
  });

  app.post('/conversations/:id/messages', async (c) => {
    await loadForAgent(c);
    const { text } = await readJsonBody(c, messageSchema, 16 * 1024);
    const conversation = await handoffs.sendAgentMessage(c.req.param('id'), c.var.agent, text);
    return c.json(
      { conversationId: conversation.id, state: conversation.state, message: conversation.messages.at(-1) },
      201,
    );
  });

  app.post('/conversations/:id/resolve', async (c) => {
    await loadForAgent(c);
    const { to } = await readJsonBody(c, resolveSchema, 4096);
    const conversation = await handoffs.resolve(c.req.param('id'), c.var.agent, to);
    return c.json({ conversationId: conversation.id, state: conversation.state, handoff: conversation.handoff });
  });

  app.get('/conversations/:id/events', async (c) => {
    const conversation = await loadForAgent(c);
    return conversationEventsResponse(c, {
      store,
      conversationId: conversation.id,
      pollMs: options.eventsPollMs,
      afterMessageId: c.req.query('after'),
      audience: 'agent',
    });
  });

  // The review loop: judgements, review queue, cases.jsonl and gaps, behind the same token check.
  app.route('/', createJudgementRoutes({ store, clock: options.clock, outbox: null, ...options.reviewLoop }));

  return app;
}

/** `?limit=&offset=` pages the queue; `total` counts all of it. Sorted and cut by the store where it can (SQL). */
async function queuePage(c: Context<AgentEnv>, store: Store) {
  const page = queuePageSchema.safeParse(c.req.query());
  if (!page.success) throw httpError(400, 'invalid_request', 'limit must be 1 to 1000 and offset 0 or more.');
  const { limit, offset = 0 } = page.data;
  const teams = c.var.agent.teams;
  if (store.listQueue) {
    const { entries, total } = await store.listQueue({ ...(teams ? { teams } : {}), limit, offset });
    return c.json({ queue: entries.map(queueEntry), total });
  }
  const summaries = await store.listConversations({ states: ['queued', 'assigned', 'human'] });
  const visible = summaries
    .filter((summary) => agentCanSee(c.var.agent, summary.handoff?.team))
    .sort((a, b) =>
      compareQueued(
        { urgency: a.handoff?.urgency, createdAt: a.handoff?.createdAt ?? a.createdAt },
        { urgency: b.handoff?.urgency, createdAt: b.handoff?.createdAt ?? b.createdAt },
      ),
    );
  const entries = visible.slice(offset, limit === undefined ? undefined : offset + limit).map(queueEntry);
  return c.json({ queue: entries, total: visible.length });
}

/** The handoff metrics of the agent's teams: aggregated by the store where it can (SQL), else counted here. */
async function metrics(c: Context<AgentEnv>, store: Store) {
  const teams = c.var.agent.teams;
  if (store.handoffMetrics) return c.json(await store.handoffMetrics(teams ? { teams } : {}));
  const summaries = await store.listConversations();
  const visible = teams ? summaries.filter((summary) => agentCanSee(c.var.agent, summary.handoff?.team)) : summaries;
  return c.json(computeHandoffMetrics(visible));
}

function queueEntry(summary: ConversationSummary) {
  const handoff = summary.handoff;
  return {
    id: summary.id,
    state: summary.state,
    urgency: handoff?.urgency ?? 'normal',
    reasons: handoff?.reasons.map(({ reason, source, detail }) => ({ reason, source, detail })) ?? [],
    team: handoff?.team ?? null,
    agentId: handoff?.agentId ?? null,
    etaSeconds: handoff?.etaSeconds ?? null,
    createdAt: handoff?.createdAt ?? summary.createdAt,
    updatedAt: summary.updatedAt,
    messageCount: summary.messageCount,
    ticket: handoff?.ticket ?? null,
    brief: handoff?.brief ?? null,
  };
}
