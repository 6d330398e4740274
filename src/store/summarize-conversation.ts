import type { ConversationSummary, StoredConversation } from './store.js';

/** The queue and metrics view of a conversation. */
export function summarizeConversation(conversation: StoredConversation): ConversationSummary {
  return {
    id: conversation.id,
    state: conversation.state,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    messageCount: conversation.messages.length,
    handoff: conversation.handoff,
  };
}
