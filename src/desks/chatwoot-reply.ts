import { NotificationError } from '../errors/notification-error.js';
import type { OutboxDelivery } from '../store/store.js';
import type { ChatwootDeskParts } from './chatwoot-desk-parts.js';

/** An outbox delivery of the Chatwoot desk that is no handoff event: a bot answer Chatwoot did not take at once. */
export const chatwootReplyType = 'chatwoot.reply';

/** The payload of a `chatwoot.reply` delivery. */
export interface ChatwootReply {
  chatwootId: number;
  content: string;
}

/** The outbox delivery that retries a bot answer: pending now, one attempt made, failed with `error`. */
export function chatwootReplyDelivery(input: {
  id: string;
  notifier: string;
  reply: ChatwootReply;
  at: string;
  error: string;
}): OutboxDelivery {
  return {
    id: input.id,
    notifier: input.notifier,
    type: chatwootReplyType,
    payload: input.reply,
    createdAt: input.at,
    attempts: 1,
    nextAttemptAt: input.at,
    status: 'pending',
    lastError: input.error,
  };
}

/**
 * Posts the bot's answer; when Chatwoot does not take it, the answer becomes an outbox delivery
 * (`chatwoot.reply`) that the outbox retries with its backoff, so the customer still gets it.
 */
export async function sendChatwootReply(
  { api, runtime, name }: ChatwootDeskParts,
  chatwootId: number,
  id: string,
  content: string,
): Promise<void> {
  try {
    await api.createMessage(chatwootId, { content });
  } catch (error) {
    if (!NotificationError.isInstance(error) || !error.retryable) throw error;
    const { store, clock, logger } = runtime.context();
    const at = clock().toISOString();
    await store.enqueueDeliveries([
      chatwootReplyDelivery({ id, notifier: name, reply: { chatwootId, content }, at, error: String(error) }),
    ]);
    logger.warn('chatwoot-reply-deferred', { desk: name, chatwootId, error: String(error) });
  }
}

/** Delivers a deferred answer (a `chatwoot.reply` delivery) again. */
export async function deliverChatwootReply(
  { api }: ChatwootDeskParts,
  delivery: OutboxDelivery,
  signal: AbortSignal,
): Promise<void> {
  const { chatwootId, content } = delivery.payload as ChatwootReply;
  await api.createMessage(chatwootId, { content }, signal);
}
