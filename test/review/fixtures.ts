import type { HandrailUIMessage } from '../../src/chat/conversation.js';
import type { EscalationReason } from '../../src/guard/types.js';
import type { HandoffRecord, StoredConversation } from '../../src/store/store.js';

/** A turn of a seeded conversation: `u:` for the customer, anything else for the bot. */
type Turn = string;

let counter = 0;

/** Stored messages from turns, one minute apart from `start`. */
export function messagesOf(turns: readonly Turn[], start: Date): HandrailUIMessage[] {
  return turns.map((turn, index) => {
    const user = turn.startsWith('u:');
    const at = new Date(start.getTime() + index * 60_000).toISOString();
    return {
      id: `m-${++counter}`,
      role: user ? 'user' : 'assistant',
      parts: [{ type: 'text', text: user ? turn.slice(2).trim() : turn }],
      metadata: user ? { createdAt: at } : { author: 'bot', createdAt: at, confidence: 0.9 },
    } as HandrailUIMessage;
  });
}

/** A conversation the bot kept to itself, last changed a minute after its last turn. */
export function botConversation(id: string, turns: readonly Turn[], start: Date): StoredConversation {
  const messages = messagesOf(turns, start);
  const updatedAt = new Date(start.getTime() + turns.length * 60_000).toISOString();
  return { id, version: 0, state: 'bot', createdAt: start.toISOString(), updatedAt, messages, handoff: null };
}

/** A conversation handed off after its turns for `reasons`, resolved and closed by `agentId`. */
export function resolvedHandoff(
  id: string,
  turns: readonly Turn[],
  start: Date,
  reasons: EscalationReason[],
  extra: Partial<HandoffRecord> = {},
): StoredConversation {
  const conversation = botConversation(id, turns, start);
  const createdAt = new Date(start.getTime() + turns.length * 60_000 - 30_000).toISOString();
  const handoff: HandoffRecord = {
    id: `h-${id}`,
    createdAt,
    reasons: reasons.map((reason) => ({ reason, source: 'guard', detail: reason })),
    urgency: 'normal',
    team: 'support',
    brief: null,
    agentId: 'alex',
    claimedAt: createdAt,
    resolvedAt: conversation.updatedAt,
    resolution: 'closed',
    ...extra,
  };
  return { ...conversation, state: 'resolved', handoff };
}
