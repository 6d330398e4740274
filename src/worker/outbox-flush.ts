import type { OutboxDelivery } from '../store/store.js';
import type { WorkerBindings } from './env.js';

/** The outbox half of the directory object, called in place (no RPC) from its alarm. */
export interface DirectoryOutbox {
  dueDeliveries(now: Date, limit: number): OutboxDelivery[];
  updateDelivery(delivery: OutboxDelivery): Promise<void>;
}

/**
 * Delivers the directory's due notifications with the notifiers configured from the
 * bindings (`WEBHOOK_URL` + `WEBHOOK_SECRET`, `SLACK_WEBHOOK_URL`). Runs from the
 * directory's alarm.
 */
export async function flushDirectoryOutbox(_directory: DirectoryOutbox, _env: WorkerBindings): Promise<void> {
  // Wired to createOutbox() once src/notify/outbox.ts lands.
}
