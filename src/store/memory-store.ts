import { StoreConflictError } from '../errors/store-conflict-error.js';
import { copyData } from './copy-data.js';
import type {
  ConversationSummary,
  ListConversationsFilter,
  OutboxDelivery,
  Store,
  StoredConversation,
} from './store.js';
import { teamLoadStates, teamLoadsOf } from './team-loads-of.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Deep-copies values in and out so callers cannot change stored state by reference. @default true */
  isolate?: boolean;
}

/**
 * A `Store` that keeps everything in this process's memory: for demos, tests and
 * single-instance deployments that can lose state on restart.
 */
export function createMemoryStore({ isolate = true }: MemoryStoreOptions = {}): Store {
  const conversations = new Map<string, StoredConversation>();
  // Ids by state and the order of writes: the queue and routing list the active few, not every conversation.
  const byState = new Map<string, Set<string>>();
  const deliveries = new Map<string, OutboxDelivery>();
  const writeSequence = new Map<string, number>();
  let writes = 0;
  const index = (id: string, from: string | undefined, to: string) => {
    writeSequence.set(id, ++writes);
    if (from !== undefined && from !== to) byState.get(from)?.delete(id);
    const ids = byState.get(to) ?? new Set<string>();
    ids.add(id);
    byState.set(to, ids);
  };
  const copy = <T>(value: T): T => (isolate ? copyData(value) : value);
  const addDeliveries = (newDeliveries: readonly OutboxDelivery[]) => {
    for (const delivery of newDeliveries) {
      if (!deliveries.has(delivery.id)) deliveries.set(delivery.id, copy(delivery));
    }
  };

  return {
    async getConversation(id) {
      const conversation = conversations.get(id);
      return conversation ? copy(conversation) : null;
    },

    async putConversation(conversation, expectedVersion, newDeliveries = []) {
      const current = conversations.get(conversation.id);
      const currentVersion = current ? current.version : null;
      if (currentVersion !== expectedVersion) {
        throw new StoreConflictError({ conversationId: conversation.id });
      }
      const stored = { ...copy(conversation), version: (expectedVersion ?? 0) + 1 };
      // Re-insert so iteration order is update order.
      conversations.delete(conversation.id);
      conversations.set(conversation.id, stored);
      index(conversation.id, current?.state, stored.state);
      addDeliveries(newDeliveries);
      // The caller's own value with the new version: it shares nothing with what is stored.
      return { ...conversation, version: stored.version };
    },

    async listConversations(filter: ListConversationsFilter = {}) {
      if (!filter.states) return copy([...conversations.values()].map(summarizeConversation));
      // Only the conversations in those states, put back in update order.
      const wanted = new Set(filter.states.flatMap((state) => [...(byState.get(state) ?? [])]));
      const summaries: ConversationSummary[] = [];
      const chosen = [...wanted].sort((a, b) => writeSequence.get(a)! - writeSequence.get(b)!);
      for (const id of chosen) summaries.push(summarizeConversation(conversations.get(id)!));
      return copy(summaries);
    },

    async teamLoads(filter) {
      // Through the by-state index: the active few, not every conversation.
      const active = teamLoadStates.flatMap((state) =>
        [...(byState.get(state) ?? [])].map((id) => conversations.get(id)!),
      );
      return teamLoadsOf(active, filter);
    },

    async enqueueDeliveries(newDeliveries) {
      addDeliveries(newDeliveries);
    },

    async dueDeliveries(now, limit) {
      const due = [...deliveries.values()]
        .filter((delivery) => delivery.status === 'pending' && Date.parse(delivery.nextAttemptAt) <= now.getTime())
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
        .slice(0, limit);
      return copy(due);
    },

    async updateDelivery(delivery, expectedAttempts) {
      if (expectedAttempts !== undefined) {
        const current = deliveries.get(delivery.id);
        if (current?.status !== 'pending' || current.attempts !== expectedAttempts) return false;
      }
      deliveries.set(delivery.id, copy(delivery));
      return true;
    },

    async listDeliveries() {
      return copy([...deliveries.values()]);
    },
  };
}

/** The queue and metrics view of a conversation. */
export function summarizeConversation(conversation: StoredConversation): ConversationSummary {
  return {
    id: conversation.id,
    state: conversation.state,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    messageCount: conversation.messages.length,
    handoff: conversation.handoff,
  };
}
