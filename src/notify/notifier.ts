import type { OutboxDelivery } from '../store/store.js';
import type { HandoffEvent, HandoffEventType } from './handoff-event.js';

/**
 * An outbox delivery as a notifier receives it: the stored {@link OutboxDelivery} with its
 * `payload` typed. The outbox builds every delivery of a notifier from a validated
 * {@link HandoffEvent}, so the default `Payload` is that event. A notifier that also enqueues
 * deliveries of its own (another `type`, e.g. a desk's deferred reply) declares the wider payload:
 * `Notifier<HandoffEvent | MyReply>`.
 */
export type NotifierDelivery<Payload = HandoffEvent> = Omit<OutboxDelivery, 'payload'> & { payload: Payload };

/**
 * Delivers one outbox delivery to one receiver (a webhook, Slack, ...). The outbox calls
 * it; a notifier does not retry by itself.
 *
 * `deliver` resolves when the receiver accepted the delivery and throws a
 * `NotificationError` on a non-2xx answer or a network error, saying whether a retry can
 * help. It must honour `signal` and bound its own time (a timeout), so one receiver that
 * hangs cannot hold up the others.
 *
 * @example
 * const audit: Notifier = {
 *   name: 'audit',
 *   async deliver(delivery) {
 *     // delivery.payload is a HandoffEvent: typed, no cast
 *     await auditLog.write(delivery.payload.conversationId, delivery.payload.urgency);
 *   },
 * };
 */
export interface Notifier<Payload = HandoffEvent> {
  /** Unique among the outbox's notifiers; stored on each delivery to route it. */
  readonly name: string;
  /**
   * The event types it receives; the outbox stores no delivery of other types for it.
   * @default lifecycleEventTypes (every type but `user_message.created`)
   */
  readonly events?: readonly HandoffEventType[];
  deliver(delivery: NotifierDelivery<Payload>, options: { signal: AbortSignal }): Promise<void>;
}
