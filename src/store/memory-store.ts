import { z } from 'zod';
import type { ConversationState } from '../chat/conversation.js';
import { copyData } from './copy-data.js';
import { type CopyValue, memoryConversations } from './memory-conversations.js';
import { memoryOutbox } from './memory-outbox.js';
import { parseStoreOptions } from './parse-store-options.js';
import type { Store } from './store.js';
import { teamLoadStates, teamLoadsOf } from './team-loads-of.js';

export { summarizeConversation } from './summarize-conversation.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Deep-copies values in and out so callers cannot change stored state by reference. @default true */
  isolate?: boolean;
  /**
   * How long a conversation with no open handoff (with the bot, or resolved) is kept after its
   * last write, in milliseconds, with the notifications delivered or failed that long ago. Queued,
   * assigned and human conversations and pending notifications are never dropped. This bounds the
   * store's memory by the traffic of one retention period; `Infinity` keeps everything.
   * @default 86_400_000 (24 hours)
   */
  retentionMs?: number;
  /** Time of each write, for the retention. @default () => new Date() */
  clock?: () => Date;
}

/** The states whose conversations the retention drops: none has an open handoff. */
const evictableStates: readonly ConversationState[] = ['bot', 'resolved'];
const defaultRetentionMs = 24 * 60 * 60 * 1000;

const optionsSchema = z
  .object({
    isolate: z.boolean().optional(),
    retentionMs: z
      .custom<number>(
        (value) => typeof value === 'number' && value > 0,
        'must be a positive number of milliseconds or Infinity',
      )
      .optional(),
    clock: z.custom<() => Date>((value) => typeof value === 'function', 'must be a function').optional(),
  })
  .strict();

const sameValue: CopyValue = (value) => value;

/**
 * A `Store` that keeps everything in this process's memory: for demos, tests and
 * single-instance deployments that can lose state on restart. Memory stays bounded: what has
 * no open handoff is dropped `retentionMs` after its last write.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const {
    isolate = true,
    retentionMs = defaultRetentionMs,
    clock = () => new Date(),
  } = parseStoreOptions('createMemoryStore', optionsSchema, options);
  const copy = isolate ? copyData : sameValue;
  const conversations = memoryConversations(copy);
  const outbox = memoryOutbox(copy);
  // Each write drops what outlived the retention: the oldest first, so it reads only what it drops.
  const writeTime = () => {
    const now = clock().getTime();
    conversations.evict(evictableStates, now - retentionMs);
    outbox.evict(now - retentionMs);
    return now;
  };

  return {
    async getConversation(id) {
      return conversations.get(id);
    },

    async putConversation(conversation, expectedVersion, newDeliveries = []) {
      const now = writeTime();
      const version = conversations.put(conversation, expectedVersion, now);
      outbox.add(newDeliveries, now);
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
      outbox.add(newDeliveries, writeTime());
    },

    async dueDeliveries(now, limit) {
      return outbox.due(now, limit);
    },

    async updateDelivery(delivery, expectedAttempts) {
      return outbox.update(delivery, expectedAttempts, writeTime());
    },

    async listDeliveries() {
      return outbox.list();
    },
  };
}
