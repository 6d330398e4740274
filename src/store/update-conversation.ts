import { StoreConflictError } from '../errors/store-conflict-error.js';
import type { OutboxDelivery, Store, StoredConversation } from './store.js';

/** What an update function returns: the new state, or `null` to leave the conversation as it is. */
export type ConversationUpdate = (current: StoredConversation | null) => StoredConversation | null;

/** Options of {@link updateConversation}. */
export interface UpdateConversationOptions {
  /** Tries before a conflict is thrown. @default 20 */
  attempts?: number;
  /**
   * The notifications of the change, built from the new state and written in the same store
   * write (the transactional outbox). Called once per attempt that writes.
   */
  deliveries?: (next: StoredConversation) => Promise<OutboxDelivery[]>;
}

/**
 * Reads, changes and conditionally writes one conversation, retrying when another
 * request wrote in between. The update function must be pure: it may run more than once.
 * Returns the stored conversation after the write (or as read, when nothing changed).
 */
export async function updateConversation(
  store: Store,
  id: string,
  update: ConversationUpdate,
  { attempts = 20, deliveries }: UpdateConversationOptions = {},
): Promise<StoredConversation | null> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.getConversation(id);
    const next = update(current);
    if (next === null) return current;
    const notifications = deliveries ? await deliveries(next) : [];
    try {
      return await store.putConversation(next, current ? current.version : null, notifications);
    } catch (error) {
      if (!StoreConflictError.isInstance(error) || attempt >= attempts) throw error;
    }
  }
}
