import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { HandrailUIMessage } from '../chat/conversation.js';
import type { Store } from '../store/store.js';

/** Options of {@link conversationEventsResponse}. */
export interface ConversationEventsOptions {
  store: Store;
  conversationId: string;
  /** How often to look for changes. */
  pollMs: number;
  /** Send only messages after this message id (resume after a reconnect). */
  afterMessageId?: string | undefined;
  /** `user`: messages from agents and Handrail's notices. `agent`: the user's messages. */
  audience: 'user' | 'agent';
  /** Stop after this long, so proxies and tests are not held forever; clients reconnect. @default 300000 */
  maxDurationMs?: number;
}

/**
 * Server-sent events of a conversation's new messages: `message` events with the stored
 * message, `state` events when the conversation's state changes, and for agents `brief` events
 * (`{ brief, reasons, urgency, briefSource, briefAt? }`) when the handoff's brief, reasons or
 * urgency change. With a store that has a change feed (`store.watch`, e.g. Postgres's
 * `LISTEN/NOTIFY`) it reads the conversation when told it changed, from any instance; with the
 * others (memory, SQLite, Durable Objects) it reads on an interval of `pollMs`.
 */
export function conversationEventsResponse(c: Context, options: ConversationEventsOptions) {
  const { store, conversationId, pollMs, audience, maxDurationMs = 300_000 } = options;
  return streamSSE(c, async (stream) => {
    let aborted = false;
    const changes = store.watch ? createWakeup() : null;
    const stopWatching = changes ? store.watch!(conversationId, changes.wake) : () => {};
    stream.onAbort(() => {
      aborted = true;
      changes?.wake();
    });
    const started = Date.now();
    const seen = new Set<string>();
    let lastVersion = -1;
    let lastState: string | undefined;
    let lastBrief: string | undefined;
    let initial = true;
    let after = options.afterMessageId;
    try {
      while (!aborted && Date.now() - started < maxDurationMs) {
        changes?.reset();
        let failed = false;
        const conversation = await store.getConversation(conversationId).catch(() => {
          failed = true;
          return null;
        });
        if (conversation && conversation.version !== lastVersion) {
          lastVersion = conversation.version;
          if (conversation.state !== lastState) {
            lastState = conversation.state;
            await stream.writeSSE({
              event: 'state',
              data: JSON.stringify({ state: conversation.state, handoff: summaryOf(conversation.handoff) }),
            });
          }
          // Agents see the brief change as the user writes on (sent when it changes, not on connect).
          const brief = audience === 'agent' ? briefOf(conversation.handoff) : undefined;
          if (brief !== undefined && lastBrief !== undefined && brief !== lastBrief) {
            await stream.writeSSE({ event: 'brief', data: brief });
          }
          lastBrief = brief;
          let afterIndex = after ? conversation.messages.findIndex((message) => message.id === after) : -1;
          if (initial && !after) afterIndex = conversation.messages.length - 1;
          initial = false;
          for (const message of conversation.messages.slice(afterIndex + 1)) {
            if (seen.has(message.id) || !isFor(audience, message)) continue;
            seen.add(message.id);
            await stream.writeSSE({ event: 'message', id: message.id, data: JSON.stringify(message) });
          }
          after = conversation.messages.at(-1)?.id ?? after;
        }
        // A failed read is retried on the interval; otherwise the feed says when to read again.
        if (changes && !failed) await changes.wait(maxDurationMs - (Date.now() - started));
        else await stream.sleep(pollMs);
      }
    } finally {
      stopWatching();
    }
  });
}

/** A one-shot flag the change feed raises and the event loop waits on (at most `timeoutMs`). */
function createWakeup() {
  let raised = false;
  let release: (() => void) | null = null;
  return {
    wake: () => {
      raised = true;
      release?.();
    },
    /** Lowers the flag before a read: a change during the read raises it again. */
    reset: () => {
      raised = false;
    },
    wait: (timeoutMs: number) =>
      new Promise<void>((resolve) => {
        if (raised || timeoutMs <= 0) return resolve();
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          release = null;
          resolve();
        }
        release = done;
      }),
  };
}

function isFor(audience: 'user' | 'agent', message: HandrailUIMessage): boolean {
  if (audience === 'agent') return message.role === 'user';
  return (
    message.role === 'assistant' && (message.metadata?.author === 'agent' || message.metadata?.author === 'system')
  );
}

function summaryOf(handoff: unknown) {
  if (!handoff || typeof handoff !== 'object') return null;
  const { id, team, urgency, agentId, etaSeconds } = handoff as Record<string, unknown>;
  return { id, team, urgency, agentId, etaSeconds };
}

/** The agent's live view of the handoff's brief, as the `brief` event's JSON; undefined without a handoff. */
function briefOf(handoff: unknown): string | undefined {
  if (!handoff || typeof handoff !== 'object') return undefined;
  const { brief, reasons, urgency, briefSource, briefAt } = handoff as Record<string, unknown>;
  return JSON.stringify({ brief, reasons, urgency, briefSource, ...(briefAt ? { briefAt } : {}) });
}
