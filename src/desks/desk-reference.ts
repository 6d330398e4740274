import { NotificationError } from '../errors/notification-error.js';
import type { DeskReference, HandoffRecord, Store, StoredConversation } from '../store/store.js';
import { updateConversation } from '../store/update-conversation.js';

/** Most ids a desk reference remembers as handled; older ones drop off. */
export const maxHandledIds = 100;

/** The desk's reference on the conversation's current handoff, if it has one. */
export function deskReference(conversation: StoredConversation | null, desk: string): DeskReference | undefined {
  return conversation?.handoff?.desks?.[desk];
}

/** Whether the desk already did the work `id` names for this handoff. */
export function wasHandled(conversation: StoredConversation | null, desk: string, id: string): boolean {
  return deskReference(conversation, desk)?.handled?.includes(id) ?? false;
}

function withReference(handoff: HandoffRecord, desk: string, reference: DeskReference): HandoffRecord {
  return { ...handoff, desks: { ...handoff.desks, [desk]: reference } };
}

/**
 * Writes where the handoff `handoffId` lives in the desk (a conditional write, retried on
 * conflicts); nothing when the conversation has moved on to another handoff.
 */
export async function saveDeskReference(
  store: Store,
  conversationId: string,
  handoffId: string,
  desk: string,
  reference: Omit<DeskReference, 'handled'>,
): Promise<void> {
  await updateConversation(store, conversationId, (current) => {
    const handoff = current?.handoff;
    if (!current || !handoff || handoff.id !== handoffId) return null;
    const previous = handoff.desks?.[desk];
    return {
      ...current,
      handoff: withReference(handoff, desk, {
        ...reference,
        ...(previous?.handled ? { handled: previous.handled } : {}),
      }),
    };
  });
}

/**
 * Records `id` as handled on the desk's reference, in one conditional write: true when this call
 * recorded it, false when it was there already (a retry, or a concurrent request that won) or the
 * handoff has no reference of this desk. Mark first, then work: of two copies of one event, one works.
 */
export async function markHandled(store: Store, conversationId: string, desk: string, id: string): Promise<boolean> {
  let marked = false;
  await updateConversation(store, conversationId, (current) => {
    marked = false;
    const handoff = current?.handoff;
    const reference = handoff?.desks?.[desk];
    if (!current || !handoff || !reference || reference.handled?.includes(id)) return null;
    marked = true;
    const handled = [...(reference.handled ?? []), id].slice(-maxHandledIds);
    return { ...current, handoff: withReference(handoff, desk, { ...reference, handled }) };
  });
  return marked;
}

/** Takes `id` off the handled list again (the work failed, so a retry may do it). */
export async function unmarkHandled(store: Store, conversationId: string, desk: string, id: string): Promise<void> {
  await updateConversation(store, conversationId, (current) => {
    const handoff = current?.handoff;
    const reference = handoff?.desks?.[desk];
    if (!current || !handoff || !reference?.handled?.includes(id)) return null;
    const handled = reference.handled.filter((entry) => entry !== id);
    return { ...current, handoff: withReference(handoff, desk, { ...reference, handled }) };
  });
}

/** The active conversation whose current handoff the desk knows by `externalId` at `location`. */
export async function findByDeskReference(
  store: Store,
  desk: string,
  externalId: string,
  location?: string,
): Promise<string | null> {
  const summaries = await store.listConversations({ states: ['queued', 'assigned', 'human'] });
  const found = summaries.find((summary) => {
    const reference = summary.handoff?.desks?.[desk];
    return reference?.externalId === externalId && (location === undefined || reference.location === location);
  });
  return found?.id ?? null;
}

/** The handoff an event is about: the conversation's current one, or a past one whose end it announced. */
export function handoffById(conversation: StoredConversation | null, handoffId: string): HandoffRecord | undefined {
  if (!conversation) return undefined;
  if (conversation.handoff?.id === handoffId) return conversation.handoff;
  return conversation.pastHandoffs?.find((handoff) => handoff.id === handoffId);
}

/**
 * The event's conversation as stored, and as `view` with the event's handoff as its handoff; a final
 * (not retryable) `NotificationError` of `notifier` when there is no such handoff to `action`.
 */
export async function handoffView(
  store: Store,
  notifier: string,
  event: { conversationId: string; handoffId: string },
  action: string,
): Promise<{ conversation: StoredConversation; view: StoredConversation }> {
  const conversation = await store.getConversation(event.conversationId);
  const record = handoffById(conversation, event.handoffId);
  if (!conversation || !record) {
    throw new NotificationError({ notifier, retryable: false, message: `No handoff ${event.handoffId} to ${action}.` });
  }
  return { conversation, view: { ...conversation, handoff: record } };
}
