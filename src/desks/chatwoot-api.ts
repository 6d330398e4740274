import { NotificationError } from '../errors/notification-error.js';
import { chatwootAnswerError } from './chatwoot-answer-error.js';

/** Options of {@link createChatwootApi}. */
export interface ChatwootApiOptions {
  /** The Chatwoot installation, e.g. `https://app.chatwoot.com`. */
  baseUrl: string;
  accountId: number;
  /** The Agent Bot's access token: the bot's replies and status changes are made with it. */
  botToken: string;
  /** An agent's or administrator's access token for labels, priority and team assignment. @default botToken */
  apiToken?: string;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Time allowed for one call, in milliseconds. @default 10_000 */
  timeoutMs?: number;
  /** Name used in errors (the desk's). */
  name: string;
}

/** Conversation statuses of Chatwoot's `toggle_status`. */
export type ChatwootStatus = 'open' | 'resolved' | 'pending' | 'snoozed';
/** Priorities of Chatwoot's `toggle_priority`. */
export type ChatwootPriority = 'urgent' | 'high' | 'medium' | 'low' | null;

/**
 * The Chatwoot application API calls the Chatwoot desk makes, on
 * `/api/v1/accounts/{account_id}/conversations/{conversation_id}/...` with the `api_access_token`
 * header. Each throws a `NotificationError` on failure: retryable for network errors, timeouts,
 * 408, 429 and 5xx (with `Retry-After` when sent), final for the rest.
 */
export interface ChatwootApi {
  /** Posts a message: the bot's answer (`outgoing`) or, with `private: true`, a note only agents see. */
  createMessage(
    conversationId: number,
    message: { content: string; private?: boolean },
    signal?: AbortSignal,
  ): Promise<{ id: number }>;
  /** The conversation's labels. */
  listLabels(conversationId: number, signal?: AbortSignal): Promise<string[]>;
  /** Replaces the conversation's labels (Chatwoot's `POST /labels` overwrites the list). */
  setLabels(conversationId: number, labels: string[], signal?: AbortSignal): Promise<void>;
  togglePriority(conversationId: number, priority: ChatwootPriority, signal?: AbortSignal): Promise<void>;
  /** Assigns the conversation to a Chatwoot team (`POST /assignments` with `team_id`). */
  assignTeam(conversationId: number, teamId: number, signal?: AbortSignal): Promise<void>;
  toggleStatus(conversationId: number, status: ChatwootStatus, signal?: AbortSignal): Promise<void>;
}

/** Creates the client. */
export function createChatwootApi({
  baseUrl,
  accountId,
  botToken,
  apiToken = botToken,
  fetch = globalThis.fetch,
  timeoutMs = 10_000,
  name,
}: ChatwootApiOptions): ChatwootApi {
  const root = `${baseUrl.replace(/\/+$/, '')}/api/v1/accounts/${accountId}/conversations`;

  async function call(
    token: string,
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    signal?: AbortSignal,
  ): Promise<unknown> {
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    try {
      response = await fetch(`${root}${path}`, {
        method,
        headers: { api_access_token: token, 'content-type': 'application/json', accept: 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        redirect: 'manual',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      throw new NotificationError({
        notifier: name,
        retryable: true,
        message: timeout.aborted
          ? `Chatwoot ${method} ${path} timed out after ${timeoutMs} ms.`
          : `Chatwoot could not be reached: ${String(error)}`,
        cause: error,
      });
    }
    const text = await response.text().catch(() => '');
    if (response.status >= 200 && response.status < 300) return text ? (JSON.parse(text) as unknown) : null;
    const retryAfter = response.headers.get('retry-after');
    throw chatwootAnswerError({ notifier: name, method, path, status: response.status, retryAfter, text });
  }

  return {
    async createMessage(conversationId, message, signal) {
      const created = (await call(
        botToken,
        'POST',
        `/${conversationId}/messages`,
        { content: message.content, message_type: 'outgoing', private: message.private ?? false, content_type: 'text' },
        signal,
      )) as { id?: unknown } | null;
      return { id: typeof created?.id === 'number' ? created.id : 0 };
    },
    async listLabels(conversationId, signal) {
      const answer = (await call(apiToken, 'GET', `/${conversationId}/labels`, undefined, signal)) as {
        payload?: unknown;
      } | null;
      return Array.isArray(answer?.payload) ? answer.payload.filter((label) => typeof label === 'string') : [];
    },
    async setLabels(conversationId, labels, signal) {
      await call(apiToken, 'POST', `/${conversationId}/labels`, { labels }, signal);
    },
    async togglePriority(conversationId, priority, signal) {
      await call(apiToken, 'POST', `/${conversationId}/toggle_priority`, { priority }, signal);
    },
    async assignTeam(conversationId, teamId, signal) {
      await call(apiToken, 'POST', `/${conversationId}/assignments`, { team_id: teamId }, signal);
    },
    async toggleStatus(conversationId, status, signal) {
      await call(botToken, 'POST', `/${conversationId}/toggle_status`, { status }, signal);
    },
  };
}
