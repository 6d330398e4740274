import type { ConversationReview, HandoffJudgement, StoredConversation } from '../store/store.js';
import { handoffsOf, isBotOnlyHandoffs } from './case-transcript.js';

/** Why a judgement or review could not be applied. */
export type JudgementProblem = 'handoff_not_found' | 'handoff_not_resolved' | 'not_bot_only';

/** The conversation with the judgement applied, or why it cannot be. */
export type JudgementResult = { conversation: StoredConversation } | { problem: JudgementProblem };

/**
 * The conversation with `judgement` on its handoff `handoffId` (default: the latest), which must
 * be resolved. A later judgement replaces an earlier one. Pure: `updateConversation` may run it again.
 */
export function applyHandoffJudgement(
  current: StoredConversation,
  judgement: HandoffJudgement,
  handoffId?: string,
): JudgementResult {
  const target = handoffId ?? current.handoff?.id;
  const record = handoffsOf(current).find((handoff) => handoff.id === target);
  if (!record) return { problem: 'handoff_not_found' };
  if (!record.resolvedAt) return { problem: 'handoff_not_resolved' };
  const judged = { ...record, judgement };
  return {
    conversation: {
      ...current,
      handoff: current.handoff?.id === record.id ? judged : current.handoff,
      ...(current.pastHandoffs
        ? { pastHandoffs: current.pastHandoffs.map((handoff) => (handoff.id === record.id ? judged : handoff)) }
        : {}),
    },
  };
}

/** The conversation with `review`, when the bot kept it to itself (it never had a handoff). Pure. */
export function applyConversationReview(current: StoredConversation, review: ConversationReview): JudgementResult {
  if (!isBotOnlyHandoffs(current)) return { problem: 'not_bot_only' };
  return { conversation: { ...current, review } };
}
