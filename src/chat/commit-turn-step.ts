import type { UIMessageChunk } from 'ai';
import { advanceGuardState, type GuardState } from '../guard/state/guard-state.js';
import { encodeGuardState } from '../guard/state/guard-state-codec.js';
import type { StoredConversation } from '../store/store.js';
import { updateConversation } from '../store/update-conversation.js';
import { assembleMessage } from './assemble-message.js';
import type { ChatTurnContext } from './chat-turn-context.js';
import type { HandrailMessageMetadata, HandrailUIMessage } from './conversation.js';
import { toTranscript } from './transcript.js';

/** The committed turn: the stored conversation and the answer as stored. */
export interface CommittedTurn {
  conversation: StoredConversation;
  message: HandrailUIMessage;
}

/**
 * The guard state kept with `messages`: `state` (the guard's, after this turn's checks) brought
 * up to the stored transcript. It reads only turns written beside the turn (an agent's message);
 * a state that no longer fits (the transcript changed underneath) is rebuilt. Pure.
 */
function keptGuardState(state: GuardState, messages: readonly HandrailUIMessage[]): unknown {
  return encodeGuardState(advanceGuardState(state, toTranscript(messages)));
}

/**
 * Step 4 of a turn: the chunks written to the user's stream become one assistant message (the
 * bot's answer, or Handrail's handoff notice), appended to the stored conversation. With
 * `guardState` (the guard's state after this turn), the conversation keeps it in the same
 * conditional write; without (no guard ran), the stored one is left as it is.
 */
export async function commitTurnStep(
  context: Pick<ChatTurnContext, 'store' | 'clock'>,
  conversationId: string,
  recorded: UIMessageChunk[],
  messageId: string,
  metadata: HandrailMessageMetadata,
  guardState?: GuardState,
): Promise<CommittedTurn> {
  const message = await assembleMessage(recorded, messageId, metadata);
  const stored = await updateConversation(context.store, conversationId, (current) => {
    if (!current) return null;
    const messages = [...current.messages, message];
    return {
      ...current,
      messages,
      updatedAt: context.clock().toISOString(),
      ...(guardState ? { guardState: keptGuardState(guardState, messages) } : {}),
    };
  });
  if (!stored) throw new Error(`Conversation ${conversationId} disappeared during the turn.`);
  return { conversation: stored, message };
}
