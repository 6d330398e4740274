import type { UIMessageChunk } from 'ai';
import type { StoredConversation } from '../store/store.js';
import { updateConversation } from '../store/update-conversation.js';
import { assembleMessage } from './assemble-message.js';
import type { ChatTurnContext } from './chat-turn-context.js';
import type { HandrailMessageMetadata, HandrailUIMessage } from './conversation.js';

/** The committed turn: the stored conversation and the answer as stored. */
export interface CommittedTurn {
  conversation: StoredConversation;
  message: HandrailUIMessage;
}

/**
 * Step 4 of a turn: the chunks written to the user's stream become one assistant message (the
 * bot's answer, or Handrail's handoff notice), appended to the stored conversation.
 */
export async function commitTurnStep(
  context: Pick<ChatTurnContext, 'store' | 'clock'>,
  conversationId: string,
  recorded: UIMessageChunk[],
  messageId: string,
  metadata: HandrailMessageMetadata,
): Promise<CommittedTurn> {
  const message = await assembleMessage(recorded, messageId, metadata);
  const stored = await updateConversation(context.store, conversationId, (current) =>
    current ? { ...current, messages: [...current.messages, message], updatedAt: context.clock().toISOString() } : null,
  );
  if (!stored) throw new Error(`Conversation ${conversationId} disappeared during the turn.`);
  return { conversation: stored, message };
}
