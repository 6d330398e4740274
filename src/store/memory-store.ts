import { copyData } from './copy-data.js';
import { type CopyValue, memoryConversations } from './memory-conversations.js';
import { memoryOutbox } from './memory-outbox.js';
import type { Store } from './store.js';
import { teamLoadStates, teamLoadsOf } from './team-loads-of.js';

export { summarizeConversation } from './summarize-conversation.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Deep-copies values in and out so callers cannot change stored state by reference. @default true */
  isolate?: boolean;
}

const sameValue: CopyValue = (value) => value;

/**
 * A `Store` that keeps everything in this process's memory: for demos, tests and
 * single-instance deployments that can lose state on restart.
 */
export function createMemoryStore({ isolate = true }: MemoryStoreOptions = {}): Store {
  const copy = isolate ? copyData : sameValue;
  const conversations = memoryConversations(copy);
  const outbox = memoryOutbox(copy);

  return {
    async getConversation(id) {
      return conversations.get(id);
    },

    async putConversation(conversation, expectedVersion, newDeliveries = []) {
      const version = conversations.put(conversation, expectedVersion);
      outbox.add(newDeliveries);
      // The caller's own value with the new version: it shares nothing with what is stored.
      return { ...conversation, version };
    },

    async listConversations(filter = {}) {
      return conversations.list(filter);
    },

    async teamLoads(filter) {
      // Through the by-state index: the active few, not every conversation.
      return teamLoadsOf(conversations.inStates(teamLoadStates), filter);
    },

    async enqueueDeliveries(newDeliveries) {
      outbox.add(newDeliveries);
    },

    async dueDeliveries(now, limit) {
      return outbox.due(now, limit);
    },

    async updateDelivery(delivery, expectedAttempts) {
      return outbox.update(delivery, expectedAttempts);
    },

    async listDeliveries() {
      return outbox.list();
    },
  };
}
