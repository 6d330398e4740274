import { StoreConflictError } from '../errors/store-conflict-error.js';
import { copyData } from './copy-data.js';
import type {
  ConversationSummary,
  ListConversationsFilter,
  OutboxDelivery,
  Store,
  StoredConversation,
} from './store.js';

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
  const deliveries = new Map<string, OutboxDelivery>();
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
      addDeliveries(newDeliveries);
      // The caller's own value with the new version: it shares nothing with what is stored.
      return { ...conversation, version: stored.version };
    },

    async listConversations(filter: ListConversationsFilter = {}) {
      const summaries: ConversationSummary[] = [];
      for (const conversation of conversations.values()) {
        if (filter.states && !filter.states.includes(conversation.state)) continue;
        summaries.push(summarizeConversation(conversation));
      }
      return copy(summaries);
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
