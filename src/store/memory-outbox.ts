import type { CopyValue } from './memory-conversations.js';
import type { OutboxDelivery } from './store.js';

/** The memory store's notification outbox: deliveries by id, in the order they were enqueued. */
export interface MemoryOutbox {
  /** Adds copies of the deliveries whose id is new, at `now` (epoch ms); an id already held keeps its delivery. */
  add(deliveries: readonly OutboxDelivery[], now: number): void;
  due(now: Date, limit: number): OutboxDelivery[];
  /** Replaces a delivery; one that leaves `pending` counts as settled at `now` (epoch ms). */
  update(delivery: OutboxDelivery, expectedAttempts: number | undefined, now: number): boolean;
  list(): OutboxDelivery[];
  /** Drops the deliveries delivered or failed before `cutoff` (epoch ms); pending ones stay. Answers how many. */
  evict(cutoff: number): number;
}

/**
 * The outbox of {@link createMemoryStore}. Pending ids are kept beside the deliveries, so a flush
 * reads the pending few, and settled ids in the order they settled, so eviction reads only those it drops.
 */
export function memoryOutbox(copy: CopyValue): MemoryOutbox {
  const deliveries = new Map<string, OutboxDelivery>();
  const pending = new Set<string>();
  const settledAt = new Map<string, number>();
  const track = (delivery: OutboxDelivery, now: number) => {
    settledAt.delete(delivery.id);
    if (delivery.status === 'pending') {
      pending.add(delivery.id);
      return;
    }
    pending.delete(delivery.id);
    settledAt.set(delivery.id, now);
  };

  return {
    add(newDeliveries, now) {
      for (const delivery of newDeliveries) {
        if (deliveries.has(delivery.id)) continue;
        deliveries.set(delivery.id, copy(delivery));
        track(delivery, now);
      }
    },

    due(now, limit) {
      const due = [...pending]
        .map((id) => deliveries.get(id)!)
        .filter((delivery) => Date.parse(delivery.nextAttemptAt) <= now.getTime())
        .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
        .slice(0, limit);
      return copy(due);
    },

    update(delivery, expectedAttempts, now) {
      if (expectedAttempts !== undefined) {
        const current = deliveries.get(delivery.id);
        if (current?.status !== 'pending' || current.attempts !== expectedAttempts) return false;
      }
      deliveries.set(delivery.id, copy(delivery));
      track(delivery, now);
      return true;
    },

    list() {
      return copy([...deliveries.values()]);
    },

    evict(cutoff) {
      let evicted = 0;
      for (const [id, at] of settledAt) {
        if (at >= cutoff) break;
        deliveries.delete(id);
        settledAt.delete(id);
        evicted++;
      }
      return evicted;
    },
  };
}
