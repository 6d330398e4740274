import type { HandrailUIMessage } from '../chat/conversation.js';
import { messageText } from '../chat/transcript.js';
import type { HandoffRecord, StoredConversation } from '../store/store.js';

/** A turn of a case transcript: what the customer wrote and what the bot (or an agent) answered. */
export interface CaseTurn {
  role: 'user' | 'assistant';
  content: string;
  /** ISO time of the message, when it was recorded. */
  at?: string;
}

/** The user and assistant turns of `messages` with text, Handrail's own notices left out. */
function turnsOf(messages: readonly HandrailUIMessage[]): CaseTurn[] {
  const turns: CaseTurn[] = [];
  for (const message of messages) {
    if (message.role === 'system' || message.metadata?.author === 'system') continue;
    const content = messageText(message).trim();
    if (!content) continue;
    const at = message.metadata?.createdAt;
    turns.push({ role: message.role === 'user' ? 'user' : 'assistant', content, ...(at ? { at } : {}) });
  }
  return turns;
}

/** The turns cut after the last user turn (a case ends on what the customer wrote). */
function endOnUser(turns: CaseTurn[]): CaseTurn[] {
  const last = turns.findLastIndex((turn) => turn.role === 'user');
  return turns.slice(0, last + 1);
}

/** Whether a stored message is a handoff notice that opens a handoff (not a resolution). */
function opensHandoff(message: HandrailUIMessage): boolean {
  return message.parts.some(
    (part) => part.type === 'data-handoff' && (part.data as { status?: string }).status !== 'resolved',
  );
}

/**
 * The conversation as it stood when `handoff` was opened, ending on the customer's triggering
 * message. Messages are cut at the handoff's time when they carry one; otherwise at the notice
 * that opened it (the n-th handoff is opened by the n-th run of notices). Pure.
 */
export function handoffTranscript(conversation: StoredConversation, handoff: HandoffRecord): CaseTurn[] {
  const messages = conversation.messages;
  const timed = messages.every((message) => message.role !== 'user' || message.metadata?.createdAt);
  if (timed) {
    const trigger = messages.findLastIndex(
      (message) => message.role === 'user' && (message.metadata?.createdAt ?? '') <= handoff.createdAt,
    );
    return endOnUser(turnsOf(messages.slice(0, trigger + 1)));
  }
  const order = [...(conversation.pastHandoffs ?? []), ...(conversation.handoff ? [conversation.handoff] : [])];
  const wanted = Math.max(
    0,
    order.findIndex((record) => record.id === handoff.id),
  );
  let seen = -1;
  let previousOpen = false;
  for (const [index, message] of messages.entries()) {
    const opening = opensHandoff(message);
    if (opening && !previousOpen) seen++;
    if (seen === wanted) return endOnUser(turnsOf(messages.slice(0, index)));
    if (message.parts.some((part) => part.type === 'data-handoff')) previousOpen = opening;
  }
  return endOnUser(turnsOf(messages));
}

/** The whole conversation as the bot kept it, ending on the customer's last message. Pure. */
export function conversationTranscript(conversation: StoredConversation): CaseTurn[] {
  return endOnUser(turnsOf(conversation.messages));
}

/** Every handoff of a conversation, oldest first: the past ones, then the current or latest one. */
export function handoffsOf(conversation: StoredConversation): HandoffRecord[] {
  return [...(conversation.pastHandoffs ?? []), ...(conversation.handoff ? [conversation.handoff] : [])];
}

/** Whether a conversation never reached a person: no handoff now or before. */
export function isBotOnlyHandoffs(conversation: Pick<StoredConversation, 'handoff' | 'pastHandoffs'>): boolean {
  return conversation.handoff === null && (conversation.pastHandoffs?.length ?? 0) === 0;
}
