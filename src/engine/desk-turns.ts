import { appendUserMessage, newConversation } from '../chat/append-user-message.js';
import { type ChatTurnResult, runChatTurn } from '../chat/chat-turn.js';
import type { HandrailUIMessage } from '../chat/conversation.js';
import type { DeskTurnInput } from '../desks/agent-desk.js';
import type { EngineParts } from './engine-parts.js';

/**
 * Stores a message a desk received from the customer and runs its turn (see
 * `AgentDeskContext.runTurn`); null when the message was stored already (a webhook delivered again
 * is one message and one answer).
 */
export function createDeskTurnRunner(parts: EngineParts): (input: DeskTurnInput) => Promise<ChatTurnResult | null> {
  return async (input) => {
    const at = parts.clock().toISOString();
    const userMessage: HandrailUIMessage = {
      id: input.messageId,
      role: 'user',
      parts: [{ type: 'text', text: input.text.slice(0, parts.limits.maxMessageChars) }],
      metadata: { createdAt: at },
    };
    const created = newConversation(input.conversationId, at, input.identity ? { identity: input.identity } : {});
    const { conversation, added } = await appendUserMessage(commitContextOf(parts), created, userMessage);
    if (!added) return null;
    return runChatTurn(parts.turnContext, conversation).result;
  };
}

/** What committing a handoff event (a user message included) needs, from the engine's parts. */
export function commitContextOf(parts: EngineParts) {
  return {
    store: parts.store,
    clock: parts.clock,
    logger: parts.logger,
    generateId: parts.generateId,
    outbox: parts.outbox,
    ...(parts.options.consoleUrl ? { consoleUrl: parts.options.consoleUrl } : {}),
    waitUntil: parts.background.waitUntil,
  };
}
