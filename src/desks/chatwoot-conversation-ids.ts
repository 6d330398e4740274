/** How the Chatwoot desk names conversations: Handrail's id of a Chatwoot conversation and back. */
export interface ChatwootConversationIds {
  /** Handrail's conversation id of Chatwoot conversation `chatwootId` (`chatwoot-{account}-{id}`). */
  handrailId(chatwootId: number): string;
  /** The Chatwoot conversation id in a Handrail id; null for a conversation of another account or channel. */
  chatwootIdOf(conversationId: string): number | null;
}

/** The conversation ids of Chatwoot account `accountId`. */
export function chatwootConversationIds(accountId: number): ChatwootConversationIds {
  const prefix = `chatwoot-${accountId}-`;
  return {
    handrailId: (chatwootId) => `${prefix}${chatwootId}`,
    chatwootIdOf(conversationId) {
      const rest = conversationId.startsWith(prefix) ? conversationId.slice(prefix.length) : '';
      return /^\d+$/.test(rest) ? Number(rest) : null;
    },
  };
}
