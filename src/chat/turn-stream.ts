import type { UIMessageChunk } from 'ai';
import type { StoredConversation } from '../store/store.js';
import type { HandoffPartData } from './conversation.js';
import { messageText } from './transcript.js';
import type { WriteChunk } from './turn-output.js';

/** Writes a handoff part and its message as text. */
export function writeHandoff(write: WriteChunk, part: HandoffPartData, generateId: () => string): void {
  write({ type: 'data-handoff', id: generateId(), data: part } as UIMessageChunk);
  if (!part.message) return;
  const textId = generateId();
  write({ type: 'text-start', id: textId });
  write({ type: 'text-delta', id: textId, delta: part.message });
  write({ type: 'text-end', id: textId });
}

/** Agent messages the user may not have seen yet: those since their previous message. */
export function writeAgentMessagesSinceLastTurn(
  write: WriteChunk,
  conversation: StoredConversation,
  generateId: () => string,
): void {
  const messages = conversation.messages;
  let previousUser = -1;
  for (let index = messages.length - 2; index >= 0; index--) {
    if (messages[index]?.role === 'user') {
      previousUser = index;
      break;
    }
  }
  for (const message of messages.slice(previousUser + 1, -1)) {
    if (message.metadata?.author !== 'agent') continue;
    const id = generateId();
    write({ type: 'text-start', id });
    write({ type: 'text-delta', id, delta: `${message.metadata.agentName ?? 'Agent'}: ${messageText(message)}` });
    write({ type: 'text-end', id });
  }
}
