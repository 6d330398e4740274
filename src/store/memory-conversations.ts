import type { ConversationState } from '../chat/conversation.js';
import { StoreConflictError } from '../errors/store-conflict-error.js';
import type { ConversationSummary, ListConversationsFilter, StoredConversation } from './store.js';
import { summarizeConversation } from './summarize-conversation.js';

/** How the memory store copies values in and out: a deep copy, or the value itself. */
export type CopyValue = <T>(value: T) => T;

/** The memory store's conversations, in update order, with ids indexed by state. */
export interface MemoryConversations {
  /** A copy of the stored conversation, or null. */
  get(id: string): StoredConversation | null;
  /**
   * Stores a copy if the stored version is `expectedVersion` (null: new), written at `now`
   * (epoch ms); answers the new version.
   */
  put(conversation: StoredConversation, expectedVersion: number | null, now: number): number;
  /** Copies of the summaries, in update order. */
  list(filter: ListConversationsFilter): ConversationSummary[];
  /** The stored conversations (not copies) in `states`, state by state. */
  inStates(states: readonly string[]): StoredConversation[];
  /** Drops the conversations in `states` last written before `cutoff` (epoch ms); answers how many. */
  evict(states: readonly ConversationState[], cutoff: number): number;
}

/** When and in which order a conversation was last written. */
interface Written {
  sequence: number;
  at: number;
}

/**
 * The conversations of {@link createMemoryStore}. Ids by state (each set in write order) and the
 * order and time of writes are kept beside them, so the queue and routing list the active few, not
 * every conversation, and eviction reads only the conversations it drops.
 */
export function memoryConversations(copy: CopyValue): MemoryConversations {
  const conversations = new Map<string, StoredConversation>();
  const byState = new Map<string, Set<string>>();
  const written = new Map<string, Written>();
  let writes = 0;
  const index = (id: string, from: string | undefined, to: string, at: number) => {
    written.set(id, { sequence: ++writes, at });
    // Delete then add, also within one state: each set stays in write order, oldest first.
    if (from !== undefined) byState.get(from)?.delete(id);
    const ids = byState.get(to) ?? new Set<string>();
    ids.add(id);
    byState.set(to, ids);
  };
  const idsIn = (state: string) => [...(byState.get(state) ?? [])];
  const drop = (id: string, ids: Set<string>) => {
    conversations.delete(id);
    written.delete(id);
    ids.delete(id);
  };

  return {
    get(id) {
      const conversation = conversations.get(id);
      return conversation ? copy(conversation) : null;
    },

    put(conversation, expectedVersion, now) {
      const current = conversations.get(conversation.id);
      const currentVersion = current ? current.version : null;
      if (currentVersion !== expectedVersion) {
        throw new StoreConflictError({ conversationId: conversation.id });
      }
      const stored = { ...copy(conversation), version: (expectedVersion ?? 0) + 1 };
      // Re-insert so iteration order is update order.
      conversations.delete(conversation.id);
      conversations.set(conversation.id, stored);
      index(conversation.id, current?.state, stored.state, now);
      return stored.version;
    },

    list(filter) {
      if (!filter.states) return copy([...conversations.values()].map(summarizeConversation));
      // Only the conversations in those states, put back in update order.
      const wanted = new Set(filter.states.flatMap(idsIn));
      const chosen = [...wanted].sort((a, b) => written.get(a)!.sequence - written.get(b)!.sequence);
      return copy(chosen.map((id) => summarizeConversation(conversations.get(id)!)));
    },

    inStates(states) {
      return states.flatMap((state) => idsIn(state).map((id) => conversations.get(id)!));
    },

    evict(states, cutoff) {
      let evicted = 0;
      for (const state of states) {
        const ids = byState.get(state);
        if (!ids) continue;
        // Oldest write first: stop at the first one still within the retention.
        for (const id of ids) {
          if (written.get(id)!.at >= cutoff) break;
          drop(id, ids);
          evicted++;
        }
      }
      return evicted;
    },
  };
}
