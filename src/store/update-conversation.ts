import { StoreConflictError } from '../errors/store-conflict-error.js';
import type { Store, StoredConversation } from './store.js';

/** What an update function returns: the new state, or `null` to leave the conversation as it is. */
export type ConversationUpdate = (current: StoredConversation | null) => StoredConversation | null;

/**
 * Reads, changes and conditionally writes one conversation, retrying when another
 * request wrote in between. The update function must be pure: it may run more than once.
 * Returns the stored conversation after the write (or as read, when nothing changed).
 */
export async function updateConversation(
  store: Store,
  id: string,
  update: ConversationUpdate,
  { attempts = 20 }: { attempts?: number } = {},
): Promise<StoredConversation | null> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.getConversation(id);
    const next = update(current);
    if (next === null) return current;
    try {
      return await store.putConversation(next, current ? current.version : null);
    } catch (error) {
      if (!StoreConflictError.isInstance(error) || attempt >= attempts) throw error;
    }
  }
}
