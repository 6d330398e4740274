import type { BriefWriter } from '../brief/index.js';
import { messageText } from '../chat/transcript.js';
import type { Logger } from '../logger.js';
import { buildHandoffEvent, type HandoffEventType, type Outbox } from '../notify/index.js';
import type { OutboxDelivery, Store, StoredConversation } from '../store/store.js';
import { updateConversation } from '../store/update-conversation.js';
import { briefInput } from './handoff-parts.js';
import {
  type AcceptedTransition,
  type HandoffTransitionEvent,
  isRejected,
  type RejectedTransition,
} from './handoff-transition-event.js';
import { applyHandoffEvent } from './transitions.js';

/** What committing a handoff event needs: the store, the outbox, the clock, ids and the background. */
export interface HandoffCommitContext {
  store: Store;
  clock: () => Date;
  logger: Logger;
  generateId: () => string;
  /** Null when no notifier is configured. */
  outbox: Outbox | null;
  consoleUrl?: string;
  /** Keeps background work (model brief, notifications) alive after the response. */
  waitUntil: (promise: Promise<unknown>) => void;
}

/** The outcome of {@link commitHandoffEvent}. */
export interface CommittedEvent {
  /** The conversation after the write, or as read when nothing was written; null when there is none. */
  stored: StoredConversation | null;
  accepted: AcceptedTransition | null;
  rejection: RejectedTransition | null;
}

/** Options of {@link commitHandoffEvent}. */
export interface CommitOptions {
  /** The conversation to apply the event to when none is stored yet (a first user message). */
  initial?: StoredConversation;
  /** Runs on every read before the event applies; may throw to refuse the write. */
  check?: (current: StoredConversation | null) => void;
}

/**
 * Loads the conversation, applies the event and writes the result with its notifications in one
 * conditional write (the transactional outbox), retrying on a conflict; then sends the outbox
 * after the response. A rejected event writes nothing.
 */
export async function commitHandoffEvent(
  context: HandoffCommitContext,
  conversationId: string,
  event: HandoffTransitionEvent,
  options: CommitOptions = {},
): Promise<CommittedEvent> {
  const now = context.clock();
  // The same ids on every attempt: a retried write is the same change.
  const pool: string[] = [];
  let accepted: AcceptedTransition | null = null;
  let rejection: RejectedTransition | null = null;
  const stored = await updateConversation(
    context.store,
    conversationId,
    (read) => {
      options.check?.(read);
      accepted = null;
      rejection = null;
      const current = read ?? options.initial;
      if (!current) return null;
      let index = 0;
      const ids = () => {
        pool[index] ??= context.generateId();
        return pool[index++]!;
      };
      const result = applyHandoffEvent(current, event, now, ids);
      if (isRejected(result)) {
        rejection = result;
        return null;
      }
      accepted = result;
      return result.conversation;
    },
    { deliveries: async (next) => (accepted ? deliveriesOf(context, accepted.notifications, next, event) : []) },
  );
  const done = accepted as AcceptedTransition | null;
  if (done && done.notifications.length > 0) flushOutboxSoon(context);
  return { stored, accepted: done, rejection };
}

/** Sends what the outbox holds, after the response. */
export function flushOutboxSoon(context: Pick<HandoffCommitContext, 'outbox' | 'waitUntil'>): void {
  if (context.outbox) context.waitUntil(context.outbox.flush());
}

/** The outbox deliveries of a transition's notifications, built from the state it writes. */
async function deliveriesOf(
  context: HandoffCommitContext,
  types: readonly HandoffEventType[],
  next: StoredConversation,
  event: HandoffTransitionEvent,
): Promise<OutboxDelivery[]> {
  const { outbox } = context;
  const handoff = next.handoff;
  if (!outbox || !handoff || types.length === 0) return [];
  const link = context.consoleUrl ? `${context.consoleUrl.replace(/\/$/, '')}/agent#${next.id}` : undefined;
  const built = await Promise.all(
    types.map((type) => {
      if (type === 'user_message.created' && event.type === 'user_message') {
        const { message } = event;
        const createdAt = message.metadata?.createdAt ?? next.updatedAt;
        return outbox.build(
          buildHandoffEvent({
            type,
            conversationId: next.id,
            handoff,
            message: { id: message.id, text: messageText(message), createdAt },
          }),
        );
      }
      return outbox.build(
        buildHandoffEvent({ type, conversationId: next.id, handoff, ...(link ? { link } : {}), now: context.clock() }),
      );
    }),
  );
  return built.flat();
}

/**
 * Writes the model brief when it arrives (the `brief_ready` event, with its `handoff.brief_ready`
 * notification in the same write); runs after the response. The handoff was announced already,
 * with the extractive brief: a slow or failing model never delays or loses the first notification.
 */
export function writeModelBrief(
  context: HandoffCommitContext,
  briefWriter: BriefWriter | null,
  conversation: StoredConversation,
): void {
  const record = conversation.handoff;
  if (!briefWriter || !record) return;
  const task = (async () => {
    const written = await briefWriter.write(briefInput(conversation, record));
    await commitHandoffEvent(context, conversation.id, { type: 'brief_ready', handoffId: record.id, written });
  })().catch((error: unknown) =>
    context.logger.error('handoff-background-error', { conversationId: conversation.id, error: String(error) }),
  );
  context.waitUntil(task);
}
