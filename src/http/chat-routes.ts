import { UI_MESSAGE_STREAM_HEADERS } from 'ai';
import { Hono } from 'hono';
import { describeError } from '../chat/chat-turn.js';
import type { Logger } from '../logger.js';
import type { BeginTurn } from './begin-turn.js';
import { chatRequestSchema, type RequestLimits } from './chat-request.js';
import { conversationTokenHeader } from './conversation-token.js';
import { storeUnavailableMessage } from './error-handler.js';
import { type RateLimiter, type RateLimitResult, rateLimitedError, rateLimitHeaders } from './rate-limit.js';
import { readJsonBody } from './read-json-body.js';

/** Options of {@link createChatRoutes}. */
export interface ChatRoutesOptions {
  beginTurn: BeginTurn;
  limits: RequestLimits;
  /** The per-conversation limit of turns; null when off. */
  conversationLimiter: RateLimiter | null;
  logger: Logger;
}

/**
 * `POST /chat`: one turn of the conversation. The answer is the AI SDK UI message stream, or
 * with `Accept: application/json` the stored messages and the handoff part as JSON.
 */
export function createChatRoutes({ beginTurn, limits, conversationLimiter, logger }: ChatRoutesOptions): Hono {
  const chatSchema = chatRequestSchema(limits);
  const app = new Hono();
  app.post('/chat', async (c) => {
    const body = await readJsonBody(c, chatSchema, limits.maxBodyBytes);
    let limited = null as RateLimitResult | null;
    // Counted only once the request may use the conversation, so nobody can use up another's turns.
    const { conversation, token, turn } = await beginTurn(c, body, async (conversationId) => {
      if (!conversationLimiter) return;
      limited = await conversationLimiter.check(conversationId);
      if (!limited.allowed) throw rateLimitedError(limited);
    });
    const headers: Record<string, string> = { 'x-handrail-conversation-id': conversation.id };
    if (token) headers[conversationTokenHeader] = token;
    if (limited) Object.assign(headers, rateLimitHeaders(limited));
    if (!(c.req.header('accept') ?? '').includes('application/json')) {
      return new Response(turn.sseStream(), { headers: { ...UI_MESSAGE_STREAM_HEADERS, ...headers } });
    }
    let result: Awaited<typeof turn.result>;
    try {
      result = await turn.result;
    } catch (error) {
      logger.error('store-unavailable', { conversationId: conversation.id, error: describeError(error) });
      // The user message may be stored by now: the token lets the client retry the same message.
      return c.json({ error: { code: 'store_unavailable', message: storeUnavailableMessage } }, 503, headers);
    }
    const answer = { conversationId: conversation.id, messages: result.conversation.messages, handoff: result.handoff };
    return c.json(answer, 200, headers);
  });
  return app;
}
