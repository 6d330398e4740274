import type { HandoffBrief } from '../brief/index.js';
import type { ConversationState } from '../chat/conversation.js';
import type { HandoffEvent } from '../notify/handoff-event.js';
import type { HandoffRecord, StoredConversation } from '../store/store.js';

/** What {@link HandrailHooks.onHandoff} receives: the announcement as notifiers get it, with the brief and the record. */
export type HandoffHookEvent = HandoffEvent & {
  /** `ticket.created` when nobody was available and a ticket was opened at once, else `handoff.created`. */
  type: 'handoff.created' | 'ticket.created';
  /** The brief the agent sees when the handoff is announced (the extractive one; the model's arrives later as `handoff.brief_ready`). */
  brief: HandoffBrief;
  /** The handoff as committed: routed (`team`, `routedAt`), with its ticket when one was opened. */
  handoff: HandoffRecord;
  /** The conversation as committed. */
  conversation: StoredConversation;
};

/** What {@link HandrailHooks.onStateChange} receives: one committed change of a conversation's `state`. */
export interface ConversationStateChange {
  conversationId: string;
  /** The state before the write; null when the write created the conversation. */
  from: ConversationState | null;
  to: ConversationState;
  /** The conversation's current or last handoff, null when it never had one. */
  handoffId: string | null;
  /** ISO time of the change (the conversation's `updatedAt`). */
  at: string;
  /** The conversation as committed. */
  conversation: StoredConversation;
}

/**
 * Typed in-process hooks of the engine. They run in this process, right after the store committed
 * the write (in the background, so they never delay a response), one at a time in commit order.
 * A hook that throws or rejects is logged (`hook-error`) and changes nothing: the turn, the stored
 * state and the notifications stay as they are. A call is at most once: a process that stops
 * between the commit and the call skips it. For at-least-once delivery with retries, use a
 * `Notifier` (its deliveries are written in the same write as the change). Keep hooks short: the
 * next call waits for the one before it.
 */
export interface HandrailHooks {
  /** Called once per handoff, when it is routed and announced (`handoff.created` or `ticket.created`). */
  onHandoff?: (event: HandoffHookEvent) => void | Promise<void>;
  /** Called for every committed change of a conversation's `state` (`bot`, `queued`, `assigned`, `human`, `resolved`), creation included. */
  onStateChange?: (change: ConversationStateChange) => void | Promise<void>;
}
