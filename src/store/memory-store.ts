import { StoreConflictError } from '../errors/store-conflict-error.js';
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

  return {
    async getConversation(id) {
      const conversation = conversations.get(id);
      return conversation ? copy(conversation) : null;
    },

    async putConversation(conversation, expectedVersion) {
      const current = conversations.get(conversation.id);
      const currentVersion = current ? current.version : null;
      if (currentVersion !== expectedVersion) {
        throw new StoreConflictError({ conversationId: conversation.id });
      }
      const stored = { ...copy(conversation), version: (expectedVersion ?? 0) + 1 };
      // Re-insert so iteration order is update order.
      conversations.delete(conversation.id);
      conversations.set(conversation.id, stored);
      return copy(stored);
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
      for (const delivery of newDeliveries) {
        if (!deliveries.has(delivery.id)) deliveries.set(delivery.id, copy(delivery));
      }
    },

    async dueDeliveries(now, limit) {
      const due = [...deliveries.values()]
        .filter((delivery) => delivery.status === 'pending' && Date.parse(delivery.nextAttemptAt) <= now.getTime())
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
        .slice(0, limit);
      return copy(due);
    },

    async updateDelivery(delivery) {
      deliveries.set(delivery.id, copy(delivery));
    },

    async listDeliveries() {
      return copy([...deliveries.values()]);
    },
  };
}

/** Thrown inside {@link copyPlain} when a value needs `structuredClone`. */
const notPlain = Symbol('not plain data');

/** Depth beyond which a value is handed to `structuredClone` (which also handles cycles). */
const maxPlainDepth = 100;

/**
 * A deep copy, as `structuredClone` makes it, of the JSON-like data stores hold (plain objects,
 * arrays, primitives), several times faster on such data. Anything else (dates, maps, class
 * instances, functions, very deep or cyclic values) goes to `structuredClone` itself, so values
 * it cannot copy fail the same way.
 */
function copyData<T>(value: T): T {
  try {
    return copyPlain(value, 0) as T;
  } catch (error) {
    if (error === notPlain) return structuredClone(value);
    throw error;
  }
}

function copyPlain(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'function' || typeof value === 'symbol') throw notPlain;
    return value;
  }
  if (depth > maxPlainDepth) throw notPlain;
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Array.prototype) {
    const array = value as unknown[];
    const keys = Object.keys(array);
    // Holes or extra properties: leave them to structuredClone.
    if (keys.length !== array.length) throw notPlain;
    const result = new Array<unknown>(array.length);
    for (let index = 0; index < array.length; index++) result[index] = copyPlain(array[index], depth + 1);
    return result;
  }
  if (prototype !== Object.prototype && prototype !== null) throw notPlain;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const copied = copyPlain((value as Record<string, unknown>)[key], depth + 1);
    // An own "__proto__" key (from JSON) stays a property, as structuredClone keeps it.
    if (key === '__proto__')
      Object.defineProperty(result, key, { value: copied, enumerable: true, writable: true, configurable: true });
    else result[key] = copied;
  }
  return result;
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
