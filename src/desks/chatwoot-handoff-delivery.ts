import { NotificationError } from '../errors/notification-error.js';
import type { Urgency } from '../guard/types.js';
import type { HandoffEvent } from '../notify/handoff-event.js';
import type { OutboxDelivery, StoredConversation } from '../store/store.js';
import type { ChatwootPriority } from './chatwoot-api.js';
import { buildChatwootBrief } from './chatwoot-brief.js';
import type { ChatwootDeskParts } from './chatwoot-desk-parts.js';
import { chatwootEventNote } from './chatwoot-event-note.js';
import { chatwootReplyType, deliverChatwootReply } from './chatwoot-reply.js';
import { handoffView, markHandled, saveDeskReference, wasHandled } from './desk-reference.js';

/** Chatwoot's priority per Handrail urgency. */
export const chatwootPriorities: Record<Urgency, ChatwootPriority> = {
  low: 'low',
  normal: 'medium',
  high: 'high',
  critical: 'urgent',
};

/**
 * The Chatwoot desk's `deliver`: a deferred bot answer is posted again; a handoff event of one of
 * the account's conversations is mirrored there (note, labels, priority, team, status); events of
 * other conversations are skipped.
 */
export async function deliverToChatwoot(
  parts: ChatwootDeskParts,
  delivery: OutboxDelivery,
  { signal }: { signal: AbortSignal },
): Promise<void> {
  if (delivery.type === chatwootReplyType) return deliverChatwootReply(parts, delivery, signal);
  const event = parts.runtime.eventOf(delivery);
  const chatwootId = parts.ids.chatwootIdOf(event.conversationId);
  if (chatwootId === null) return; // Not a conversation of this Chatwoot inbox.
  const { view } = await handoffView(parts.runtime.context().store, parts.name, event, 'announce');
  return applyHandoffEvent(parts, { event, view, chatwootId, deliveryId: delivery.id, signal });
}

interface EventDelivery {
  event: HandoffEvent;
  /** The conversation, its handoff the event's. */
  view: StoredConversation;
  chatwootId: number;
  deliveryId: string;
  signal: AbortSignal;
}

/** What each handoff event changes in Chatwoot. */
async function applyHandoffEvent(parts: ChatwootDeskParts, delivery: EventDelivery): Promise<void> {
  const { event, view, chatwootId, signal } = delivery;
  const { api, name } = parts;
  const record = view.handoff!;
  const note = chatwootEventNote(event.type, view, { redact: parts.redact }) ?? '';
  switch (event.type) {
    case 'handoff.created':
    case 'ticket.created':
      return announceHandoff(parts, view, chatwootId, signal);
    case 'handoff.brief_ready':
      return noteOnce(parts, view, chatwootId, delivery.deliveryId, note, signal);
    case 'handoff.escalated':
      await bestEffort(parts, 'priority', () => api.togglePriority(chatwootId, 'urgent', signal));
      await noteOnce(parts, view, chatwootId, delivery.deliveryId, note, signal);
      return api.toggleStatus(chatwootId, 'open', signal);
    case 'handoff.claimed':
      if (record.agentId?.startsWith('chatwoot:')) return;
      return noteOnce(parts, view, chatwootId, delivery.deliveryId, note, signal);
    case 'handoff.resolved':
      // Resolved in Chatwoot itself: nothing to change there.
      if (wasHandled(view, name, `resolved-in-chatwoot:${record.id}`)) return;
      await noteOnce(parts, view, chatwootId, delivery.deliveryId, note, signal);
      return api.toggleStatus(chatwootId, record.resolution === 'closed' ? 'resolved' : 'pending', signal);
    default:
      return;
  }
}

/**
 * A new handoff in Chatwoot: its reference saved, the brief as a private note, labels, priority and
 * team set, and the conversation opened so it leaves the bot's pending list for the agents' inbox.
 */
async function announceHandoff(
  parts: ChatwootDeskParts,
  view: StoredConversation,
  chatwootId: number,
  signal: AbortSignal,
): Promise<void> {
  const { api, name, runtime, teams } = parts;
  const record = view.handoff!;
  const { store } = runtime.context();
  if (!record.desks?.[name]) {
    await saveDeskReference(store, view.id, record.id, name, {
      externalId: String(chatwootId),
      location: String(parts.accountId),
    });
  }
  const current = (await store.getConversation(view.id)) ?? view;
  const brief = buildChatwootBrief(view, { redact: parts.redact });
  await noteOnce(parts, current, chatwootId, `note:${record.id}`, brief, signal);
  await bestEffort(parts, 'labels', async () => {
    const existing = await api.listLabels(chatwootId, signal);
    const wanted = [...new Set([...existing, ...parts.labelsOf(record)])];
    if (wanted.length !== existing.length) await api.setLabels(chatwootId, wanted, signal);
  });
  await bestEffort(parts, 'priority', () => api.togglePriority(chatwootId, chatwootPriorities[record.urgency], signal));
  const team = record.team ? teams[record.team] : undefined;
  if (team) await bestEffort(parts, 'team', () => api.assignTeam(chatwootId, team, signal));
  // Open: the conversation leaves the bot's pending list and appears in the agents' inbox.
  await api.toggleStatus(chatwootId, 'open', signal);
}

/** A private note for the handoff, posted once per `key` however often the delivery is retried. */
async function noteOnce(
  { api, name, runtime }: ChatwootDeskParts,
  conversation: StoredConversation,
  chatwootId: number,
  key: string,
  content: string,
  signal: AbortSignal,
): Promise<void> {
  if (wasHandled(conversation, name, key)) return;
  await api.createMessage(chatwootId, { content, private: true }, signal);
  await markHandled(runtime.context().store, conversation.id, name, key);
}

/** A step of a handoff that may fail for good (a label the token may not set) without stopping the others. */
async function bestEffort({ runtime, name }: ChatwootDeskParts, label: string, step: () => Promise<unknown>) {
  try {
    await step();
  } catch (error) {
    if (NotificationError.isInstance(error) && error.retryable) throw error;
    runtime.context().logger.warn('chatwoot-desk-step-failed', { desk: name, step: label, error: String(error) });
  }
}
