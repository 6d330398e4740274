import { isCrisisSignal } from '../guard/index.js';
import type { StoredConversation } from '../store/store.js';
import type { ChatTurnContext } from './chat-turn-context.js';
import type { HandoffPartData } from './conversation.js';
import { reasonsFromSignals } from './handoff-reasons.js';
import { toTranscript } from './transcript.js';

/** True while people have the conversation (or the bot collects details for them): the model stays silent. */
export function isWithPeople(conversation: StoredConversation): boolean {
  return conversation.state !== 'bot' && conversation.state !== 'resolved';
}

/**
 * The turn while people have the conversation: the guard still reads every message, and a crisis
 * makes the handoff critical; otherwise the handoff goes on (pre-handoff questions, the contact
 * details, a waiting notice) and what the user adds reaches the brief (a failure there never costs the answer).
 */
export async function peopleStep(
  context: Pick<ChatTurnContext, 'guard' | 'handoffs' | 'logger'>,
  conversation: StoredConversation,
  userText: string,
): Promise<HandoffPartData> {
  const waiting = context.guard.check(toTranscript(conversation.messages), 'input');
  const crisis = waiting.reasons.filter(isCrisisSignal);
  if (crisis.length > 0) {
    return context.handoffs.raiseToCrisis(conversation, {
      reasons: reasonsFromSignals(crisis),
      urgency: 'critical',
      ...(waiting.userMessage ? { userMessage: waiting.userMessage } : {}),
    });
  }
  const part = await context.handoffs.continueHandoff(conversation, userText);
  await context.handoffs
    .updateBrief(conversation.id, reasonsFromSignals(waiting.reasons))
    .catch((error) =>
      context.logger.warn('brief-update-failed', { conversationId: conversation.id, error: String(error) }),
    );
  return part;
}
