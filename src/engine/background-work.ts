import type { MiddlewareHandler } from 'hono';
import type { Outbox } from '../notify/index.js';

/** Work that runs after the response (model briefs, notifications), tracked so that it is neither lost nor leaked. */
export interface BackgroundWork {
  /** Tracks `promise` (and hands it to the host's `waitUntil`, when given). */
  waitUntil(promise: Promise<unknown>): void;
  /** Resolves when all background work started so far is done. */
  idle(): Promise<void>;
  /**
   * Middleware: after each response, retries of notifications ride on the traffic (at most once
   * a second), and on Workers the pending work goes to the request's `executionCtx.waitUntil`.
   */
  middleware(outbox: Outbox | null): MiddlewareHandler;
}

/** Creates the engine's background work tracker. */
export function createBackgroundWork(hostWaitUntil?: (promise: Promise<unknown>) => void): BackgroundWork {
  const pending = new Set<Promise<unknown>>();
  const waitUntil = (promise: Promise<unknown>) => {
    const tracked: Promise<unknown> = promise.catch(() => {}).finally(() => pending.delete(tracked));
    pending.add(tracked);
    hostWaitUntil?.(tracked);
  };
  const idle = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  let lastOutboxFlush = 0;
  const middleware =
    (outbox: Outbox | null): MiddlewareHandler =>
    async (c, next) => {
      await next();
      // Hosts also call flushOutbox() on a timer or alarm.
      if (outbox && Date.now() - lastOutboxFlush > 1000) {
        lastOutboxFlush = Date.now();
        waitUntil(outbox.flush());
      }
      if (pending.size === 0) return;
      let executionContext: { waitUntil(promise: Promise<unknown>): void } | undefined;
      try {
        executionContext = c.executionCtx;
      } catch {
        // Not on Workers: the process lives on, and idle() awaits the work at shutdown.
      }
      executionContext?.waitUntil(idle());
    };
  return { waitUntil, idle, middleware };
}
