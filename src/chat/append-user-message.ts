import { StoreUnavailableError } from '../errors/store-unavailable-error.js';
import { commitHandoffEvent, type HandoffCommitContext } from '../handoff/commit-handoff-event.js';
import type { StoredConversation } from '../store/store.js';
import type { HandrailUIMessage } from './conversation.js';

/** A conversation not stored yet, with the bot, created at `at`. */
export function newConversation(
  id: string,
  at: string,
  extra: Pick<StoredConversation, 'tokenHash' | 'identity'>,
): StoredConversation {
  return { id, version: 0, state: 'bot', createdAt: at, updatedAt: at, ...extra, messages: [], handoff: null };
}

/** What {@link appendUserMessage} answers: the stored conversation, and whether the message was new. */
export interface AppendedUserMessage {
  conversation: StoredConversation;
  added: boolean;
}

/**
 * Appends the user's message to the stored conversation (or to `created`, when there is none):
 * the `user_message` transition. While people have the conversation, the message is announced
 * (`user_message.created`, for the desks that mirror it) in the same write. A message stored
 * already (a retry) is not added twice (`added: false`). `check` runs on every read and may
 * refuse the write by throwing; what it throws is rethrown as is, a store failure as `StoreUnavailableError`.
 */
export async function appendUserMessage(
  context: HandoffCommitContext,
  created: StoredConversation,
  userMessage: HandrailUIMessage,
  check?: (current: StoredConversation | null) => void,
): Promise<AppendedUserMessage> {
  let refused = false;
  let committed: Awaited<ReturnType<typeof commitHandoffEvent>>;
  try {
    committed = await commitHandoffEvent(
      context,
      created.id,
      { type: 'user_message', message: userMessage },
      {
        initial: created,
        check: (current) => {
          try {
            check?.(current);
          } catch (error) {
            refused = true;
            throw error;
          }
        },
      },
    );
  } catch (error) {
    if (refused) throw error;
    throw new StoreUnavailableError({ cause: error });
  }
  const { stored, accepted } = committed;
  if (!stored) throw new StoreUnavailableError({ message: 'The conversation could not be stored.' });
  return { conversation: stored, added: accepted !== null };
}
