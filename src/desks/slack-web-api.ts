import { NotificationError } from '../errors/notification-error.js';
import type { SlackDeskBlock } from './slack-blocks.js';

/** Options of {@link createSlackWebApi}. */
export interface SlackWebApiOptions {
  /** The bot token (`xoxb-...`), sent as `Authorization: Bearer`. */
  botToken: string;
  /** @default 'https://slack.com/api' */
  apiUrl?: string;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Time allowed for one call, in milliseconds. @default 10_000 */
  timeoutMs?: number;
  /** Name used in errors (the desk's). */
  name: string;
}

/** A message to post (`chat.postMessage`): a thread reply when `thread_ts` is set. */
export interface SlackPostMessage {
  channel: string;
  text: string;
  blocks?: SlackDeskBlock[];
  thread_ts?: string;
  /** With `thread_ts`: also show the reply in the channel. */
  reply_broadcast?: boolean;
}

/** The Web API methods the Slack desk calls. Each throws a `NotificationError` on failure, saying whether a retry can help. */
export interface SlackWebApi {
  /** `chat.postMessage`; resolves with where the message is (`channel`, `ts`). */
  postMessage(message: SlackPostMessage, signal?: AbortSignal): Promise<{ channel: string; ts: string }>;
  /** `chat.update` of a message the bot posted. */
  updateMessage(
    message: { channel: string; ts: string; text: string; blocks: SlackDeskBlock[] },
    signal?: AbortSignal,
  ): Promise<void>;
}

/** Slack `error` codes that may heal by waiting; every other `ok: false` is final. */
const retryableErrors = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/**
 * A small Slack Web API client (JSON bodies, bearer token) for `chat.postMessage` and
 * `chat.update`. Slack answers most errors with HTTP 200 and `{ ok: false, error }`; a rate limit
 * is HTTP 429 with `Retry-After` (seconds) and `{ ok: false, error: 'ratelimited' }`, which becomes a
 * retryable `NotificationError` with `retryAfterMs`, so the outbox waits as long as Slack asks.
 */
export function createSlackWebApi({
  botToken,
  apiUrl = 'https://slack.com/api',
  fetch = globalThis.fetch,
  timeoutMs = 10_000,
  name,
}: SlackWebApiOptions): SlackWebApi {
  const base = apiUrl.replace(/\/+$/, '');

  async function call(method: string, body: unknown, signal?: AbortSignal): Promise<Record<string, unknown>> {
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(`${base}/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${botToken}`, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      throw new NotificationError({
        notifier: name,
        retryable: true,
        message: timeout.aborted
          ? `Slack ${method} timed out after ${timeoutMs} ms.`
          : `Slack ${method} could not be reached: ${String(error)}`,
        cause: error,
      });
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    const retryAfterMs = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined;
    let answer: Record<string, unknown> | null = null;
    try {
      answer = (await response.json()) as Record<string, unknown>;
    } catch {
      answer = null;
    }
    if (response.ok && answer?.ok === true) return answer;
    const error = typeof answer?.error === 'string' ? answer.error : `http_${response.status}`;
    const retryable = response.status === 429 || response.status >= 500 || retryableErrors.has(error);
    throw new NotificationError({
      notifier: name,
      status: response.status,
      retryable,
      message: `Slack ${method} failed: ${error}.`,
      ...(retryAfterMs !== undefined && retryable ? { retryAfterMs } : {}),
    });
  }

  return {
    async postMessage(message, signal) {
      const answer = await call('chat.postMessage', message, signal);
      const ts = answer.ts;
      const channel = answer.channel;
      if (typeof ts !== 'string' || typeof channel !== 'string') {
        throw new NotificationError({ notifier: name, retryable: true, message: 'Slack chat.postMessage gave no ts.' });
      }
      return { channel, ts };
    },
    async updateMessage(message, signal) {
      await call('chat.update', message, signal);
    },
  };
}
