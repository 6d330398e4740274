import type {
  ConversationSummary,
  ListConversationsFilter,
  OutboxDelivery,
  StoredConversation,
  TeamLoad,
  TeamLoadFilter,
} from './store.js';

/** What a conversation object answers to a write: the stored copy, or the version that won. */
export type ConversationWriteResult =
  | { ok: true; conversation: StoredConversation }
  | { ok: false; currentVersion: number | null };

/**
 * The methods the Durable Object store calls on a conversation object (one object per conversation).
 * The Worker's `ConversationObject` implements them; the store depends on this interface, never on the
 * Worker's classes.
 */
export interface ConversationObjectApi {
  getConversation(id: string): StoredConversation | null | Promise<StoredConversation | null>;
  /**
   * Writes `conversation` when the stored version equals `expectedVersion` (null: must not exist), with
   * its outbox `deliveries` in the same step, and pushes its summary to the directory object `directory`
   * (its shard) and its deliveries to that shard's outbox directory (`outboxDirectoryOf`).
   */
  putConversation(
    conversation: StoredConversation,
    expectedVersion: number | null,
    directory: string,
    deliveries: OutboxDelivery[],
  ): Promise<ConversationWriteResult>;
}

/**
 * The methods the Durable Object store calls on the directory object: the queue index and the
 * notification outbox. The Worker's `DirectoryObject` implements them.
 */
export interface DirectoryObjectApi {
  listConversations(filter?: ListConversationsFilter): ConversationSummary[] | Promise<ConversationSummary[]>;
  /** The open handoffs per team and agent of the indexed summaries (`Store.teamLoads`), aggregated in its SQL. */
  teamLoads(filter?: TeamLoadFilter): TeamLoad[] | Promise<TeamLoad[]>;
  enqueueDeliveries(deliveries: OutboxDelivery[]): Promise<void>;
  dueDeliveries(now: Date, limit: number): OutboxDelivery[] | Promise<OutboxDelivery[]>;
  updateDelivery(delivery: OutboxDelivery, expectedAttempts?: number): Promise<boolean>;
  listDeliveries(): OutboxDelivery[] | Promise<OutboxDelivery[]>;
}
