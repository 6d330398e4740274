import type { OutboxDelivery } from '../store/store.js';
import type { HandoffEventType } from './handoff-event.js';

/**
 * Delivers one outbox delivery to one receiver (a webhook, Slack, ...). The outbox calls
 * it; a notifier does not retry by itself.
 *
 * `deliver` resolves when the receiver accepted the delivery and throws a
 * `NotificationError` on a non-2xx answer or a network error, saying whether a retry can
 * help. It must honour `signal` and bound its own time (a timeout), so one receiver that
 * hangs cannot hold up the others.
 */
export interface Notifier {
  /** Unique among the outbox's notifiers; stored on each delivery to route it. */
  readonly name: string;
  /**
   * The event types it receives; the outbox stores no delivery of other types for it.
   * @default lifecycleEventTypes (every type but `user_message.created`)
   */
  readonly events?: readonly HandoffEventType[];
  deliver(delivery: OutboxDelivery, options: { signal: AbortSignal }): Promise<void>;
}
