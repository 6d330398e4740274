import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHandoffEvent } from '../../src/notify/handoff-event.js';
import { generateWebhookSecret, webhookHeaderNames } from '../../src/notify/standard-webhooks.js';
import type { OutboxDelivery } from '../../src/store/store.js';
import { type Receiver, startReceiver } from '../notify/receiver.js';
import {
  buildWorker,
  createRemoteStore,
  makePersistDir,
  type RunningWorker,
  startWorker,
} from '../support/miniflare.js';

let worker: RunningWorker;
let receiver: Receiver;
let removePersistDir: () => Promise<void>;

beforeAll(async () => {
  const { scriptPath } = await buildWorker('test/worker/fixtures/store-worker.ts');
  const persist = await makePersistDir();
  removePersistDir = persist.remove;
  receiver = await startReceiver({ status: 503, body: 'down' });
  worker = await startWorker({
    scriptPath,
    persistDir: persist.persistDir,
    bindings: { WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: generateWebhookSecret() },
  });
});

afterAll(async () => {
  await worker?.dispose();
  await receiver?.close();
  await removePersistDir?.();
});

/** Waits for the Worker's background work (an alarm) to show; fails after `timeoutMs`. */
async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('the expected event did not happen in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('directory alarm (workerd)', () => {
  it('delivers an enqueued notification from the alarm and retries it after a failure', async () => {
    const store = createRemoteStore(worker, 'directory-alarm');
    const now = new Date().toISOString();
    const event = buildHandoffEvent({
      type: 'handoff.created',
      conversationId: 'alarm-conversation',
      handoff: {
        id: 'alarm-handoff',
        createdAt: now,
        reasons: [{ reason: 'explicit_request', source: 'guard', detail: 'asked for a person' }],
        urgency: 'normal',
        team: null,
        brief: { summary: 'Customer asked for a person.' },
      },
    });
    const delivery: OutboxDelivery = {
      id: 'alarm-delivery-1',
      notifier: 'webhook',
      type: event.type,
      payload: event,
      createdAt: now,
      attempts: 0,
      nextAttemptAt: now,
      status: 'pending',
    };
    await store.enqueueDeliveries([delivery]);

    // Nothing but the directory's alarm sends notifications in this Worker.
    await eventually(async () => receiver.requests[0]);
    const afterFailure = await eventually(async () => {
      const [stored] = await store.listDeliveries();
      return stored && stored.attempts === 1 && stored.lastError ? stored : undefined;
    });
    expect(afterFailure.status).toBe('pending');
    receiver.respondWith({ status: 204 });

    const delivered = await eventually(async () => {
      const [stored] = await store.listDeliveries();
      return stored?.status === 'delivered' ? stored : undefined;
    });
    // Usually 2; one more if a retry came between the failure and the receiver's recovery.
    expect(delivered.attempts).toBeGreaterThanOrEqual(2);
    expect(receiver.requests).toHaveLength(delivered.attempts);
    expect(new Set(receiver.requests.map((request) => request.headers[webhookHeaderNames.id]))).toEqual(
      new Set(['alarm-delivery-1']),
    );
    expect(JSON.parse(receiver.requests.at(-1)!.body)).toMatchObject({
      type: 'handoff.created',
      data: { conversationId: 'alarm-conversation', handoffId: 'alarm-handoff' },
    });
  });
});
