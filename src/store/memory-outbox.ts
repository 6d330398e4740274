import type { CopyValue } from './memory-conversations.js';
import type { OutboxDelivery } from './store.js';

/** The memory store's notification outbox: deliveries by id, in the order they were enqueued. */
export interface MemoryOutbox {
  /** Adds copies of the deliveries whose id is new; an id already held keeps its delivery. */
  add(deliveries: readonly OutboxDelivery[]): void;
  due(now: Date, limit: number): OutboxDelivery[];
  update(delivery: OutboxDelivery, expectedAttempts?: number): boolean;
  list(): OutboxDelivery[];
}

/** The outbox of {@link createMemoryStore}. */
export function memoryOutbox(copy: CopyValue): MemoryOutbox {
  const deliveries = new Map<string, OutboxDelivery>();
  return {
    add(newDeliveries) {
      for (const delivery of newDeliveries) {
        if (!deliveries.has(delivery.id)) deliveries.set(delivery.id, copy(delivery));
      }
    },

    due(now, limit) {
      const due = [...deliveries.values()]
        .filter((delivery) => delivery.status === 'pending' && Date.parse(delivery.nextAttemptAt) <= now.getTime())
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
        .slice(0, limit);
      return copy(due);
    },

    update(delivery, expectedAttempts) {
      if (expectedAttempts !== undefined) {
        const current = deliveries.get(delivery.id);
        if (current?.status !== 'pending' || current.attempts !== expectedAttempts) return false;
      }
      deliveries.set(delivery.id, copy(delivery));
      return true;
    },

    list() {
      return copy([...deliveries.values()]);
    },
  };
}
