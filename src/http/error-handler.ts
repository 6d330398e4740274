import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describeError } from '../chat/chat-turn.js';
import { ConversationNotFoundError } from '../errors/conversation-not-found-error.js';
import { HandoffStateError } from '../errors/handoff-state-error.js';
import { StoreUnavailableError } from '../errors/store-unavailable-error.js';
import type { Logger } from '../logger.js';

/** What the user is told when the conversation store is down (503). */
export const storeUnavailableMessage = 'The conversation store is unavailable. Try again shortly.';

/**
 * Answers every error with the JSON error body: an `HTTPException` as it is, an unknown
 * conversation 404, a transition the handoff does not allow 409, a store failure 503, else 500.
 */
export function handleErrors(logger: Logger): ErrorHandler {
  return (error: Error, c: Context) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (ConversationNotFoundError.isInstance(error)) {
      return c.json({ error: { code: 'conversation_not_found', message: error.message } }, 404);
    }
    if (HandoffStateError.isInstance(error)) {
      return c.json({ error: { code: error.code, message: error.message } }, 409);
    }
    if (StoreUnavailableError.isInstance(error)) {
      logger.error('store-unavailable', { error: describeError(error.cause ?? error) });
      return c.json({ error: { code: 'store_unavailable', message: storeUnavailableMessage } }, 503);
    }
    logger.error('unexpected-error', { error: describeError(error) });
    return c.json({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } }, 500);
  };
}

/** The 404 of a route that does not exist. */
export const notFoundRoute: NotFoundHandler = (c) =>
  c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.` } }, 404);
