import { httpError } from '../http/http-error.js';
import type { Outbox } from '../notify/outbox.js';
import type { JudgementProblem, JudgementResult } from '../review/index.js';
import type { OutboxDelivery, Store, StoredConversation } from '../store/store.js';
import { updateConversation } from '../store/update-conversation.js';

/** The answer to each judgement problem: status and message, the problem its code. */
export const judgementProblems: Record<JudgementProblem, [409 | 404, string]> = {
  handoff_not_found: [404, 'The conversation has no handoff with that id.'],
  handoff_not_resolved: [409, 'Judge a handoff once it is resolved or closed.'],
  not_bot_only: [409, 'Only conversations the bot kept to itself are reviewed; judge handed-off ones instead.'],
};

/** Where a judgement is written and announced. */
export interface JudgementWriter {
  store: Store;
  /** Null without notifiers: judgements are stored, no event goes out. */
  outbox: Outbox | null;
  /** Keeps the outbox flush alive after the response (Workers). */
  waitUntil?: ((promise: Promise<unknown>) => void) | undefined;
}

/**
 * Writes `apply`'s result on conversation `id` with the deliveries of `event` in the same write,
 * then flushes the outbox; answers the stored conversation. A problem `apply` reports is its HTTP
 * error (404, 409); a missing conversation is 404 `conversation_not_found`.
 */
export async function writeJudgement(
  { store, outbox, waitUntil }: JudgementWriter,
  id: string,
  apply: (current: StoredConversation) => JudgementResult,
  event: (next: StoredConversation) => Promise<OutboxDelivery[]>,
): Promise<StoredConversation> {
  let problem: JudgementProblem | undefined;
  const stored = await updateConversation(
    store,
    id,
    (current) => {
      if (!current) return null;
      const result = apply(current);
      problem = 'problem' in result ? result.problem : undefined;
      return 'problem' in result ? null : { ...result.conversation, updatedAt: current.updatedAt };
    },
    { deliveries: event },
  );
  if (problem) throw httpError(judgementProblems[problem][0], problem, judgementProblems[problem][1]);
  if (!stored) throw httpError(404, 'conversation_not_found', `No conversation with id ${id}.`);
  if (outbox) {
    const flushed = outbox.flush();
    waitUntil?.(flushed);
  }
  return stored;
}
