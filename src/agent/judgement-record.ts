import type { ConversationReview, HandoffJudgement, HandoffRecord, StoredConversation } from '../store/store.js';

/** Who recorded a judgement, and when (ISO time). */
export interface JudgementAuthor {
  by: string;
  at: string;
}

/** An agent's judgement of a handoff as stored: the optional fields only when given. */
export function handoffJudgementOf(
  body: { needed: boolean; reason?: string | undefined; note?: string | undefined },
  author: JudgementAuthor,
): HandoffJudgement {
  return {
    needed: body.needed,
    ...(body.reason ? { reason: body.reason } : {}),
    ...(body.note ? { note: body.note } : {}),
    by: author.by,
    at: author.at,
  };
}

/** A reviewer's verdict on a conversation the bot kept, as stored: the optional fields only when given. */
export function conversationReviewOf(
  body: { verdict: ConversationReview['verdict']; reason?: string | undefined; note?: string | undefined },
  author: JudgementAuthor,
): ConversationReview {
  return {
    verdict: body.verdict,
    ...(body.reason ? { reason: body.reason } : {}),
    ...(body.note ? { note: body.note } : {}),
    by: author.by,
    at: author.at,
  };
}

/** The conversation's handoff `handoffId`, past or current. */
export function judgedHandoff(conversation: StoredConversation, handoffId: string): HandoffRecord | undefined {
  return (
    [...(conversation.pastHandoffs ?? []), conversation.handoff].find((record) => record?.id === handoffId) ?? undefined
  );
}
