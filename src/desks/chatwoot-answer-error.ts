import { NotificationError } from '../errors/notification-error.js';

/** A Chatwoot answer that was no success. */
export interface ChatwootAnswer {
  /** The desk's notifier name. */
  notifier: string;
  method: string;
  path: string;
  status: number;
  /** The `Retry-After` header, if any. */
  retryAfter: string | null;
  /** The body Chatwoot answered. */
  text: string;
}

/**
 * The `NotificationError` of a Chatwoot answer outside 2xx: retryable for 408, 429 and 5xx (waiting
 * `Retry-After` seconds when sent), final for the rest; the message quotes the answer, on one line.
 */
export function chatwootAnswerError({
  notifier,
  method,
  path,
  status,
  retryAfter,
  text,
}: ChatwootAnswer): NotificationError {
  const seconds = Number(retryAfter);
  const retryable = status === 408 || status === 429 || status >= 500;
  return new NotificationError({
    notifier,
    status,
    retryable,
    message: `Chatwoot ${method} ${path} answered ${status}: ${text.replace(/\s+/g, ' ').slice(0, 200)}`,
    ...(retryable && Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}),
  });
}
