import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { casesToJsonl, exportJudgedCases } from '../evals/export-cases.js';
import type { AgentIdentity } from '../handoff/handoff-service.js';
import { httpError } from '../http/http-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { KnowledgeBase } from '../model/offline/knowledge-base.js';
import { createKnowledgeBaseRetriever } from '../model/offline/knowledge-base-retriever.js';
import type { Outbox } from '../notify/outbox.js';
import {
  applyConversationReview,
  applyHandoffJudgement,
  buildReviewQueue,
  conversationReviewBodySchema,
  conversationReviewedEvent,
  conversationTranscript,
  handoffJudgedEvent,
  handoffJudgementBodySchema,
  isBotOnlyHandoffs,
  type JudgementProblem,
  type JudgementResult,
  loadConversations,
  type ReviewOptions,
  reviewQueueSettings,
  reviewSignals,
} from '../review/index.js';
import type { HandoffRecord, OutboxDelivery, Store, StoredConversation } from '../store/store.js';
import { updateConversation } from '../store/update-conversation.js';
import { gapHandoffs } from './gap-handoffs.js';
import { clusterHandoffTopics } from './handoff-topics.js';

/** What the review loop needs besides the store and clock. */
export interface ReviewLoopOptions {
  /** Null without notifiers: judgements are stored, no event goes out. */
  outbox: Outbox | null;
  review?: ReviewOptions;
  consoleUrl?: string;
  /** Keeps the outbox flush alive after the response (Workers). */
  waitUntil?: (promise: Promise<unknown>) => void;
}

/** Options of {@link createJudgementRoutes}. */
export interface JudgementRoutesOptions extends ReviewLoopOptions {
  store: Store;
  clock: () => Date;
}

type AgentEnv = { Variables: { agent: AgentIdentity } };

const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
const gapsSchema = z.object({ days: z.coerce.number().int().min(1).max(366).optional() });

const problems: Record<JudgementProblem, [409 | 404, string]> = {
  handoff_not_found: [404, 'The conversation has no handoff with that id.'],
  handoff_not_resolved: [409, 'Judge a handoff once it is resolved or closed.'],
  not_bot_only: [409, 'Only conversations the bot kept to itself are reviewed; judge handed-off ones instead.'],
};

/**
 * The review loop's agent routes, mounted inside the agent API (behind its token check):
 * judging a resolved handoff, the review queue of conversations the bot kept, the judged cases
 * as eval JSONL and the gap report by topic.
 */
export function createJudgementRoutes(options: JudgementRoutesOptions): Hono<AgentEnv> {
  const { store, clock, outbox } = options;
  const settings = reviewQueueSettings(options.review);
  const retriever = options.review?.knowledgeBase
    ? createKnowledgeBaseRetriever(options.review.knowledgeBase as KnowledgeBase)
    : undefined;
  const app = new Hono<AgentEnv>();
  const canSee = (agent: AgentIdentity, team: string | null | undefined) =>
    !agent.teams || (team != null && agent.teams.includes(team));
  const isReviewer = (agent: AgentIdentity) => !agent.teams || (options.review?.reviewers ?? []).includes(agent.id);
  const link = (id: string) =>
    options.consoleUrl ? `${options.consoleUrl.replace(/\/$/, '')}/agent#${id}` : undefined;

  /** Writes `apply`'s result with its event in the same write; answers the stored conversation. */
  async function write(
    id: string,
    apply: (current: StoredConversation) => JudgementResult,
    event: (next: StoredConversation) => Promise<OutboxDelivery[]>,
  ): Promise<StoredConversation> {
    let problem: JudgementProblem | undefined;
    const stored = await updateConversation(
      store,
      id,
      (current) => {
        if (!current) return null;
        const result = apply(current);
        problem = 'problem' in result ? result.problem : undefined;
        return 'problem' in result ? null : { ...result.conversation, updatedAt: current.updatedAt };
      },
      { deliveries: event },
    );
    if (problem) throw httpError(problems[problem][0], problem, problems[problem][1]);
    if (!stored) throw httpError(404, 'conversation_not_found', `No conversation with id ${id}.`);
    if (outbox) {
      const flushed = outbox.flush();
      options.waitUntil?.(flushed);
    }
    return stored;
  }

  function requireReviewer(c: Context<AgentEnv>) {
    if (!isReviewer(c.var.agent)) {
      throw httpError(
        403,
        'forbidden_review',
        'Reviewing is for agents who see every team or are listed in review.reviewers.',
      );
    }
  }

  app.post('/conversations/:id/judgement', async (c) => {
    const id = c.req.param('id');
    const conversation = await store.getConversation(id);
    if (!conversation?.handoff)
      throw httpError(404, 'conversation_not_found', `No handed-off conversation with id ${id}.`);
    if (!canSee(c.var.agent, conversation.handoff.team)) {
      throw httpError(403, 'forbidden_team', 'This conversation belongs to a team you are not in.');
    }
    const { handoffId, needed, reason, note } = await readJsonBody(c, handoffJudgementBodySchema, 8192);
    const judgement = {
      needed,
      ...(reason ? { reason } : {}),
      ...(note ? { note } : {}),
      by: c.var.agent.id,
      at: clock().toISOString(),
    };
    const target = handoffId ?? conversation.handoff.id;
    const stored = await write(
      id,
      (current) => applyHandoffJudgement(current, judgement, target),
      async (next) => {
        const judged = [...(next.pastHandoffs ?? []), next.handoff].find((record) => record?.id === target);
        return outbox && judged ? outbox.build(handoffJudgedEvent(next.id, judged, link(next.id))) : [];
      },
    );
    const judged = [...(stored.pastHandoffs ?? []), stored.handoff].find((record) => record?.id === target);
    return c.json({ conversationId: id, handoffId: target, judgement: judged?.judgement ?? judgement });
  });

  app.get('/review', async (c) => {
    requireReviewer(c);
    const page = pageSchema.safeParse(c.req.query());
    if (!page.success) throw httpError(400, 'invalid_request', 'limit must be 1 to 500 and offset 0 or more.');
    const { limit = 50, offset = 0 } = page.data;
    const since = clock().getTime() - settings.windowDays * 86_400_000;
    const conversations = await loadConversations(
      store,
      (summary) => summary.handoff === null && Date.parse(summary.updatedAt) >= since,
    );
    const queue = buildReviewQueue(conversations, settings, clock());
    return c.json({
      review: queue.slice(offset, offset + limit),
      total: queue.length,
      pending: queue.filter((entry) => entry.review === null).length,
      sampleShare: settings.sampleShare,
    });
  });

  app.get('/review/:id', async (c) => {
    requireReviewer(c);
    const conversation = await loadBotOnly(c.req.param('id'));
    return c.json({
      conversation: {
        id: conversation.id,
        updatedAt: conversation.updatedAt,
        turns: conversationTranscript(conversation),
        review: conversation.review ?? null,
      },
      signals: reviewSignals(conversation),
    });
  });

  app.post('/review/:id', async (c) => {
    requireReviewer(c);
    const id = c.req.param('id');
    await loadBotOnly(id);
    const { verdict, reason, note } = await readJsonBody(c, conversationReviewBodySchema, 8192);
    const review = {
      verdict,
      ...(reason ? { reason } : {}),
      ...(note ? { note } : {}),
      by: c.var.agent.id,
      at: clock().toISOString(),
    };
    const stored = await write(
      id,
      (current) => applyConversationReview(current, review),
      async (next) => {
        const event = conversationReviewedEvent(next, link(next.id));
        return outbox && event ? outbox.build(event) : [];
      },
    );
    return c.json({ conversationId: id, review: stored.review });
  });

  async function loadBotOnly(id: string): Promise<StoredConversation> {
    const conversation = await store.getConversation(id);
    if (!conversation) throw httpError(404, 'conversation_not_found', `No conversation with id ${id}.`);
    if (!isBotOnlyHandoffs(conversation)) throw httpError(409, 'not_bot_only', problems.not_bot_only[1]);
    return conversation;
  }

  app.get('/cases.jsonl', async (c) => {
    const agent = c.var.agent;
    const conversations = await loadConversations(store, (summary) => summary.handoff !== null || isReviewer(agent));
    const { cases, skipped } = exportJudgedCases(conversations, {
      includeHandoff: (handoff: HandoffRecord) => canSee(agent, handoff.team),
      reviews: isReviewer(agent),
    });
    return c.body(casesToJsonl(cases), 200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': 'attachment; filename="handrail-cases.jsonl"',
      'x-handrail-cases': String(cases.length),
      'x-handrail-skipped': String(skipped.length),
    });
  });

  app.get('/gaps', async (c) => {
    const query = gapsSchema.safeParse(c.req.query());
    if (!query.success) throw httpError(400, 'invalid_request', 'days must be a whole number from 1 to 366.');
    const { days = 28 } = query.data;
    const now = clock();
    const since = new Date(now.getTime() - days * 86_400_000);
    const conversations = await loadConversations(store, (summary) => summary.handoff !== null);
    const items = gapHandoffs(conversations, { since, include: (handoff) => canSee(c.var.agent, handoff.team) });
    const topics = clusterHandoffTopics(items, { now, ...(retriever ? { retriever } : {}) });
    return c.json({ since: since.toISOString(), handoffs: items.length, knowledgeBase: Boolean(retriever), topics });
  });

  return app;
}
