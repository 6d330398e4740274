import { type Handler, Hono } from 'hono';
import { z } from 'zod';
import { casesToJsonl, exportJudgedCases } from '../evals/export-cases.js';
import type { AgentIdentity } from '../handoff/handoff-service.js';
import { httpError } from '../http/http-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import type { KnowledgeBase } from '../model/offline/knowledge-base.js';
import {
  createKnowledgeBaseRetriever,
  type KnowledgeBaseRetriever,
} from '../model/offline/knowledge-base-retriever.js';
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
  loadConversations,
  type ReviewOptions,
  reviewQueueSettings,
  reviewSignals,
} from '../review/index.js';
import type { HandoffRecord, Store, StoredConversation } from '../store/store.js';
import { gapHandoffs } from './gap-handoffs.js';
import { clusterHandoffTopics } from './handoff-topics.js';
import { conversationReviewOf, handoffJudgementOf, judgedHandoff } from './judgement-record.js';
import { type JudgementWriter, judgementProblems, writeJudgement } from './judgement-write.js';
import { canSeeTeam, isReviewer, requireReviewer } from './review-access.js';

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

/** What the routes share, set up once when the factory runs. */
interface JudgementDeps extends JudgementWriter {
  clock: () => Date;
  settings: ReturnType<typeof reviewQueueSettings>;
  retriever: KnowledgeBaseRetriever | undefined;
  reviewers: readonly string[];
  /** The console link of a conversation, for the events. */
  link: (id: string) => string | undefined;
}

/**
 * The review loop's agent routes, mounted inside the agent API (behind its token check):
 * judging a resolved handoff, the review queue of conversations the bot kept, the judged cases
 * as eval JSONL and the gap report by topic.
 */
export function createJudgementRoutes(options: JudgementRoutesOptions): Hono<AgentEnv> {
  const { consoleUrl } = options;
  const deps: JudgementDeps = {
    store: options.store,
    clock: options.clock,
    outbox: options.outbox,
    waitUntil: options.waitUntil,
    settings: reviewQueueSettings(options.review),
    retriever: options.review?.knowledgeBase
      ? createKnowledgeBaseRetriever(options.review.knowledgeBase as KnowledgeBase)
      : undefined,
    reviewers: options.review?.reviewers ?? [],
    link: (id) => (consoleUrl ? `${consoleUrl.replace(/\/$/, '')}/agent#${id}` : undefined),
  };
  const app = new Hono<AgentEnv>();
  app.post('/conversations/:id/judgement', judgeHandoff(deps));
  app.get('/review', reviewQueue(deps));
  app.get('/review/:id', reviewedConversation(deps));
  app.post('/review/:id', reviewConversation(deps));
  app.get('/cases.jsonl', judgedCases(deps));
  app.get('/gaps', gapReport(deps));
  return app;
}

/** `POST /conversations/:id/judgement`: an agent of the handoff's team judges whether it was needed. */
function judgeHandoff(deps: JudgementDeps): Handler<AgentEnv, '/conversations/:id/judgement'> {
  const { store, clock, outbox, link } = deps;
  return async (c) => {
    const id = c.req.param('id');
    const conversation = await store.getConversation(id);
    if (!conversation?.handoff)
      throw httpError(404, 'conversation_not_found', `No handed-off conversation with id ${id}.`);
    if (!canSeeTeam(c.var.agent, conversation.handoff.team)) {
      throw httpError(403, 'forbidden_team', 'This conversation belongs to a team you are not in.');
    }
    const body = await readJsonBody(c, handoffJudgementBodySchema, 8192);
    const judgement = handoffJudgementOf(body, { by: c.var.agent.id, at: clock().toISOString() });
    const target = body.handoffId ?? conversation.handoff.id;
    const stored = await writeJudgement(
      deps,
      id,
      (current) => applyHandoffJudgement(current, judgement, target),
      async (next) => {
        const judged = judgedHandoff(next, target);
        return outbox && judged ? outbox.build(handoffJudgedEvent(next.id, judged, link(next.id))) : [];
      },
    );
    const judged = judgedHandoff(stored, target);
    return c.json({ conversationId: id, handoffId: target, judgement: judged?.judgement ?? judgement });
  };
}

/** `GET /review?limit=&offset=`: the review queue of ended conversations the bot kept, in its window. */
function reviewQueue({ store, clock, settings, reviewers }: JudgementDeps): Handler<AgentEnv, '/review'> {
  return async (c) => {
    requireReviewer(c.var.agent, reviewers);
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
  };
}

/** `GET /review/:id`: a conversation the bot kept, its transcript, review and the signals that queued it. */
function reviewedConversation({ store, reviewers }: JudgementDeps): Handler<AgentEnv, '/review/:id'> {
  return async (c) => {
    requireReviewer(c.var.agent, reviewers);
    const conversation = await loadBotOnly(store, c.req.param('id'));
    return c.json({
      conversation: {
        id: conversation.id,
        updatedAt: conversation.updatedAt,
        turns: conversationTranscript(conversation),
        review: conversation.review ?? null,
      },
      signals: reviewSignals(conversation),
    });
  };
}

/** `POST /review/:id`: a reviewer's verdict on a conversation the bot kept. */
function reviewConversation(deps: JudgementDeps): Handler<AgentEnv, '/review/:id'> {
  const { store, clock, outbox, link, reviewers } = deps;
  return async (c) => {
    requireReviewer(c.var.agent, reviewers);
    const id = c.req.param('id');
    await loadBotOnly(store, id);
    const body = await readJsonBody(c, conversationReviewBodySchema, 8192);
    const review = conversationReviewOf(body, { by: c.var.agent.id, at: clock().toISOString() });
    const stored = await writeJudgement(
      deps,
      id,
      (current) => applyConversationReview(current, review),
      async (next) => {
        const event = conversationReviewedEvent(next, link(next.id));
        return outbox && event ? outbox.build(event) : [];
      },
    );
    return c.json({ conversationId: id, review: stored.review });
  };
}

/** The conversation `id` when the bot kept it to itself; 404 or 409 `not_bot_only` otherwise. */
async function loadBotOnly(store: Store, id: string): Promise<StoredConversation> {
  const conversation = await store.getConversation(id);
  if (!conversation) throw httpError(404, 'conversation_not_found', `No conversation with id ${id}.`);
  if (!isBotOnlyHandoffs(conversation)) throw httpError(409, 'not_bot_only', judgementProblems.not_bot_only[1]);
  return conversation;
}

/** `GET /cases.jsonl`: the judged cases the agent may see (reviews for reviewers), as eval JSONL. */
function judgedCases({ store, reviewers }: JudgementDeps): Handler<AgentEnv, '/cases.jsonl'> {
  return async (c) => {
    const agent = c.var.agent;
    const reviews = isReviewer(agent, reviewers);
    const conversations = await loadConversations(store, (summary) => summary.handoff !== null || reviews);
    const { cases, skipped } = exportJudgedCases(conversations, {
      includeHandoff: (handoff: HandoffRecord) => canSeeTeam(agent, handoff.team),
      reviews,
    });
    return c.body(casesToJsonl(cases), 200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': 'attachment; filename="handrail-cases.jsonl"',
      'x-handrail-cases': String(cases.length),
      'x-handrail-skipped': String(skipped.length),
    });
  };
}

/** `GET /gaps?days=`: the handoffs the bot caused in the window, clustered into topics. */
function gapReport({ store, clock, retriever }: JudgementDeps): Handler<AgentEnv, '/gaps'> {
  return async (c) => {
    const query = gapsSchema.safeParse(c.req.query());
    if (!query.success) throw httpError(400, 'invalid_request', 'days must be a whole number from 1 to 366.');
    const { days = 28 } = query.data;
    const now = clock();
    const since = new Date(now.getTime() - days * 86_400_000);
    const conversations = await loadConversations(store, (summary) => summary.handoff !== null);
    const items = gapHandoffs(conversations, { since, include: (handoff) => canSeeTeam(c.var.agent, handoff.team) });
    const topics = clusterHandoffTopics(items, { now, ...(retriever ? { retriever } : {}) });
    return c.json({ since: since.toISOString(), handoffs: items.length, knowledgeBase: Boolean(retriever), topics });
  };
}
