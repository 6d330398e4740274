import type { AgentIdentity } from '../handoff/handoff-service.js';
import type { CustomerIdentity } from '../store/store.js';

/** A sender in Chatwoot's payloads: a contact, an agent (`type: 'user'`) or a bot. */
export interface ChatwootSender {
  id?: number;
  name?: string;
  email?: string;
  type?: string;
}

/** A conversation in Chatwoot's payloads. */
export interface ChatwootConversation {
  id?: number;
  status?: string;
  inbox_id?: number;
  account_id?: number;
  meta?: { assignee?: ChatwootSender | null; sender?: ChatwootSender };
}

/** The fields of Chatwoot's webhook payloads the desk reads (https://www.chatwoot.com/docs/product/others/webhook-events). */
export interface ChatwootWebhook {
  event?: string;
  id?: number;
  content?: string | null;
  message_type?: string | number;
  private?: boolean;
  status?: string;
  inbox_id?: number;
  account_id?: number;
  sender?: ChatwootSender;
  inbox?: { id?: number };
  account?: { id?: number };
  conversation?: ChatwootConversation;
  meta?: ChatwootConversation['meta'];
}

/** What a webhook of the desk's inbox asks of it; null for anything it ignores. */
export type ChatwootWebhookAction =
  | { kind: 'customer-message'; chatwootId: number }
  | { kind: 'agent-message'; chatwootId: number }
  | { kind: 'resolved'; chatwootId: number }
  | { kind: 'conversation-changed'; chatwootId: number; conversation: ChatwootConversation };

/** The account a webhook is about, wherever Chatwoot put it for that event. */
export function chatwootWebhookAccount(payload: ChatwootWebhook): number | undefined {
  return payload.account?.id ?? payload.account_id ?? payload.conversation?.account_id;
}

/**
 * What `payload` asks of the desk of inbox `inboxId`: a customer's or an agent's message (private
 * notes, bot messages and other inboxes are ignored), or a conversation resolved or otherwise changed.
 */
export function chatwootWebhookAction(payload: ChatwootWebhook, inboxId: number): ChatwootWebhookAction | null {
  if (payload.event === 'message_created') {
    const chatwootId = payload.conversation?.id;
    const inbox = payload.inbox?.id ?? payload.conversation?.inbox_id;
    if (typeof chatwootId !== 'number' || inbox !== inboxId || payload.private) return null;
    const type = payload.message_type;
    if (type === 'incoming' || type === 0) return { kind: 'customer-message', chatwootId };
    if ((type === 'outgoing' || type === 1) && payload.sender?.type?.toLowerCase() === 'user') {
      return { kind: 'agent-message', chatwootId };
    }
    return null;
  }
  if (payload.event === 'conversation_status_changed' || payload.event === 'conversation_updated') {
    if (typeof payload.id !== 'number' || (payload.inbox_id !== undefined && payload.inbox_id !== inboxId)) return null;
    if (payload.status === 'resolved') return { kind: 'resolved', chatwootId: payload.id };
    return { kind: 'conversation-changed', chatwootId: payload.id, conversation: payload as ChatwootConversation };
  }
  return null;
}

/** Whether a Chatwoot agent has the conversation: it is assigned and open. */
export function isTakenInChatwoot(conversation: ChatwootConversation | undefined): boolean {
  return Boolean(conversation?.meta?.assignee) && conversation?.status === 'open';
}

/** A Chatwoot agent as a Handrail agent. */
export function chatwootAgentOf(sender: ChatwootSender | undefined | null): AgentIdentity {
  return {
    id: `chatwoot:${sender?.id ?? 'unknown'}`,
    ...(sender?.name ? { name: sender.name } : {}),
  };
}

/** A Chatwoot contact as a Handrail customer. */
export function chatwootCustomerOf(sender: ChatwootSender | undefined): CustomerIdentity {
  return {
    ...(sender?.id !== undefined ? { id: `chatwoot-contact-${sender.id}` } : {}),
    ...(sender?.name ? { name: sender.name } : {}),
    ...(sender?.email ? { email: sender.email } : {}),
  };
}
