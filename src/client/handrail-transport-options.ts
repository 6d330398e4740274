import * as z from 'zod/mini';
import { clientTokenPattern, type SessionStorageLike } from './conversation-session.js';

/** Options of {@link createHandrailTransport}. */
export interface HandrailTransportOptions {
  /** Handrail's chat route, where Handrail is mounted plus `/chat`. @default '/api/chat' */
  api?: string;
  /**
   * Handrail's conversation routes (`GET …/:id`, `…/:id/events`, `POST …/:id/contact`).
   * @default `api` with its last `/chat` replaced by `/conversations`
   */
  conversationsApi?: string;
  /** Continue this conversation (with its `token`) instead of a stored or new one. */
  conversationId?: string;
  /** The token of `conversationId`. */
  token?: string;
  /**
   * Where the conversation's id and token are kept: `memory` (this page only), `session`
   * (`sessionStorage`: a reload of the tab continues the conversation), `local` (`localStorage`),
   * or a storage object of your own. Written when a message is sent, forgotten by `reset()`.
   * @default 'memory'
   */
  storage?: 'memory' | 'session' | 'local' | SessionStorageLike;
  /** The storage key. @default 'handrail-chat-conversation' */
  storageKey?: string;
  /**
   * Choose the token of a new conversation here and send it with the first message, so a first
   * turn whose answer was lost can be retried. `false`: use the token the server issues.
   * @default true
   */
  clientToken?: boolean;
  /** More headers on every request (the host app's own auth, say). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** `fetch` credentials mode. @default 'same-origin' */
  credentials?: RequestCredentials;
  /** The `fetch` to use (tests, proxies). @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** How live events are read (see `subscribeConversationEvents`). @default 'fetch' */
  events?: 'fetch' | 'eventsource';
}

const nonEmptyString = (name: string) =>
  z.custom<string>((value) => typeof value === 'string' && value.length > 0, `${name} must be a non-empty string`);

const transportOptionsSchema = z.strictObject({
  api: z.optional(nonEmptyString('api')),
  conversationsApi: z.optional(nonEmptyString('conversationsApi')),
  conversationId: z.optional(
    z.custom<string>(
      (value) => typeof value === 'string' && /^[\w-]{1,128}$/.test(value),
      'conversationId must be 1 to 128 characters of A-Z, a-z, 0-9, - and _',
    ),
  ),
  token: z.optional(
    z.custom<string>(
      (value) => typeof value === 'string' && clientTokenPattern.test(value),
      'token must be 32 to 256 characters of A-Z, a-z, 0-9, - and _',
    ),
  ),
  storage: z.optional(
    z.custom<HandrailTransportOptions['storage']>(
      (value) =>
        value === 'memory' ||
        value === 'session' ||
        value === 'local' ||
        (typeof value === 'object' &&
          value !== null &&
          ['getItem', 'setItem', 'removeItem'].every(
            (method) => typeof (value as unknown as Record<string, unknown>)[method] === 'function',
          )),
      "storage must be 'memory', 'session', 'local' or an object with getItem, setItem and removeItem",
    ),
  ),
  storageKey: z.optional(nonEmptyString('storageKey')),
  clientToken: z.optional(z.boolean('clientToken must be true or false')),
  headers: z.optional(
    z.custom<HandrailTransportOptions['headers']>(
      (value) => typeof value === 'function' || (typeof value === 'object' && value !== null),
      'headers must be an object of header values or a function returning one',
    ),
  ),
  credentials: z.optional(
    z.custom<RequestCredentials>(
      (value) => value === 'omit' || value === 'same-origin' || value === 'include',
      "credentials must be 'omit', 'same-origin' or 'include'",
    ),
  ),
  fetch: z.optional(z.custom<typeof fetch>((value) => typeof value === 'function', 'fetch must be a function')),
  events: z.optional(
    z.custom<'fetch' | 'eventsource'>(
      (value) => value === 'fetch' || value === 'eventsource',
      "events must be 'fetch' or 'eventsource'",
    ),
  ),
});

/** Checks transport options once, throwing one error that lists every problem. */
export function validateTransportOptions(options: unknown): HandrailTransportOptions {
  const result = transportOptionsSchema.safeParse(options ?? {});
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.map(String).join('.') || 'options'}: ${issue.message}`)
      .join('; ');
    throw new TypeError(`Invalid Handrail transport options: ${problems}`);
  }
  const valid = options as HandrailTransportOptions;
  if (valid.token && !valid.conversationId) {
    throw new TypeError('Invalid Handrail transport options: token: give conversationId with its token');
  }
  const api = valid.api ?? '/api/chat';
  if (!valid.conversationsApi && !/\/chat\/?$/.test(api.split('?')[0] ?? '')) {
    throw new TypeError(
      `Invalid Handrail transport options: conversationsApi: api (${api}) does not end in /chat, so give conversationsApi (where Handrail's /conversations routes are)`,
    );
  }
  return valid;
}
