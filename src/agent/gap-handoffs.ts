import { redactPii } from '../notify/redact.js';
import { handoffsOf, handoffTranscript } from '../review/case-transcript.js';
import type { HandoffRecord, StoredConversation } from '../store/store.js';
import type { GapCause, GapHandoff } from './handoff-topics.js';

const botReasons = new Set<string>(['low_confidence', 'out_of_scope', 'repeat_failure']);

/** Why the bot caused `handoff`: its bot-side reasons, and `needless` when an agent judged it not needed. */
export function gapCausesOf(handoff: HandoffRecord): GapCause[] {
  const causes = new Set<GapCause>();
  if (handoff.judgement && !handoff.judgement.needed) causes.add('needless');
  // A corrected reason replaces the recorded ones.
  const reasons =
    handoff.judgement?.needed && handoff.judgement.reason
      ? [handoff.judgement.reason]
      : handoff.reasons.map((reason) => reason.reason);
  for (const reason of reasons) if (botReasons.has(reason)) causes.add(reason as GapCause);
  return [...causes];
}

/** Options of {@link gapHandoffs}. */
export interface GapHandoffsOptions {
  /** Only handoffs created at or after this time. */
  since: Date;
  /** Which handoffs the caller may see (an agent's teams). @default all */
  include?: (handoff: HandoffRecord) => boolean;
  /** At most this many, newest first. @default 1000 */
  limit?: number;
}

/**
 * The handoffs the bot caused (low confidence, out of scope, repeated failure, or judged
 * needless) since `since`, each with the customer's triggering question, PII redacted. Pure.
 */
export function gapHandoffs(conversations: readonly StoredConversation[], options: GapHandoffsOptions): GapHandoff[] {
  const { since, include = () => true, limit = 1000 } = options;
  const items: GapHandoff[] = [];
  for (const conversation of conversations) {
    for (const handoff of handoffsOf(conversation)) {
      if (Date.parse(handoff.createdAt) < since.getTime() || !include(handoff)) continue;
      const causes = gapCausesOf(handoff);
      if (causes.length === 0) continue;
      const question = handoffTranscript(conversation, handoff).findLast((turn) => turn.role === 'user')?.content;
      if (!question) continue;
      items.push({
        conversationId: conversation.id,
        handoffId: handoff.id,
        question: redactPii(question.length > 300 ? `${question.slice(0, 299)}…` : question),
        at: handoff.createdAt,
        causes,
      });
    }
  }
  return items.sort((a, b) => b.at.localeCompare(a.at) || a.handoffId.localeCompare(b.handoffId)).slice(0, limit);
}
