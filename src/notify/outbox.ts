import type { OutboxDelivery, Store } from '../store/store.js';
import { type BackoffOptions, resolveBackoff } from './backoff.js';
import { type HandoffEvent, type HandoffEventType, handoffEventSchema, lifecycleEventTypes } from './handoff-event.js';
import type { Notifier } from './notifier.js';
import {
  type AttemptContext,
  attemptDelivery,
  describeError,
  emptyFlushResult,
  type FlushResult,
} from './outbox-attempt.js';

export type { FlushResult } from './outbox-attempt.js';

/** Where the outbox reports failed attempts and store errors. `console` fits. */
export interface OutboxLogger {
  warn(message: string, details?: Record<string, unknown>): void;
}

/** Options of {@link createOutbox}. */
export interface OutboxOptions {
  /** Where deliveries live; they survive a restart when the store does. */
  store: Store;
  /** One delivery per notifier is enqueued for each event. Names must be unique. */
  notifiers: Notifier[];
  /** @default () => new Date() */
  clock?: () => Date;
  /** Retry schedule. @default { baseMs: 1000, factor: 2, maxMs: 300_000, maxAttempts: 12, jitter: 0.5 } */
  backoff?: BackoffOptions;
  /** Source of jitter in [0, 1). @default Math.random */
  random?: () => number;
  logger?: OutboxLogger;
  /**
   * How long an attempt holds its delivery (at least; a longer backoff holds it longer): another
   * flusher takes it over only after this, and a process that dies mid-attempt retries it then.
   * Keep it above the notifiers' timeout. @default 30000
   */
  leaseMs?: number;
}

/** Options of {@link Outbox.flush}. */
export interface FlushOptions {
  /** Most deliveries to attempt in this flush. @default 100 */
  limit?: number;
  /** Stops starting new attempts and is passed to the notifiers (at shutdown). */
  signal?: AbortSignal;
}

/** A persisted outbox of notifications with retries. */
export interface Outbox {
  /**
   * Stores one delivery per notifier for `event` and returns them as built. The ids are
   * derived from the event and the notifier, so enqueueing the same event again adds
   * nothing. Throws when the store write fails (the event is then not queued).
   */
  enqueue(event: HandoffEvent): Promise<OutboxDelivery[]>;
  /**
   * The deliveries `enqueue` would store for `event`, without storing them: to hand to
   * `Store.putConversation` so they are written with the change they announce.
   */
  build(event: HandoffEvent): Promise<OutboxDelivery[]>;
  /**
   * Attempts the deliveries that are due: notifiers in parallel, each one's deliveries in
   * order. Failures are rescheduled with exponential backoff, or marked `failed` when not
   * retryable or out of attempts. Never throws. A flush called while one runs joins it.
   */
  flush(options?: FlushOptions): Promise<FlushResult>;
  /** When the earliest pending delivery is due (to schedule the next flush), or null when none is pending. */
  nextDueAt(): Promise<Date | null>;
}

/**
 * Creates the notification outbox. Events are written to the store before anything is
 * sent, so a restart or a receiver that is down loses nothing: each delivery is retried
 * until it is accepted or runs out of attempts. Delivery is at least once; the delivery
 * id (the `webhook-id`) stays the same on every attempt so receivers can drop duplicates.
 *
 * Each attempt first takes a lease on its delivery (a conditional write of the attempt
 * count), so of two flushers (two processes, or a restart during a send) only one sends; a
 * process that dies mid-attempt leaves the lease to run out, and the delivery is retried then.
 *
 * @example
 * const outbox = createOutbox({
 *   store,
 *   notifiers: [createWebhookNotifier({ url, secret }), createSlackNotifier({ webhookUrl })],
 * });
 * await outbox.enqueue(buildHandoffEvent({ type: 'handoff.created', conversationId, handoff }));
 * await outbox.flush(); // on Workers: in waitUntil or a Durable Object alarm at nextDueAt()
 */
export function createOutbox({
  store,
  notifiers,
  clock = () => new Date(),
  backoff: backoffOptions,
  random = Math.random,
  logger,
  leaseMs = 30_000,
}: OutboxOptions): Outbox {
  const backoff = resolveBackoff(backoffOptions);
  const context: AttemptContext = {
    store,
    clock,
    random,
    backoff,
    leaseMs,
    notifiersByName: notifiersByName(notifiers),
    warn: quietWarn(logger),
  };
  let running: Promise<FlushResult> | undefined;
  const build = (event: HandoffEvent) => buildDeliveries(notifiers, clock, event);

  return {
    build,

    async enqueue(event) {
      const deliveries = await build(event);
      await store.enqueueDeliveries(deliveries);
      return deliveries;
    },

    flush({ limit = 100, signal = new AbortController().signal }: FlushOptions = {}) {
      if (!(Number.isInteger(limit) && limit > 0)) return Promise.resolve(emptyFlushResult());
      running ??= runFlush(context, limit, signal)
        .catch((error: unknown) => {
          // Only a throwing clock can get here.
          context.warn('Outbox flush crashed.', { error: describeError(error) });
          return emptyFlushResult();
        })
        .finally(() => {
          running = undefined;
        });
      return running;
    },

    async nextDueAt() {
      return earliestPending(await store.listDeliveries());
    },
  };
}

/** The notifiers by name; throws a plain error when there are none or two share a name. */
function notifiersByName(notifiers: Notifier[]): Map<string, Notifier> {
  if (notifiers.length === 0) throw new Error('The outbox needs at least one notifier.');
  const byName = new Map<string, Notifier>();
  for (const notifier of notifiers) {
    if (byName.has(notifier.name)) throw new Error(`Two notifiers are named ${notifier.name}.`);
    byName.set(notifier.name, notifier);
  }
  return byName;
}

/** The logger's `warn`, made safe: a broken logger must not break delivery. */
function quietWarn(logger: OutboxLogger | undefined): AttemptContext['warn'] {
  return (message, details) => {
    try {
      logger?.warn(message, details);
    } catch {
      // Ignored on purpose.
    }
  };
}

/** One flush: reads what is due, then attempts it, notifiers in parallel and each one's deliveries in order. */
async function runFlush(context: AttemptContext, limit: number, signal: AbortSignal): Promise<FlushResult> {
  const result = emptyFlushResult();
  let due: OutboxDelivery[];
  try {
    due = await context.store.dueDeliveries(context.clock(), limit);
  } catch (error) {
    result.storeErrors++;
    context.warn('Outbox could not read due deliveries.', { error: describeError(error) });
    return result;
  }
  await Promise.all(
    queuesByNotifier(due).map(async (queue) => {
      for (const delivery of queue) {
        if (signal.aborted) return;
        try {
          await attemptDelivery(context, delivery, signal, result);
        } catch (error) {
          // Only a throwing clock or random can get here; keep the other deliveries going.
          context.warn('Outbox attempt crashed.', { deliveryId: delivery.id, error: describeError(error) });
        }
      }
    }),
  );
  return result;
}

/** The due deliveries grouped by notifier; a critical handoff (a crisis) is announced before the others due with it. */
function queuesByNotifier(due: OutboxDelivery[]): OutboxDelivery[][] {
  const queues = new Map<string, OutboxDelivery[]>();
  for (const delivery of [...due].sort((a, b) => urgencyFirst(a) - urgencyFirst(b))) {
    const queue = queues.get(delivery.notifier) ?? [];
    queue.push(delivery);
    queues.set(delivery.notifier, queue);
  }
  return [...queues.values()];
}

/** One pending delivery of a validated event per notifier that receives its type. */
async function buildDeliveries(
  notifiers: Notifier[],
  clock: () => Date,
  event: HandoffEvent,
): Promise<OutboxDelivery[]> {
  const parsed = handoffEventSchema.safeParse(event);
  if (!parsed.success) throw new TypeError(`Not a valid handoff event: ${parsed.error.message}`);
  const now = clock().toISOString();
  const deliveries: OutboxDelivery[] = [];
  for (const notifier of notifiers) {
    const accepted: readonly HandoffEventType[] = notifier.events ?? lifecycleEventTypes;
    if (!accepted.includes(parsed.data.type)) continue;
    deliveries.push({
      id: await deliveryId(parsed.data, notifier.name),
      notifier: notifier.name,
      type: parsed.data.type,
      payload: parsed.data,
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
      status: 'pending',
    });
  }
  return deliveries;
}

/** When the earliest pending delivery is due, or null when none is pending. */
function earliestPending(deliveries: OutboxDelivery[]): Date | null {
  let earliest: number | null = null;
  for (const delivery of deliveries) {
    if (delivery.status !== 'pending') continue;
    const at = Date.parse(delivery.nextAttemptAt);
    if (earliest === null || at < earliest) earliest = at;
  }
  return earliest === null ? null : new Date(earliest);
}

/**
 * `msg_` and 32 hex digits of SHA-256 over what makes an event itself (type,
 * conversation, handoff, time, the message of a `user_message.created`) and the notifier: the same event gives the same id.
 */
async function deliveryId(event: HandoffEvent, notifier: string): Promise<string> {
  const parts: string[] = [event.type, event.conversationId, event.handoffId, event.createdAt, notifier];
  // Two messages written in the same millisecond are two events (the others keep their ids).
  if (event.message) parts.push(event.message.id);
  const key = JSON.stringify(parts);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)));
  let hex = '';
  for (const byte of digest.slice(0, 16)) hex += byte.toString(16).padStart(2, '0');
  return `msg_${hex}`;
}

/** 0 for a critical handoff's notification, 1 for the rest (a stable sort keeps their order). */
function urgencyFirst(delivery: OutboxDelivery): number {
  const payload = delivery.payload as { urgency?: unknown } | null;
  return payload?.urgency === 'critical' ? 0 : 1;
}
