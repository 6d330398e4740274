import { StoreConflictError } from '../errors/store-conflict-error.js';
import type { ConversationSummary, ListConversationsFilter, StoredConversation } from './store.js';
import { summarizeConversation } from './summarize-conversation.js';

/** How the memory store copies values in and out: a deep copy, or the value itself. */
export type CopyValue = <T>(value: T) => T;

/** The memory store's conversations, in update order, with ids indexed by state. */
export interface MemoryConversations {
  /** A copy of the stored conversation, or null. */
  get(id: string): StoredConversation | null;
  /** Stores a copy if the stored version is `expectedVersion` (null: new); answers the new version. */
  put(conversation: StoredConversation, expectedVersion: number | null): number;
  /** Copies of the summaries, in update order. */
  list(filter: ListConversationsFilter): ConversationSummary[];
  /** The stored conversations (not copies) in `states`, state by state. */
  inStates(states: readonly string[]): StoredConversation[];
}

/**
 * The conversations of {@link createMemoryStore}. Ids by state and the order of writes are kept
 * beside them, so the queue and routing list the active few, not every conversation.
 */
export function memoryConversations(copy: CopyValue): MemoryConversations {
  const conversations = new Map<string, StoredConversation>();
  const byState = new Map<string, Set<string>>();
  const writeSequence = new Map<string, number>();
  let writes = 0;
  const index = (id: string, from: string | undefined, to: string) => {
    writeSequence.set(id, ++writes);
    if (from !== undefined && from !== to) byState.get(from)?.delete(id);
    const ids = byState.get(to) ?? new Set<string>();
    ids.add(id);
    byState.set(to, ids);
  };
  const idsIn = (state: string) => [...(byState.get(state) ?? [])];

  return {
    get(id) {
      const conversation = conversations.get(id);
      return conversation ? copy(conversation) : null;
    },

    put(conversation, expectedVersion) {
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
      return stored.version;
    },

    list(filter) {
      if (!filter.states) return copy([...conversations.values()].map(summarizeConversation));
      // Only the conversations in those states, put back in update order.
      const wanted = new Set(filter.states.flatMap(idsIn));
      const chosen = [...wanted].sort((a, b) => writeSequence.get(a)! - writeSequence.get(b)!);
      return copy(chosen.map((id) => summarizeConversation(conversations.get(id)!)));
    },

    inStates(states) {
      return states.flatMap((state) => idsIn(state).map((id) => conversations.get(id)!));
    },
  };
}
