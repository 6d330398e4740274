import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOutbox, type Outbox, type OutboxOptions } from '../../src/notify/outbox.js';
import { createSlackNotifier } from '../../src/notify/slack-notifier.js';
import { generateWebhookSecret } from '../../src/notify/standard-webhooks.js';
import { createWebhookNotifier } from '../../src/notify/webhook-notifier.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { OutboxDelivery, Store } from '../../src/store/store.js';
import { handoffEvent, independentSignature } from './fixtures.js';
import { type Receiver, type ReceiverBehaviour, startReceiver } from './receiver.js';

const ok: ReceiverBehaviour = { status: 200, body: 'ok' };
const serverError: ReceiverBehaviour = { status: 500, body: 'boom' };
const receivers: Receiver[] = [];

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(behaviour: ReceiverBehaviour): Promise<Receiver> {
  const started = await startReceiver(behaviour);
  receivers.push(started);
  return started;
}

/** A clock the test moves by hand. */
function manualClock(start = '2026-03-01T10:00:00.000Z') {
  let now = new Date(start);
  return {
    clock: () => now,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    set(date: Date) {
      now = date;
    },
  };
}

const exact = { random: () => 0 };

function setup(
  notifierReceivers: Array<{ name: string; receiver: Receiver; timeoutMs?: number }>,
  options: Partial<OutboxOptions> = {},
) {
  const time = manualClock();
  const secret = generateWebhookSecret();
  const store = options.store ?? createMemoryStore();
  const notifiers = notifierReceivers.map(({ name, receiver, timeoutMs = 2_000 }) =>
    createWebhookNotifier({ url: receiver.url, secret, name, clock: time.clock, timeoutMs }),
  );
  const outbox = createOutbox({ store, notifiers, clock: time.clock, ...exact, ...options });
  return { time, secret, store, outbox };
}

/** Flushes at each due time until nothing is pending; returns the gaps between attempts. */
async function attemptTimes(outbox: Outbox, time: ReturnType<typeof manualClock>, maxFlushes: number) {
  const times: number[] = [];
  for (let flush = 0; flush < maxFlushes; flush++) {
    const due = await outbox.nextDueAt();
    if (!due) break;
    time.set(due);
    times.push(due.getTime());
    await outbox.flush();
  }
  return times;
}

describe('createOutbox', () => {
  it('retries a receiver that answers 500 with exponential backoff and delivers once it recovers', async () => {
    const webhook = await receiver(serverError);
    const { time, secret, store, outbox } = setup([{ name: 'webhook', receiver: webhook }], {
      backoff: { baseMs: 1000, factor: 2, maxMs: 60_000, maxAttempts: 12 },
    });
    const start = time.clock().getTime();
    const [queued] = await outbox.enqueue(handoffEvent());

    expect(await outbox.flush()).toEqual({ delivered: 0, retried: 1, failed: 0, storeErrors: 0 });
    expect(await outbox.nextDueAt()).toEqual(new Date(start + 1000));

    // Not due yet: nothing is sent.
    time.advance(999);
    expect(await outbox.flush()).toEqual({ delivered: 0, retried: 0, failed: 0, storeErrors: 0 });
    expect(webhook.requests).toHaveLength(1);

    time.advance(1);
    expect(await outbox.flush()).toMatchObject({ retried: 1 });
    expect(await outbox.nextDueAt()).toEqual(new Date(start + 1000 + 2000));
    time.advance(2000);
    expect(await outbox.flush()).toMatchObject({ retried: 1 });
    expect(await outbox.nextDueAt()).toEqual(new Date(start + 1000 + 2000 + 4000));

    webhook.respondWith(ok);
    time.advance(4000);
    expect(await outbox.flush()).toEqual({ delivered: 1, retried: 0, failed: 0, storeErrors: 0 });
    expect(await outbox.nextDueAt()).toBeNull();

    // Four attempts, one event: the same webhook-id and body each time, each validly signed.
    expect(webhook.requests).toHaveLength(4);
    const ids = new Set(webhook.requests.map((request) => request.headers['webhook-id']));
    expect([...ids]).toEqual([queued?.id]);
    expect(new Set(webhook.requests.map((request) => request.body)).size).toBe(1);
    expect(webhook.requests.map((request) => Number(request.headers['webhook-timestamp']) * 1000 - start)).toEqual([
      0, 1000, 3000, 7000,
    ]);
    for (const request of webhook.requests) {
      const timestamp = String(request.headers['webhook-timestamp']);
      expect(request.headers['webhook-signature']).toBe(
        independentSignature(secret, String(queued?.id), timestamp, request.body),
      );
    }
    expect(JSON.parse(webhook.requests[3]?.body ?? '{}').data).toEqual(handoffEvent());

    const [stored] = await store.listDeliveries();
    expect(stored).toMatchObject({
      status: 'delivered',
      attempts: 4,
      deliveredAt: new Date(start + 7000).toISOString(),
    });
    expect(stored?.lastError).toBeUndefined();

    // Delivered means done: much later, nothing is sent again.
    time.advance(24 * 3600_000);
    await outbox.flush();
    expect(webhook.requests).toHaveLength(4);
  });

  it('retries a receiver that hangs past the timeout, then delivers the same message', async () => {
    const webhook = await receiver('hang');
    const { time, store, outbox } = setup([{ name: 'webhook', receiver: webhook, timeoutMs: 100 }]);
    await outbox.enqueue(handoffEvent());

    expect(await outbox.flush()).toMatchObject({ retried: 1 });
    const [afterTimeout] = await store.listDeliveries();
    expect(afterTimeout?.lastError).toContain('timed out after 100 ms');
    time.advance(1000);
    expect(await outbox.flush()).toMatchObject({ retried: 1 });

    webhook.respondWith(ok);
    time.advance(2000);
    expect(await outbox.flush()).toMatchObject({ delivered: 1 });
    expect(webhook.requests).toHaveLength(3);
    expect(new Set(webhook.requests.map((request) => request.headers['webhook-id'])).size).toBe(1);
  });

  it('marks a delivery failed after maxAttempts and stops trying', async () => {
    const webhook = await receiver(serverError);
    const { time, store, outbox } = setup([{ name: 'webhook', receiver: webhook }], {
      backoff: { baseMs: 1000, factor: 3, maxMs: 5000, maxAttempts: 4 },
    });
    const start = time.clock().getTime();
    await outbox.enqueue(handoffEvent());

    const times = await attemptTimes(outbox, time, 10);
    // Gaps 1 s, 3 s, then capped at 5 s.
    expect(times.map((at) => at - start)).toEqual([0, 1000, 4000, 9000]);
    expect(webhook.requests).toHaveLength(4);
    const [stored] = await store.listDeliveries();
    expect(stored).toMatchObject({ status: 'failed', attempts: 4 });
    expect(stored?.lastError).toContain('HTTP 500');
    expect(await outbox.nextDueAt()).toBeNull();

    webhook.respondWith(ok);
    time.advance(3600_000);
    expect(await outbox.flush()).toEqual({ delivered: 0, retried: 0, failed: 0, storeErrors: 0 });
    expect(webhook.requests).toHaveLength(4);
  });

  it('fails at once on a non-retryable answer', async () => {
    const webhook = await receiver({ status: 410, body: 'gone' });
    const { store, outbox } = setup([{ name: 'webhook', receiver: webhook }]);
    await outbox.enqueue(handoffEvent());
    expect(await outbox.flush()).toEqual({ delivered: 0, retried: 0, failed: 1, storeErrors: 0 });
    expect((await store.listDeliveries())[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('waits at least as long as Retry-After asks', async () => {
    const webhook = await receiver({ status: 429, headers: { 'retry-after': '20' } });
    const { time, outbox } = setup([{ name: 'webhook', receiver: webhook }]);
    await outbox.enqueue(handoffEvent());
    await outbox.flush();
    expect(await outbox.nextDueAt()).toEqual(new Date(time.clock().getTime() + 20_000));
  });

  it('keeps notifiers independent: one that hangs or fails does not block the other', async () => {
    const down = await receiver('hang');
    const slackReceiver = await receiver(ok);
    const time = manualClock();
    const store = createMemoryStore();
    const outbox = createOutbox({
      store,
      clock: time.clock,
      ...exact,
      notifiers: [
        createWebhookNotifier({ url: down.url, secret: generateWebhookSecret(), clock: time.clock, timeoutMs: 200 }),
        createSlackNotifier({ webhookUrl: slackReceiver.url, clock: time.clock }),
      ],
    });
    const deliveries = await outbox.enqueue(handoffEvent());
    expect(deliveries.map((delivery) => delivery.notifier)).toEqual(['webhook', 'slack']);
    expect(new Set(deliveries.map((delivery) => delivery.id)).size).toBe(2);

    expect(await outbox.flush()).toEqual({ delivered: 1, retried: 1, failed: 0, storeErrors: 0 });
    expect(slackReceiver.requests).toHaveLength(1);

    // The webhook receiver turns into a 500; Slack is not sent again.
    down.respondWith(serverError);
    time.advance(1000);
    expect(await outbox.flush()).toEqual({ delivered: 0, retried: 1, failed: 0, storeErrors: 0 });
    down.respondWith(ok);
    time.advance(2000);
    expect(await outbox.flush()).toEqual({ delivered: 1, retried: 0, failed: 0, storeErrors: 0 });
    expect(slackReceiver.requests).toHaveLength(1);
    expect(down.requests).toHaveLength(3);
    const statuses = (await store.listDeliveries()).map((delivery) => [delivery.notifier, delivery.status]);
    expect(statuses).toEqual([
      ['webhook', 'delivered'],
      ['slack', 'delivered'],
    ]);
  });

  it('enqueues the same event once, and a different event anew', async () => {
    const webhook = await receiver(ok);
    const { store, outbox } = setup([{ name: 'webhook', receiver: webhook }]);
    const first = await outbox.enqueue(handoffEvent());
    const again = await outbox.enqueue(handoffEvent());
    expect(again.map((delivery) => delivery.id)).toEqual(first.map((delivery) => delivery.id));
    expect(await store.listDeliveries()).toHaveLength(1);
    expect(first[0]?.id).toMatch(/^msg_[0-9a-f]{32}$/);

    await outbox.flush();
    // Re-enqueueing a delivered event does not send it again.
    await outbox.enqueue(handoffEvent());
    await outbox.flush();
    expect(webhook.requests).toHaveLength(1);

    await outbox.enqueue(handoffEvent({ type: 'handoff.claimed', createdAt: '2026-03-01T10:05:00.000Z' }));
    await outbox.flush();
    expect(await store.listDeliveries()).toHaveLength(2);
    expect(webhook.requests.map((request) => JSON.parse(request.body).type)).toEqual([
      'handoff.created',
      'handoff.claimed',
    ]);
  });

  it('loses nothing across a restart: a new outbox on the same store delivers what the old one queued', async () => {
    const webhook = await receiver(serverError);
    const { time, store, secret, outbox } = setup([{ name: 'webhook', receiver: webhook }]);
    const [queued] = await outbox.enqueue(handoffEvent());
    await outbox.flush();

    // "Restart": new notifier and outbox objects, only the store is kept.
    webhook.respondWith(ok);
    const restarted = createOutbox({
      store,
      clock: time.clock,
      ...exact,
      notifiers: [createWebhookNotifier({ url: webhook.url, secret, clock: time.clock })],
    });
    time.advance(1000);
    expect(await restarted.flush()).toMatchObject({ delivered: 1 });
    expect(webhook.requests.map((request) => request.headers['webhook-id'])).toEqual([queued?.id, queued?.id]);
  });

  it('leases the delivery before sending, so a crash mid-attempt retries when the lease runs out', async () => {
    const webhook = await receiver('hang');
    const { time, store, outbox } = setup([{ name: 'webhook', receiver: webhook, timeoutMs: 5_000 }]);
    await outbox.enqueue(handoffEvent());
    const flushing = outbox.flush();
    await vi.waitFor(() => expect(webhook.requests).toHaveLength(1));

    const [inFlight] = await store.listDeliveries();
    expect(inFlight).toMatchObject({
      status: 'pending',
      attempts: 1,
      // The default lease (30 s) outlasts the first backoff (1 s) and the notifier's timeout.
      nextAttemptAt: new Date(time.clock().getTime() + 30_000).toISOString(),
    });
    // A flush that starts meanwhile joins the running one instead of sending twice.
    expect(outbox.flush()).toBe(flushing);

    webhook.respondWith(ok);
    await webhook.close();
    receivers.splice(receivers.indexOf(webhook), 1);
    expect(await flushing).toMatchObject({ retried: 1 });
  });

  it('sends a critical handoff before the others due with it', async () => {
    const webhook = await receiver(ok);
    const { outbox } = setup([{ name: 'webhook', receiver: webhook }]);
    await outbox.enqueue(handoffEvent({ handoffId: 'h-normal-1', urgency: 'normal' }));
    await outbox.enqueue(handoffEvent({ handoffId: 'h-normal-2', urgency: 'high' }));
    await outbox.enqueue(handoffEvent({ handoffId: 'h-crisis', urgency: 'critical' }));
    await outbox.flush();
    const order = webhook.requests.map((request) => JSON.parse(request.body).data.handoffId);
    expect(order).toEqual(['h-crisis', 'h-normal-1', 'h-normal-2']);
  });

  it('sends a delivery once when two outboxes (two processes) flush the same store at once', async () => {
    const webhook = await receiver(ok);
    const { time, store, outbox } = setup([{ name: 'webhook', receiver: webhook }]);
    const other = createOutbox({
      store,
      notifiers: [createWebhookNotifier({ url: webhook.url, secret: generateWebhookSecret(), clock: time.clock })],
      clock: time.clock,
      ...exact,
    });
    await outbox.enqueue(handoffEvent());
    const results = await Promise.all([outbox.flush(), other.flush()]);
    expect(webhook.requests).toHaveLength(1);
    expect(results.reduce((sum, result) => sum + result.delivered, 0)).toBe(1);
    expect((await store.listDeliveries())[0]).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('never throws on store errors: it reports them and tries again later', async () => {
    const webhook = await receiver(ok);
    const memory = createMemoryStore();
    let failUpdates = 1;
    let failReads = 1;
    const flaky: Store = {
      ...memory,
      async dueDeliveries(now, limit) {
        if (failReads-- > 0) throw new Error('store read failed');
        return memory.dueDeliveries(now, limit);
      },
      async updateDelivery(delivery: OutboxDelivery, expectedAttempts?: number) {
        if (failUpdates-- > 0) throw new Error('store write failed');
        return memory.updateDelivery(delivery, expectedAttempts);
      },
    };
    const warnings: string[] = [];
    const { outbox } = setup([{ name: 'webhook', receiver: webhook }], {
      store: flaky,
      logger: { warn: (message) => warnings.push(message) },
    });
    await outbox.enqueue(handoffEvent());

    expect(await outbox.flush()).toEqual({ delivered: 0, retried: 0, failed: 0, storeErrors: 1 });
    // The attempt could not be recorded, so it is not made.
    expect(await outbox.flush()).toEqual({ delivered: 0, retried: 0, failed: 0, storeErrors: 1 });
    expect(webhook.requests).toHaveLength(0);
    expect(await outbox.flush()).toEqual({ delivered: 1, retried: 0, failed: 0, storeErrors: 0 });
    expect(webhook.requests).toHaveLength(1);
    expect(warnings).toEqual(['Outbox could not read due deliveries.', 'Outbox could not update a delivery.']);
  });

  it('retries a delivery whose notifier is no longer configured, and logs failed attempts', async () => {
    const webhook = await receiver(ok);
    const other = await receiver(ok);
    const { time, store, outbox } = setup([
      { name: 'webhook', receiver: webhook },
      { name: 'audit', receiver: other },
    ]);
    await outbox.enqueue(handoffEvent());
    const warnings: Array<Record<string, unknown> | undefined> = [];
    const smaller = createOutbox({
      store,
      clock: time.clock,
      ...exact,
      notifiers: [createWebhookNotifier({ url: webhook.url, secret: generateWebhookSecret() })],
      logger: { warn: (_message, details) => warnings.push(details) },
    });
    expect(await smaller.flush()).toEqual({ delivered: 1, retried: 1, failed: 0, storeErrors: 0 });
    const audit = (await store.listDeliveries()).find((delivery) => delivery.notifier === 'audit');
    expect(audit).toMatchObject({ status: 'pending', attempts: 1 });
    expect(audit?.lastError).toContain('No notifier named audit');
    expect(warnings[0]).toMatchObject({ notifier: 'audit', attempts: 1 });
    expect(other.requests).toHaveLength(0);
  });

  it('spreads retries with jitter from the injected random source', async () => {
    const webhook = await receiver(serverError);
    const { time, outbox } = setup([{ name: 'webhook', receiver: webhook }], {
      random: () => 0.5,
      backoff: { baseMs: 1000, jitter: 0.5 },
    });
    await outbox.enqueue(handoffEvent());
    await outbox.flush();
    expect(await outbox.nextDueAt()).toEqual(new Date(time.clock().getTime() + 750));
  });

  it('rejects bad configuration and invalid events', async () => {
    const store = createMemoryStore();
    const notifier = createWebhookNotifier({ url: 'https://example.com', secret: generateWebhookSecret() });
    expect(() => createOutbox({ store, notifiers: [] })).toThrow(/at least one notifier/);
    expect(() => createOutbox({ store, notifiers: [notifier, notifier] })).toThrow(/Two notifiers/);
    expect(() => createOutbox({ store, notifiers: [notifier], backoff: { maxAttempts: 0 } })).toThrow(/maxAttempts/);
    expect(() => createOutbox({ store, notifiers: [notifier], backoff: { baseMs: 10, maxMs: 5 } })).toThrow(/maxMs/);
    const outbox = createOutbox({ store, notifiers: [notifier] });
    await expect(outbox.enqueue(handoffEvent({ createdAt: 'yesterday' }))).rejects.toThrow(TypeError);
    expect(await store.listDeliveries()).toHaveLength(0);
  });
});
