import type { Context, MiddlewareHandler } from 'hono';
import { NotificationError } from '../errors/notification-error.js';
import { httpError } from '../http/http-error.js';
import { type HandoffEvent, handoffEventSchema } from '../notify/handoff-event.js';
import type { OutboxDelivery } from '../store/store.js';
import type { AgentDeskContext } from './agent-desk.js';

/** What every desk needs around its own logic: the engine's context once connected, and background work. */
export interface DeskRuntime {
  connect(context: AgentDeskContext): void;
  /** The context; throws a retryable `NotificationError` before `connect` (the outbox tries again). */
  context(): AgentDeskContext;
  /** Answers 503 `desk_not_connected` until `connect`. */
  requireConnected: MiddlewareHandler;
  /**
   * Runs `task` after the response: tracked by the engine (`idle()` awaits it) and handed to the
   * request's `executionCtx.waitUntil` on Workers. A failure is logged, never thrown.
   */
  afterResponse(c: Context, label: string, task: () => Promise<void>): void;
  /** The handoff event a delivery carries; a non-retryable `NotificationError` for anything else. */
  eventOf(delivery: OutboxDelivery): HandoffEvent;
}

/** The runtime of the desk named `name`. */
export function createDeskRuntime(name: string): DeskRuntime {
  let connected: AgentDeskContext | null = null;
  const context = () => {
    if (!connected) {
      throw new NotificationError({
        notifier: name,
        retryable: true,
        message: `Desk ${name} is not connected: pass it in createHandrailEngine({ desks }).`,
      });
    }
    return connected;
  };
  return {
    connect(next) {
      if (connected && connected !== next) throw new Error(`Desk ${name} is already connected to an engine.`);
      connected = next;
    },
    context,
    requireConnected: async (_c, next) => {
      if (!connected) {
        throw httpError(503, 'desk_not_connected', `Desk ${name} is not connected to a Handrail engine yet.`);
      }
      await next();
    },
    afterResponse(c, label, task) {
      const { logger, waitUntil, idle } = context();
      const work = task().catch((error: unknown) =>
        logger.error('desk-background-error', { desk: name, work: label, error: String(error) }),
      );
      waitUntil(work);
      try {
        // The notifications the work started (a claim's chat.update) are awaited with it.
        c.executionCtx.waitUntil(work.then(() => idle()));
      } catch {
        // Not on Workers: the process lives on and engine.idle() awaits the work.
      }
    },
    eventOf(delivery) {
      const parsed = handoffEventSchema.safeParse(delivery.payload);
      if (!parsed.success) {
        throw new NotificationError({
          notifier: name,
          retryable: false,
          message: `Desk ${name} only takes handoff events; delivery ${delivery.id} has another payload.`,
          cause: parsed.error,
        });
      }
      return parsed.data;
    },
  };
}
