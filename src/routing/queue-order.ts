import type { Urgency } from '../guard/types.js';

/** Rank of each urgency in the queue: critical first. */
const urgencyRank: Record<Urgency, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/** What the queue order needs of a waiting handoff. */
export interface QueuedHandoff {
  urgency?: Urgency | undefined;
  /** ISO time the handoff was created. */
  createdAt: string;
}

/**
 * The order agents see the queue in, and the order wait estimates count: by urgency (critical
 * first), then oldest first. Negative when `a` comes before `b`.
 */
export function compareQueued(a: QueuedHandoff, b: QueuedHandoff): number {
  return (
    urgencyRank[a.urgency ?? 'normal'] - urgencyRank[b.urgency ?? 'normal'] ||
    Date.parse(a.createdAt) - Date.parse(b.createdAt)
  );
}

/** How many of `waiting` come before `handoff` in the queue (those equal in both count as ahead). */
export function queueAhead(handoff: QueuedHandoff, waiting: readonly QueuedHandoff[]): number {
  return waiting.filter((other) => compareQueued(other, handoff) <= 0).length;
}
