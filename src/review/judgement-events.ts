import { buildHandoffEvent, type HandoffEvent } from '../notify/handoff-event.js';
import type { HandoffRecord, StoredConversation } from '../store/store.js';

/** The `handoff.judged` event of a judged handoff record. */
export function handoffJudgedEvent(conversationId: string, handoff: HandoffRecord, link?: string): HandoffEvent {
  return buildHandoffEvent({ type: 'handoff.judged', conversationId, handoff, ...(link ? { link } : {}) });
}

/**
 * The `conversation.reviewed` event of a reviewed conversation. It has no handoff: `handoffId` is
 * `review-<conversationId>`, urgency `normal`, team null, and the reason the reviewer gave (if any).
 */
export function conversationReviewedEvent(conversation: StoredConversation, link?: string): HandoffEvent | null {
  const review = conversation.review;
  if (!review) return null;
  const { verdict, reason, note, by } = review;
  return {
    type: 'conversation.reviewed',
    conversationId: conversation.id,
    handoffId: `review-${conversation.id}`,
    urgency: 'normal',
    reasons: reason ? [{ reason: reason as HandoffEvent['reasons'][number]['reason'], detail: 'found in review' }] : [],
    team: null,
    summary:
      verdict === 'missed'
        ? 'A reviewer found that this conversation should have reached a person.'
        : 'A reviewer found that the bot was right to keep this conversation.',
    ...(link ? { link } : {}),
    review: { verdict, ...(reason ? { reason } : {}), ...(note ? { note } : {}), by },
    createdAt: review.at,
  };
}
