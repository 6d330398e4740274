import { NotificationError } from '../errors/notification-error.js';
import type { OutboxDelivery, Store } from '../store/store.js';
import { backoffDelay, type ResolvedBackoff } from './backoff.js';
import type { Notifier, NotifierDelivery } from './notifier.js';

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

/** A result with nothing done yet. */
export const emptyFlushResult = (): FlushResult => ({ delivered: 0, retried: 0, failed: 0, storeErrors: 0 });

/** What an attempt needs from its outbox: the store, the schedule, the notifiers by name, a logger that never throws. */
export interface AttemptContext {
  store: Store;
  clock: () => Date;
  random: () => number;
  backoff: ResolvedBackoff;
  leaseMs: number;
  notifiersByName: ReadonlyMap<string, Notifier>;
  warn: (message: string, details: Record<string, unknown>) => void;
}

/**
 * Attempts one due delivery: takes its lease, sends it, then records the outcome (delivered,
 * rescheduled, or failed for good), counting it in `result`.
 */
export async function attemptDelivery(
  context: AttemptContext,
  delivery: OutboxDelivery,
  signal: AbortSignal,
  result: FlushResult,
): Promise<void> {
  const attempts = delivery.attempts + 1;
  const delayMs = backoffDelay(attempts, context.backoff, context.random);
  if (delivery.attempts >= context.backoff.maxAttempts) {
    // The process stopped during the last attempt: nothing is left to try.
    await saveDelivery(
      context,
      { ...delivery, status: 'failed', lastError: delivery.lastError ?? 'Out of attempts.' },
      result,
    );
    result.failed++;
    return;
  }
  const leased = await takeLease(context, delivery, Math.max(delayMs, context.leaseMs), result);
  if (!leased) return;
  const failure = await sendDelivery(context, leased, signal);
  const finishedAt = context.clock();
  if (failure === null) await recordDelivered(context, leased, finishedAt, result);
  else await recordFailure(context, leased, failure.error, { delayMs, finishedAt }, result);
}

/**
 * Leases a delivery for `holdMs`: a conditional write of the next attempt count. Null when another
 * flusher leased it first (or the store failed): this one then does not send.
 */
export async function takeLease(
  context: AttemptContext,
  delivery: OutboxDelivery,
  holdMs: number,
  result: FlushResult,
): Promise<OutboxDelivery | null> {
  const leased: OutboxDelivery = {
    ...delivery,
    attempts: delivery.attempts + 1,
    nextAttemptAt: new Date(context.clock().getTime() + holdMs).toISOString(),
  };
  return (await saveDelivery(context, leased, result, delivery.attempts)) ? leased : null;
}

/** Hands the leased delivery to its notifier; null when it was accepted, else what went wrong. */
export async function sendDelivery(
  context: Pick<AttemptContext, 'notifiersByName'>,
  leased: OutboxDelivery,
  signal: AbortSignal,
): Promise<{ error: unknown } | null> {
  try {
    const notifier = context.notifiersByName.get(leased.notifier);
    if (!notifier) {
      throw new NotificationError({
        notifier: leased.notifier,
        retryable: true,
        message: `No notifier named ${leased.notifier} is configured.`,
      });
    }
    // The outbox built this delivery for this notifier from a handoff event (see `NotifierDelivery`).
    await notifier.deliver(leased as NotifierDelivery, { signal });
    return null;
  } catch (error) {
    return { error };
  }
}

/** Marks the delivery delivered. */
async function recordDelivered(context: AttemptContext, leased: OutboxDelivery, at: Date, result: FlushResult) {
  const { lastError: _lastError, ...rest } = leased;
  if (await saveDelivery(context, { ...rest, status: 'delivered', deliveredAt: at.toISOString() }, result)) {
    result.delivered++;
  }
}

/** Reschedules a failed attempt, or gives the delivery up when it cannot succeed. */
async function recordFailure(
  context: AttemptContext,
  leased: OutboxDelivery,
  failure: unknown,
  timing: { delayMs: number; finishedAt: Date },
  result: FlushResult,
) {
  const lastError = describeError(failure);
  const details = { deliveryId: leased.id, notifier: leased.notifier, attempts: leased.attempts };
  const nextAttemptAt = retryAt(failure, leased.attempts, context.backoff, timing);
  if (nextAttemptAt === null) {
    context.warn('Notification failed for good.', { ...details, lastError });
    await saveDelivery(context, { ...leased, status: 'failed', lastError }, result);
    result.failed++;
    return;
  }
  context.warn('Notification attempt failed; will retry.', { ...details, nextAttemptAt, lastError });
  await saveDelivery(context, { ...leased, nextAttemptAt, lastError }, result);
  result.retried++;
}

/**
 * The retry schedule: when the next attempt is due after a failed attempt number `attempts`, or
 * null when there is none (not retryable, or out of attempts). A receiver's `Retry-After` is
 * honoured up to `maxMs`, never shortening the backoff delay.
 */
export function retryAt(
  failure: unknown,
  attempts: number,
  backoff: ResolvedBackoff,
  { delayMs, finishedAt }: { delayMs: number; finishedAt: Date },
): string | null {
  const retryable = NotificationError.isInstance(failure) ? failure.retryable : true;
  if (!retryable || attempts >= backoff.maxAttempts) return null;
  const retryAfterMs = NotificationError.isInstance(failure) ? failure.retryAfterMs : undefined;
  const waitMs = retryAfterMs === undefined ? delayMs : Math.max(delayMs, Math.min(retryAfterMs, backoff.maxMs));
  return new Date(finishedAt.getTime() + waitMs).toISOString();
}

/** Writes a delivery (a lease with `expectedAttempts`); on a store error counts and logs it and returns false. */
export async function saveDelivery(
  context: Pick<AttemptContext, 'store' | 'warn'>,
  delivery: OutboxDelivery,
  result: FlushResult,
  expectedAttempts?: number,
): Promise<boolean> {
  try {
    return await context.store.updateDelivery(delivery, expectedAttempts);
  } catch (error) {
    result.storeErrors++;
    context.warn('Outbox could not update a delivery.', { deliveryId: delivery.id, error: describeError(error) });
    return false;
  }
}

/** `Name: message` of an error, else its string. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
