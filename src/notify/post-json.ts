import { NotificationError } from '../errors/notification-error.js';

/** What {@link postJson} sends. */
export interface PostJsonInput {
  /** Notifier name, for errors. */
  notifier: string;
  url: string;
  body: string;
  headers?: Record<string, string>;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  signal: AbortSignal;
  /** Current time, to read a `Retry-After` date. */
  now: Date;
}

/**
 * POSTs a JSON body and resolves on a 2xx answer. Throws a `NotificationError` otherwise:
 * retryable for network errors, timeouts, cancellation, 408, 425, 429 and 5xx; not
 * retryable for other statuses (a wrong URL or a revoked hook does not heal by waiting).
 * Redirects are not followed: a webhook POST must reach its configured URL.
 */
export async function postJson({
  notifier,
  url,
  body,
  headers = {},
  fetch,
  timeoutMs,
  signal,
  now,
}: PostJsonInput): Promise<void> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = AbortSignal.any([signal, timeout]);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      redirect: 'manual',
      signal: combined,
    });
  } catch (error) {
    throw new NotificationError({
      notifier,
      retryable: true,
      message: timeout.aborted
        ? `Notifier ${notifier} timed out after ${timeoutMs} ms.`
        : signal.aborted
          ? `Notifier ${notifier} was cancelled.`
          : `Notifier ${notifier} could not reach its receiver: ${errorMessage(error)}`,
      cause: error,
    });
  }

  if (response.status >= 200 && response.status < 300) {
    await response.body?.cancel().catch(() => {});
    return;
  }
  const detail = await readSnippet(response);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  throw new NotificationError({
    notifier,
    status: response.status,
    retryable: isRetryableStatus(response.status),
    message: `Notifier ${notifier} got HTTP ${response.status} from its receiver${detail ? `: ${detail}` : '.'}`,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** Statuses worth another attempt later. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`. */
function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/** The start of an error body, for the delivery's `lastError`. */
async function readSnippet(response: Response): Promise<string> {
  try {
    const text = await response.text();
    return text.replace(/\s+/g, ' ').trim().slice(0, 200);
  } catch {
    return '';
  }
}

function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}
