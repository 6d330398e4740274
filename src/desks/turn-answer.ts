import type { ChatTurnResult } from '../chat/chat-turn.js';
import { messageText } from '../chat/transcript.js';

/**
 * What a desk that carries the customer's channel posts after a turn: the bot's answer, or
 * Handrail's notice of the handoff (the agents' own messages reach the customer through the desk
 * already). While a person has the conversation the notice is empty, and so is this: the bot stays
 * silent. Empty too for a message that was stored already (`null`).
 */
export function turnAnswer(result: ChatTurnResult | null): string {
  if (!result) return '';
  return (result.handoff ? result.handoff.message : messageText(result.message)).trim();
}
