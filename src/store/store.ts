import type { HandoffMetrics } from '../agent/handoff-metrics.js';
import type { ConversationState, HandoffReason, HandrailUIMessage } from '../chat/conversation.js';
import type { Urgency } from '../guard/types.js';

/** Who the customer is, when the host app or the offline form told us. */
export interface CustomerIdentity {
  id?: string;
  name?: string;
  email?: string;
}

/** A ticket created when no agent could take the conversation. */
export interface OfflineTicket {
  id: string;
  createdAt: string;
  /** ISO time by which the customer is promised an answer. */
  replyBy: string;
  name?: string;
  email?: string;
}

/** Everything about one handoff of a conversation to people. */
export interface HandoffRecord {
  id: string;
  createdAt: string;
  reasons: HandoffReason[];
  urgency: Urgency;
  /** Team the router chose; null until routed. */
  team: string | null;
  skills?: string[];
  etaSeconds?: number;
  /** The structured brief for the agent (a `HandoffBrief`). */
  brief: unknown;
  /** Fields the bot asked for before completing the handoff (pre-handoff questions), in order. */
  askedQuestions?: string[];
  /** True while the bot is still collecting answers or contact details before the handoff completes. */
  collecting?: boolean;
  /** True when nobody is available and the bot waits for the customer's name and email to open a ticket. */
  awaitingContact?: boolean;
  /** Where the brief came from: the model, or the deterministic extractive brief. */
  briefSource?: 'model' | 'extractive';
  /** Why the model brief was not used, when it was not. */
  briefError?: string;
  /** ISO time the model brief replaced the extractive one (the `handoff.brief_ready` event). */
  briefAt?: string;
  /** ISO time the handoff was routed and announced (`handoff.created` or `ticket.created`). */
  routedAt?: string;
  agentId?: string;
  claimedAt?: string;
  firstAgentReplyAt?: string;
  resolvedAt?: string;
  resolution?: 'bot' | 'closed';
  ticket?: OfflineTicket;
  /** ISO time a crisis raised the handoff to critical while the user waited. */
  escalatedAt?: string;
  /** Where the handoff lives in each agent desk (a Slack thread, a helpdesk conversation), by desk name. */
  desks?: Record<string, DeskReference>;
  /** An agent's verdict after resolving: was the handoff needed, and for which reason (`handoff.judged`). */
  judgement?: HandoffJudgement;
}

/** Whether a handoff was needed, as the agent who resolved it judged (see `src/review/`). */
export interface HandoffJudgement {
  needed: boolean;
  /** The right reason when the recorded one was wrong (an eval case reason, e.g. `high_stakes`). */
  reason?: string;
  note?: string;
  /** Agent id. */
  by: string;
  /** ISO time of the judgement. */
  at: string;
}

/** A reviewer's verdict on a conversation the bot kept to itself (`conversation.reviewed`). */
export interface ConversationReview {
  /** `missed`: it should have reached a person; `fine`: the bot was right to keep it. */
  verdict: 'missed' | 'fine';
  /** With `missed`: why a person should have taken it (an eval case reason). */
  reason?: string;
  note?: string;
  by: string;
  at: string;
}

/** Where one handoff lives in an agent desk, written by the desk (see `AgentDesk`). */
export interface DeskReference {
  /** The desk's own id of the thread or ticket (a Slack message `ts`, a Chatwoot conversation id). */
  externalId: string;
  /** Where that id is valid: a Slack channel id, a Chatwoot account id. */
  location?: string;
  /**
   * Ids of work the desk already did for this handoff, newest last and bounded: Slack `event_id`s
   * it handled and outbox deliveries it posted, so a retry of either never does the work twice.
   */
  handled?: string[];
}

/** One conversation as stored. `version` grows by one on every successful write. */
export interface StoredConversation {
  id: string;
  version: number;
  state: ConversationState;
  createdAt: string;
  updatedAt: string;
  /** SHA-256 (hex) of the per-conversation access token; the token itself is never stored. */
  tokenHash?: string;
  identity?: CustomerIdentity;
  /** Language the guard detected for the user (BCP 47 primary tag, e.g. `en`, `es`). */
  language?: string;
  messages: HandrailUIMessage[];
  /** The current or most recent handoff; null when the conversation never left the bot. */
  handoff: HandoffRecord | null;
  /** Past handoffs that were resolved, oldest first. */
  pastHandoffs?: HandoffRecord[];
  /** A reviewer's verdict, when the conversation was reviewed after the bot kept it. */
  review?: ConversationReview;
  /**
   * What the guard has read of the transcript (an `EncodedGuardState`: versioned plain JSON,
   * bounded whatever the length), written with each turn's commit so that the next turn reads
   * only its new turns. Opaque to stores; a missing, stale or unreadable value is rebuilt.
   */
  guardState?: unknown;
}

/** What the queue and metrics need without loading every transcript. */
export interface ConversationSummary {
  id: string;
  state: ConversationState;
  createdAt: string;
  updatedAt: string;
  messageCount: number;
  handoff: HandoffRecord | null;
}

/** A notification waiting in the outbox. `id` is stable across retries (the webhook-id). */
export interface OutboxDelivery {
  id: string;
  /** Name of the notifier that delivers it (e.g. `webhook`, `slack`). */
  notifier: string;
  /** Event type, noun then verb (`handoff.created`, `handoff.claimed`). */
  type: string;
  payload: unknown;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  status: 'pending' | 'delivered' | 'failed';
  lastError?: string;
  deliveredAt?: string;
}

export interface ListConversationsFilter {
  states?: ConversationState[];
}

/** Which page of the agent queue {@link Store.listQueue} answers. */
export interface QueueFilter {
  /** Only handoffs routed to these teams (what an agent of those teams sees). Omitted: all. */
  teams?: string[];
  /** Most entries. Omitted: all. */
  limit?: number;
  /** Entries to skip. @default 0 */
  offset?: number;
}

/** A page of the agent queue, in queue order, and how many entries the whole queue has. */
export interface QueuePage {
  entries: ConversationSummary[];
  total: number;
}

/** Which handoffs {@link Store.handoffMetrics} counts. */
export interface HandoffMetricsFilter {
  /** Only handoffs routed to these teams (what an agent of those teams sees). Omitted: every conversation. */
  teams?: string[];
}

/** What {@link Store.teamLoads} counts the queue against: the handoff being routed. */
export interface TeamLoadFilter {
  /**
   * The handoff whose place in the queue `queuedAhead` counts: its urgency and creation time, as
   * `compareQueued` orders them (a waiting handoff equal in both counts as ahead). Omitted: every queued one counts.
   */
  ahead?: { urgency?: Urgency | undefined; createdAt: string };
  /** A conversation left out of `queued` and `queuedAhead` (the one being routed), not of `open` or `agents`. */
  excludeConversationId?: string;
}

/**
 * The open handoffs of one team, aggregated by the backend ({@link Store.teamLoads}): what routing
 * (the least busy agent with room) and the wait estimate (the queue ahead) need.
 */
export interface TeamLoad {
  /** The team the handoffs were routed to; null for those of no team. */
  team: string | null;
  /** Conversations queued, assigned or with a person, of this team. */
  open: number;
  /** Of `open`, those with an agent, by agent id; agents without any are absent. */
  agents: Record<string, number>;
  /** Of `open`, the handoffs waiting in the queue: queued, with a handoff no longer collecting answers. */
  queued: number;
  /** Of `queued`, those at or before `ahead` in queue order (all of `queued` without `ahead`). */
  queuedAhead: number;
}

/**
 * Conversation state and the notification outbox. Every write is conditional on the
 * version read, so races resolve to one winner on every backend (in memory, a file,
 * a Durable Object).
 */
export interface Store {
  getConversation(id: string): Promise<StoredConversation | null>;
  /**
   * Writes `conversation` if the stored version equals `expectedVersion` (`null`: the
   * conversation must not exist yet). Returns the stored copy, whose version is
   * `expectedVersion + 1` (or 1). Throws `StoreConflictError` when the version differs.
   *
   * `deliveries` are the notifications of this change (the transactional outbox): they are
   * stored in the same atomic write, so either the change and its notifications are both
   * kept or neither is. A delivery whose id is already stored is left as it is.
   */
  putConversation(
    conversation: StoredConversation,
    expectedVersion: number | null,
    deliveries?: OutboxDelivery[],
  ): Promise<StoredConversation>;
  /** Summaries of conversations, newest update last. */
  listConversations(filter?: ListConversationsFilter): Promise<ConversationSummary[]>;
  /** Adds deliveries; a delivery whose id is already stored is left as it is. */
  enqueueDeliveries(deliveries: OutboxDelivery[]): Promise<void>;
  /** Pending deliveries whose `nextAttemptAt` is at or before `now`, oldest first. */
  dueDeliveries(now: Date, limit: number): Promise<OutboxDelivery[]>;
  /**
   * Replaces a delivery (after an attempt). With `expectedAttempts`, replaces it only while
   * the stored delivery is pending with that many attempts, and answers whether it did: the
   * lease that lets one flusher of several take a delivery. Without it, always replaces and
   * answers true.
   */
  updateDelivery(delivery: OutboxDelivery, expectedAttempts?: number): Promise<boolean>;
  /** All deliveries, for tests and metrics. */
  listDeliveries(): Promise<OutboxDelivery[]>;
  /**
   * Optional change feed. Calls `onChange` soon after each committed write of the conversation,
   * made by this process or by another on the same backend, and whenever the feed (re)connects
   * (a change may have been missed); returns the function that stops it. The live event streams
   * wait on it instead of polling. Stores without it (memory, SQLite, Durable Objects) are polled.
   */
  watch?(conversationId: string, onChange: () => void): () => void;
  /**
   * Optional: the agent metrics aggregated by the backend (in SQL), equal to
   * `computeHandoffMetrics` over the visible summaries. Without it, the metrics route reads
   * every summary and computes them in JavaScript.
   */
  handoffMetrics?(filter?: HandoffMetricsFilter): Promise<HandoffMetrics>;
  /**
   * Optional: a page of the agent queue (conversations queued, assigned or with a person) in
   * queue order (urgency, then oldest handoff; `compareQueued`), sorted and cut by the backend.
   * Without it, the queue route sorts the active summaries in JavaScript.
   */
  listQueue?(filter?: QueueFilter): Promise<QueuePage>;
  /**
   * Optional: the open handoffs per team and agent, aggregated by the backend (a `GROUP BY`), one
   * entry per team with any, ordered by team id (null last). Equal to `teamLoadsOf` over the active
   * summaries; without it, routing reads those summaries (`listConversations`) and derives the loads in JavaScript.
   */
  teamLoads?(filter?: TeamLoadFilter): Promise<TeamLoad[]>;
}

/** The names of the {@link Store} methods, for wrappers and adapters that forward each one. */
export const storeMethodNames = [
  'getConversation',
  'putConversation',
  'listConversations',
  'enqueueDeliveries',
  'dueDeliveries',
  'updateDelivery',
  'listDeliveries',
] as const satisfies ReadonlyArray<keyof Store>;
