import type { HandoffBrief } from '../brief/index.js';
import type { ConversationState } from '../chat/conversation.js';
import type { ConversationStateChange, HandoffHookEvent, HandrailHooks } from '../handoff/handoff-hooks.js';
import type { Logger } from '../logger.js';
import { buildHandoffEvent } from '../notify/handoff-event.js';
import type { HandoffRecord, Store, StoredConversation } from '../store/store.js';

/** What the store wrapper remembers of a version it read, to tell what a write on top of it changed. */
interface Snapshot {
  state: ConversationState;
  handoffId: string | null;
  announced: boolean;
}

/** Options of {@link observeCommits}. */
export interface ObserveCommitsOptions {
  hooks: HandrailHooks;
  logger: Logger;
  /** Keeps the hook calls alive after the response (the engine's background work). */
  waitUntil: (promise: Promise<unknown>) => void;
  consoleUrl?: string;
  /** Versions remembered between a read and the write on top of it. @default 10000 */
  maxSnapshots?: number;
}

/**
 * The store, with the hooks called after each committed `putConversation`. Every engine write reads
 * the conversation first (`updateConversation`), so the version a write replaces is known from that
 * read; a write on top of a version this wrapper never read (a host writing the store directly) calls
 * no hook. Other methods pass through.
 */
export function observeCommits(store: Store, options: ObserveCommitsOptions): Store {
  const { hooks, logger, waitUntil, maxSnapshots = 10_000 } = options;
  const snapshots = new Map<string, Snapshot>();
  const remember = (conversation: StoredConversation) => {
    snapshots.set(snapshotKey(conversation.id, conversation.version), snapshotOf(conversation));
    if (snapshots.size > maxSnapshots) snapshots.delete(snapshots.keys().next().value as string);
  };
  let queue: Promise<void> = Promise.resolve();
  const dispatch = (previous: Snapshot | null, committed: StoredConversation) => {
    const calls = hookCalls(hooks, previous, committed, options.consoleUrl);
    if (calls.length === 0) return;
    queue = queue.then(() => runHooks(calls, committed.id, logger));
    waitUntil(queue);
  };

  const getConversation: Store['getConversation'] = async (id) => {
    const conversation = await store.getConversation(id);
    if (conversation) remember(conversation);
    return conversation;
  };
  const putConversation: Store['putConversation'] = async (conversation, expectedVersion, deliveries) => {
    const committed = await store.putConversation(conversation, expectedVersion, deliveries);
    try {
      afterCommit(expectedVersion, committed);
    } catch {
      // The write is committed: nothing after it (a throwing logger) may turn it into a failure.
    }
    return committed;
  };
  const afterCommit = (expectedVersion: number | null, committed: StoredConversation) => {
    const key = expectedVersion === null ? null : snapshotKey(committed.id, expectedVersion);
    const previous = key === null ? null : snapshots.get(key);
    if (key !== null) snapshots.delete(key);
    remember(committed);
    if (previous !== undefined) dispatch(previous, committed);
    else
      logger.debug('hooks-skipped', { conversationId: committed.id, reason: 'the replaced version was not read here' });
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'getConversation') return getConversation;
      if (property === 'putConversation') return putConversation;
      return Reflect.get(target, property, receiver);
    },
  });
}

/** One pending hook call, named for the log. */
interface HookCall {
  hook: keyof HandrailHooks;
  call: () => void | Promise<void>;
}

/** The hook calls a committed write makes: the state change first, then the announcement. */
function hookCalls(
  hooks: HandrailHooks,
  previous: Snapshot | null,
  committed: StoredConversation,
  consoleUrl?: string,
): HookCall[] {
  const calls: HookCall[] = [];
  const { onStateChange, onHandoff } = hooks;
  if (onStateChange && previous?.state !== committed.state) {
    const change: ConversationStateChange = {
      conversationId: committed.id,
      from: previous?.state ?? null,
      to: committed.state,
      handoffId: committed.handoff?.id ?? null,
      at: committed.updatedAt,
      conversation: committed,
    };
    calls.push({ hook: 'onStateChange', call: () => onStateChange(change) });
  }
  const handoff = committed.handoff;
  const announcedBefore = previous?.announced === true && previous.handoffId === handoff?.id;
  if (onHandoff && handoff?.routedAt !== undefined && !announcedBefore) {
    const event = handoffHookEvent(committed, handoff, consoleUrl);
    calls.push({ hook: 'onHandoff', call: () => onHandoff(event) });
  }
  return calls;
}

/** The announcement of a routed handoff, built as the notifiers' event is. */
function handoffHookEvent(
  conversation: StoredConversation,
  handoff: HandoffRecord,
  consoleUrl: string | undefined,
): HandoffHookEvent {
  const type = handoff.ticket ? 'ticket.created' : 'handoff.created';
  const link = consoleUrl ? `${consoleUrl.replace(/\/$/, '')}/agent#${conversation.id}` : undefined;
  const event = buildHandoffEvent({ type, conversationId: conversation.id, handoff, ...(link ? { link } : {}) });
  // The engine writes the brief (extractive, or a model's validated against the schema).
  return { ...event, type, brief: handoff.brief as HandoffBrief, handoff, conversation };
}

/** Runs the calls in order; a failing hook is logged and the next one still runs. */
async function runHooks(calls: HookCall[], conversationId: string, logger: Logger): Promise<void> {
  for (const { hook, call } of calls) {
    try {
      await call();
    } catch (error) {
      try {
        logger.error('hook-error', { hook, conversationId, error: String(error) });
      } catch {
        // A broken logger must not break the hooks after it.
      }
    }
  }
}

function snapshotKey(id: string, version: number): string {
  return `${version}:${id}`;
}

function snapshotOf(conversation: StoredConversation): Snapshot {
  return {
    state: conversation.state,
    handoffId: conversation.handoff?.id ?? null,
    announced: conversation.handoff?.routedAt !== undefined,
  };
}
