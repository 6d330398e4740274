import type { ConversationState } from '../chat/conversation.js';
import { HandoffStateError } from '../errors/handoff-state-error.js';
import type { ChatwootDeskParts } from './chatwoot-desk-parts.js';
import { sendChatwootReply } from './chatwoot-reply.js';
import {
  type ChatwootConversation,
  type ChatwootWebhook,
  chatwootAgentOf,
  chatwootCustomerOf,
  chatwootWebhookAction,
  isTakenInChatwoot,
} from './chatwoot-webhook.js';
import { markHandled } from './desk-reference.js';
import { turnAnswer } from './turn-answer.js';

/** The states in which people have the conversation (the bot stays silent). */
const withPeople = new Set<ConversationState>(['queued', 'assigned', 'human']);

/**
 * Works on one webhook of the desk's account, after it was acknowledged: a customer's message runs
 * a turn, an agent's message is recorded on the handoff, a resolved conversation goes back to the
 * bot and an assignment claims the handoff.
 */
export async function handleChatwootWebhook(parts: ChatwootDeskParts, payload: ChatwootWebhook): Promise<void> {
  const action = chatwootWebhookAction(payload, parts.inboxId);
  switch (action?.kind) {
    case 'customer-message':
      return customerWrote(parts, payload, action.chatwootId);
    case 'agent-message':
      return agentWrote(parts, payload, action.chatwootId);
    case 'resolved':
      return resolvedInChatwoot(parts, action.chatwootId);
    case 'conversation-changed':
      return syncAssignee(parts, parts.ids.handrailId(action.chatwootId), action.conversation);
    default:
      return;
  }
}

/** The customer wrote: the normal Handrail turn, its answer posted as the bot unless a person has it. */
async function customerWrote(parts: ChatwootDeskParts, payload: ChatwootWebhook, chatwootId: number) {
  const text = payload.content?.trim();
  if (!text || payload.id === undefined) return;
  const { store, runTurn } = parts.runtime.context();
  const conversationId = parts.ids.handrailId(chatwootId);
  await syncAssignee(parts, conversationId, payload.conversation);
  const known = await store.getConversation(conversationId);
  // An agent took it in Chatwoot without any handoff: it is theirs, the bot keeps out.
  if (isTakenInChatwoot(payload.conversation) && (!known || known.state === 'bot')) return;
  const result = await runTurn({
    conversationId,
    messageId: `chatwoot-message-${payload.id}`,
    text,
    identity: chatwootCustomerOf(payload.sender),
  });
  const answer = turnAnswer(result);
  if (answer) await sendChatwootReply(parts, chatwootId, `chatwoot-reply-${payload.id}`, answer);
}

/** Chatwoot says a person has the conversation: Handrail's handoff is theirs too (the bot stays silent). */
async function syncAssignee(
  { runtime }: ChatwootDeskParts,
  conversationId: string,
  chatwoot: ChatwootConversation | undefined,
) {
  if (!isTakenInChatwoot(chatwoot)) return;
  const conversation = await runtime.context().store.getConversation(conversationId);
  if (!conversation?.handoff || conversation.handoff.agentId || !withPeople.has(conversation.state)) return;
  await runtime
    .context()
    .handoffs.claim(conversationId, chatwootAgentOf(chatwoot?.meta?.assignee))
    .catch(ignoreStateErrors);
}

/** An agent wrote in Chatwoot: recorded on the handoff (claimed for them when nobody has it). */
async function agentWrote(parts: ChatwootDeskParts, payload: ChatwootWebhook, chatwootId: number) {
  const text = payload.content?.trim();
  const { store, handoffs } = parts.runtime.context();
  const conversationId = parts.ids.handrailId(chatwootId);
  const conversation = await store.getConversation(conversationId);
  if (!text || !conversation?.handoff || !withPeople.has(conversation.state)) return;
  if (
    conversation.handoff.desks?.[parts.name] &&
    !(await markHandled(store, conversationId, parts.name, `agent-message:${payload.id}`))
  )
    return;
  const agent = chatwootAgentOf(payload.sender);
  try {
    if (!conversation.handoff.agentId) await handoffs.claim(conversationId, agent);
    // Chatwoot delivered the message to the customer; Handrail records it for the transcript and metrics
    // (not when another agent holds the handoff in Handrail: that is theirs to reconcile).
    await handoffs.sendAgentMessage(conversationId, agent, text);
  } catch (error) {
    ignoreStateErrors(error);
  }
}

/** The agents resolved it in Chatwoot: the handoff goes back to the bot. */
async function resolvedInChatwoot({ runtime, ids, name }: ChatwootDeskParts, chatwootId: number) {
  const { store, handoffs } = runtime.context();
  const conversationId = ids.handrailId(chatwootId);
  const conversation = await store.getConversation(conversationId);
  const handoff = conversation?.handoff;
  if (!conversation || !handoff || !withPeople.has(conversation.state)) return;
  if (handoff.desks?.[name]) await markHandled(store, conversationId, name, `resolved-in-chatwoot:${handoff.id}`);
  await handoffs.resolve(conversationId, { id: handoff.agentId ?? 'chatwoot' }, 'bot').catch(ignoreStateErrors);
}

/** A handoff that moved on meanwhile (resolved, claimed by another) is not an error here. */
function ignoreStateErrors(error: unknown): void {
  if (!HandoffStateError.isInstance(error)) throw error;
}
