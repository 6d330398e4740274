import { NotificationError } from '../errors/notification-error.js';
import type { OutboxDelivery, Store } from '../store/store.js';
import { type BackoffOptions, backoffDelay, resolveBackoff } from './backoff.js';
import { type HandoffEvent, type HandoffEventType, handoffEventSchema, lifecycleEventTypes } from './handoff-event.js';
import type { Notifier } from './notifier.js';

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

/** What one flush did. */
export interface FlushResult {
  /** Deliveries the receiver accepted. */
  delivered: number;
  /** Deliveries that failed and were rescheduled. */
  retried: number;
  /** Deliveries given up: not retryable, or out of attempts. */
  failed: number;
  /** Store reads or writes that failed; affected deliveries are tried again later. */
  storeErrors: number;
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
  if (notifiers.length === 0) throw new Error('The outbox needs at least one notifier.');
  const notifiersByName = new Map<string, Notifier>();
  for (const notifier of notifiers) {
    if (notifiersByName.has(notifier.name)) throw new Error(`Two notifiers are named ${notifier.name}.`);
    notifiersByName.set(notifier.name, notifier);
  }
  let running: Promise<FlushResult> | undefined;

  const warn = (message: string, details: Record<string, unknown>) => {
    try {
      logger?.warn(message, details);
    } catch {
      // A broken logger must not break delivery.
    }
  };

  async function attempt(delivery: OutboxDelivery, signal: AbortSignal, result: FlushResult): Promise<void> {
    const attempts = delivery.attempts + 1;
    const delayMs = backoffDelay(attempts, backoff, random);
    if (delivery.attempts >= backoff.maxAttempts) {
      // The process stopped during the last attempt: nothing is left to try.
      await save({ ...delivery, status: 'failed', lastError: delivery.lastError ?? 'Out of attempts.' }, result);
      result.failed++;
      return;
    }
    const reserved: OutboxDelivery = {
      ...delivery,
      attempts,
      nextAttemptAt: new Date(clock().getTime() + Math.max(delayMs, leaseMs)).toISOString(),
    };
    // Another flusher leased it first (or the store failed): this one does not send.
    if (!(await save(reserved, result, delivery.attempts))) return;

    let failure: unknown;
    let delivered = false;
    try {
      const notifier = notifiersByName.get(delivery.notifier);
      if (!notifier) {
        throw new NotificationError({
          notifier: delivery.notifier,
          retryable: true,
          message: `No notifier named ${delivery.notifier} is configured.`,
        });
      }
      await notifier.deliver(reserved, { signal });
      delivered = true;
    } catch (error) {
      failure = error;
    }
    const finishedAt = clock();

    if (delivered) {
      const { lastError: _lastError, ...rest } = reserved;
      if (await save({ ...rest, status: 'delivered', deliveredAt: finishedAt.toISOString() }, result)) {
        result.delivered++;
      }
      return;
    }

    const lastError = describeError(failure);
    const retryable = NotificationError.isInstance(failure) ? failure.retryable : true;
    if (!retryable || attempts >= backoff.maxAttempts) {
      warn('Notification failed for good.', {
        deliveryId: delivery.id,
        notifier: delivery.notifier,
        attempts,
        lastError,
      });
      await save({ ...reserved, status: 'failed', lastError }, result);
      result.failed++;
      return;
    }
    const retryAfterMs = NotificationError.isInstance(failure) ? failure.retryAfterMs : undefined;
    const waitMs = retryAfterMs === undefined ? delayMs : Math.max(delayMs, Math.min(retryAfterMs, backoff.maxMs));
    const nextAttemptAt = new Date(finishedAt.getTime() + waitMs).toISOString();
    warn('Notification attempt failed; will retry.', {
      deliveryId: delivery.id,
      notifier: delivery.notifier,
      attempts,
      nextAttemptAt,
      lastError,
    });
    await save({ ...reserved, nextAttemptAt, lastError }, result);
    result.retried++;
  }

  /** Writes a delivery (a lease with `expectedAttempts`); on a store error counts and logs it and returns false. */
  async function save(delivery: OutboxDelivery, result: FlushResult, expectedAttempts?: number): Promise<boolean> {
    try {
      return await store.updateDelivery(delivery, expectedAttempts);
    } catch (error) {
      result.storeErrors++;
      warn('Outbox could not update a delivery.', { deliveryId: delivery.id, error: describeError(error) });
      return false;
    }
  }

  async function runFlush(limit: number, signal: AbortSignal): Promise<FlushResult> {
    const result: FlushResult = { delivered: 0, retried: 0, failed: 0, storeErrors: 0 };
    let due: OutboxDelivery[];
    try {
      due = await store.dueDeliveries(clock(), limit);
    } catch (error) {
      result.storeErrors++;
      warn('Outbox could not read due deliveries.', { error: describeError(error) });
      return result;
    }
    const queues = new Map<string, OutboxDelivery[]>();
    // A critical handoff (a crisis) is announced before the others due with it.
    for (const delivery of [...due].sort((a, b) => urgencyFirst(a) - urgencyFirst(b))) {
      const queue = queues.get(delivery.notifier) ?? [];
      queue.push(delivery);
      queues.set(delivery.notifier, queue);
    }
    await Promise.all(
      [...queues.values()].map(async (queue) => {
        for (const delivery of queue) {
          if (signal.aborted) return;
          try {
            await attempt(delivery, signal, result);
          } catch (error) {
            // Only a throwing clock or random can get here; keep the other deliveries going.
            warn('Outbox attempt crashed.', { deliveryId: delivery.id, error: describeError(error) });
          }
        }
      }),
    );
    return result;
  }

  async function build(event: HandoffEvent): Promise<OutboxDelivery[]> {
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

  return {
    build,

    async enqueue(event) {
      const deliveries = await build(event);
      await store.enqueueDeliveries(deliveries);
      return deliveries;
    },

    flush({ limit = 100, signal = new AbortController().signal }: FlushOptions = {}) {
      if (!(Number.isInteger(limit) && limit > 0)) {
        return Promise.resolve({ delivered: 0, retried: 0, failed: 0, storeErrors: 0 });
      }
      running ??= runFlush(limit, signal)
        .catch((error: unknown) => {
          // Only a throwing clock can get here.
          warn('Outbox flush crashed.', { error: describeError(error) });
          return { delivered: 0, retried: 0, failed: 0, storeErrors: 0 };
        })
        .finally(() => {
          running = undefined;
        });
      return running;
    },

    async nextDueAt() {
      let earliest: number | null = null;
      for (const delivery of await store.listDeliveries()) {
        if (delivery.status !== 'pending') continue;
        const at = Date.parse(delivery.nextAttemptAt);
        if (earliest === null || at < earliest) earliest = at;
      }
      return earliest === null ? null : new Date(earliest);
    },
  };
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

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** 0 for a critical handoff's notification, 1 for the rest (a stable sort keeps their order). */
function urgencyFirst(delivery: OutboxDelivery): number {
  const payload = delivery.payload as { urgency?: unknown } | null;
  return payload?.urgency === 'critical' ? 0 : 1;
}
