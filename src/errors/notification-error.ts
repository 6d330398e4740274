import { HandrailError } from './handrail-error.js';

const marker = 'handrail.error.notification';
const symbol = Symbol.for(marker);

/**
 * A notifier could not deliver a notification: the receiver answered with a non-2xx
 * status, or the request failed (network error, timeout). `retryable` tells the outbox
 * whether trying again later can help.
 */
export class NotificationError extends HandrailError {
  private readonly [symbol] = true;
  /** Name of the notifier that failed (e.g. `webhook`, `slack`). */
  readonly notifier: string;
  /** HTTP status the receiver answered with; undefined when no response arrived. */
  readonly status: number | undefined;
  /** True when a later attempt may succeed (network error, timeout, 408, 425, 429, 5xx). */
  readonly retryable: boolean;
  /** How long the receiver asked us to wait (`Retry-After`), in milliseconds, when it did. */
  readonly retryAfterMs: number | undefined;

  constructor({
    notifier,
    message,
    status,
    retryable,
    retryAfterMs,
    cause,
  }: {
    notifier: string;
    message?: string;
    status?: number;
    retryable: boolean;
    retryAfterMs?: number;
    cause?: unknown;
  }) {
    super({
      name: 'NotificationError',
      message:
        message ??
        (status === undefined
          ? `Notifier ${notifier} could not reach its receiver.`
          : `Notifier ${notifier} got HTTP ${status} from its receiver.`),
      cause,
    });
    this.notifier = notifier;
    this.status = status;
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
  }

  static override isInstance(error: unknown): error is NotificationError {
    return HandrailError.hasMarker(error, marker);
  }
}
