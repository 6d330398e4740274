import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AgentIdentity, HandoffService } from '../handoff/handoff-service.js';
import type { AgentCredential } from '../handrail-options.js';
import { conversationEventsResponse } from '../http/conversation-events.js';
import { timingSafeEqual } from '../http/conversation-token.js';
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

type AgentEnv = { Variables: { agent: AgentIdentity } };

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

  app.use(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    // EventSource cannot set headers: the events route also takes the token as a query parameter.
    const token = match?.[1]?.trim() ?? (c.req.path.endsWith('/events') ? c.req.query('token') : undefined);
    const agent = token ? agents.find((candidate) => timingSafeEqual(candidate.token, token)) : undefined;
    if (!agent) {
      // The header goes on the exception's own response: headers set on the context are dropped with it.
      throw httpError(401, 'unauthorized', 'Send a valid agent token as Authorization: Bearer <token>.', undefined, {
        'www-authenticate': 'Bearer realm="handrail-agent"',
      });
    }
    c.set('agent', {
      id: agent.id,
      ...(agent.name ? { name: agent.name } : {}),
      ...(agent.teams ? { teams: agent.teams } : {}),
    });
    await next();
  });

  const canSee = (agent: AgentIdentity, team: string | null | undefined) =>
    !agent.teams || (team != null && agent.teams.includes(team));

  async function loadForAgent(c: Context<AgentEnv>): Promise<StoredConversation> {
    const id = c.req.param('id')!;
    const conversation = await store.getConversation(id);
    if (!conversation?.handoff) {
      throw httpError(404, 'conversation_not_found', `No handed-off conversation with id ${id}.`);
    }
    if (!canSee(c.var.agent, conversation.handoff.team)) {
      throw httpError(403, 'forbidden_team', 'This conversation belongs to a team you are not in.');
    }
    return conversation;
  }

  // `?limit=&offset=` pages the queue; `total` counts all of it. Sorted and cut by the store where it can (SQL).
  app.get('/queue', async (c) => {
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
      .filter((summary) => canSee(c.var.agent, summary.handoff?.team))
      .sort((a, b) =>
        compareQueued(
          { urgency: a.handoff?.urgency, createdAt: a.handoff?.createdAt ?? a.createdAt },
          { urgency: b.handoff?.urgency, createdAt: b.handoff?.createdAt ?? b.createdAt },
        ),
      );
    const entries = visible.slice(offset, limit === undefined ? undefined : offset + limit).map(queueEntry);
    return c.json({ queue: entries, total: visible.length });
  });

  app.get('/metrics', async (c) => {
    // Aggregated by the store where it can (SQL); else every summary is read and counted here.
    if (store.handoffMetrics) {
      const teams = c.var.agent.teams;
      return c.json(await store.handoffMetrics(teams ? { teams } : {}));
    }
    const summaries = await store.listConversations();
    const visible = c.var.agent.teams
      ? summaries.filter((summary) => canSee(c.var.agent, summary.handoff?.team))
      : summaries;
    return c.json(computeHandoffMetrics(visible));
  });

  app.get('/conversations/:id', async (c) => {
    const conversation = await loadForAgent(c);
    const { tokenHash: _tokenHash, ...rest } = conversation;
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
