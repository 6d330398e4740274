import { createOutbox } from '../notify/outbox.js';
import { createDurableObjectStore } from '../store/durable-object-store.js';
import type { OutboxDelivery, Store } from '../store/store.js';
import type { WorkerBindings } from './env.js';
import { notifiersFromEnv } from './notifiers-from-env.js';

/** The outbox half of the directory object, called in place (no RPC) from its alarm. */
export interface DirectoryOutbox {
  enqueueDeliveries(deliveries: OutboxDelivery[]): Promise<void>;
  dueDeliveries(now: Date, limit: number): OutboxDelivery[];
  updateDelivery(delivery: OutboxDelivery, expectedAttempts?: number): Promise<boolean>;
  listDeliveries(): OutboxDelivery[];
}

/**
 * Delivers the directory's due notifications with the notifiers configured from the
 * bindings (`WEBHOOK_URL` + `WEBHOOK_SECRET`, `SLACK_WEBHOOK_URL`), retrying failures with
 * the outbox's backoff. Runs from the directory's alarm. Returns false when no notifier is
 * configured (nothing can be delivered, so the alarm should not hurry back).
 */
export async function flushDirectoryOutbox(directory: DirectoryOutbox, env: WorkerBindings): Promise<boolean> {
  const notifiers = notifiersFromEnv(env);
  if (notifiers.length === 0) return false;
  const store: Store = {
    ...createDurableObjectStore({ conversations: env.CONVERSATIONS, index: env.DIRECTORY }),
    enqueueDeliveries: (deliveries) => directory.enqueueDeliveries(deliveries),
    dueDeliveries: async (now, limit) => directory.dueDeliveries(now, limit),
    updateDelivery: (delivery, expectedAttempts) => directory.updateDelivery(delivery, expectedAttempts),
    listDeliveries: async () => directory.listDeliveries(),
  };
  const outbox = createOutbox({ store, notifiers, logger: console });
  await outbox.flush();
  return true;
}
