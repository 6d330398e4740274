import { afterEach, describe, expect, it } from 'vitest';
import { NotificationError } from '../../src/errors/notification-error.js';
import { generateWebhookSecret, verifyWebhook } from '../../src/notify/standard-webhooks.js';
import { createWebhookNotifier } from '../../src/notify/webhook-notifier.js';
import { delivery, handoffEvent, independentSignature } from './fixtures.js';
import { type Receiver, startReceiver } from './receiver.js';

const now = new Date('2026-03-01T10:00:05.000Z');
const signal = new AbortController().signal;
let receiver: Receiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

async function failure(promise: Promise<unknown>): Promise<NotificationError> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!NotificationError.isInstance(error)) throw new Error(`Expected a NotificationError, got ${String(error)}`);
  return error;
}

describe('createWebhookNotifier', () => {
  it('POSTs the signed Standard Webhooks payload, verifiable with node:crypto', async () => {
    receiver = await startReceiver();
    const secret = generateWebhookSecret();
    const notifier = createWebhookNotifier({ url: receiver.url, secret, clock: () => now });
    const event = handoffEvent();

    await notifier.deliver(delivery(event), { signal });

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/hooks');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['webhook-id']).toBe('msg_test_1');
    expect(request?.headers['webhook-timestamp']).toBe(String(now.getTime() / 1000));
    const signature = String(request?.headers['webhook-signature']);
    const body = request?.body ?? '';
    expect(signature).toBe(independentSignature(secret, 'msg_test_1', String(now.getTime() / 1000), body));
    expect(JSON.parse(body)).toEqual({ type: 'handoff.created', timestamp: event.createdAt, data: event });
    expect(await verifyWebhook({ secret, headers: request?.headers ?? {}, body, now })).toBe(true);
    expect(notifier.name).toBe('webhook');
  });

  it('throws a retryable NotificationError on a 5xx, with the status and the start of the body', async () => {
    receiver = await startReceiver({ status: 503, body: 'down for maintenance' });
    const notifier = createWebhookNotifier({ url: receiver.url, secret: generateWebhookSecret(), name: 'ops' });
    const error = await failure(notifier.deliver(delivery(), { signal }));
    expect(error).toMatchObject({ notifier: 'ops', status: 503, retryable: true });
    expect(error.message).toContain('down for maintenance');
  });

  it('throws a non-retryable error on a 4xx other than 408/425/429', async () => {
    receiver = await startReceiver({ status: 404 });
    const notifier = createWebhookNotifier({ url: receiver.url, secret: generateWebhookSecret() });
    expect(await failure(notifier.deliver(delivery(), { signal }))).toMatchObject({ status: 404, retryable: false });
  });

  it('reads Retry-After on a 429', async () => {
    receiver = await startReceiver({ status: 429, headers: { 'retry-after': '30' } });
    const notifier = createWebhookNotifier({ url: receiver.url, secret: generateWebhookSecret() });
    expect(await failure(notifier.deliver(delivery(), { signal }))).toMatchObject({
      status: 429,
      retryable: true,
      retryAfterMs: 30_000,
    });
  });

  it('does not follow redirects', async () => {
    receiver = await startReceiver({ status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } });
    const notifier = createWebhookNotifier({ url: receiver.url, secret: generateWebhookSecret() });
    expect(await failure(notifier.deliver(delivery(), { signal }))).toMatchObject({ status: 302, retryable: false });
    expect(receiver.requests).toHaveLength(1);
  });

  it('gives up on a receiver that hangs past the timeout, retryably', async () => {
    receiver = await startReceiver('hang');
    const notifier = createWebhookNotifier({ url: receiver.url, secret: generateWebhookSecret(), timeoutMs: 100 });
    const error = await failure(notifier.deliver(delivery(), { signal }));
    expect(error).toMatchObject({ status: undefined, retryable: true });
    expect(error.message).toContain('timed out after 100 ms');
  });

  it('reports a refused connection as retryable', async () => {
    receiver = await startReceiver();
    const url = receiver.url;
    await receiver.close();
    receiver = undefined;
    const notifier = createWebhookNotifier({ url, secret: generateWebhookSecret() });
    expect(await failure(notifier.deliver(delivery(), { signal }))).toMatchObject({
      status: undefined,
      retryable: true,
    });
  });

  it('masks PII in the event text when redact is on, keeping ids and link', async () => {
    receiver = await startReceiver();
    const notifier = createWebhookNotifier({ url: receiver.url, secret: generateWebhookSecret(), redact: true });
    const event = handoffEvent({
      conversationId: '4155550123456',
      summary: 'Reach me at jane.doe@example.com or +1 415 555 0123.',
      reasons: [{ reason: 'high_stakes', detail: 'Card 4111 1111 1111 1111 was charged.' }],
      link: 'https://console.example.com/c/4155550123456',
    });
    await notifier.deliver(delivery(event), { signal });
    const { data } = JSON.parse(receiver.requests[0]?.body ?? '{}');
    expect(data.summary).toBe('Reach me at [email] or [phone].');
    expect(data.reasons[0].detail).toBe('Card [card] was charged.');
    expect(data.conversationId).toBe('4155550123456');
    expect(data.link).toBe(event.link);
  });

  it('rejects bad configuration when created', () => {
    expect(() => createWebhookNotifier({ url: 'not a url', secret: generateWebhookSecret() })).toThrow(/valid URL/);
    expect(() => createWebhookNotifier({ url: 'ftp://example.com', secret: generateWebhookSecret() })).toThrow(/http/);
    expect(() => createWebhookNotifier({ url: 'https://example.com', secret: 'whsec_!!' })).toThrow(/secret/);
    expect(() => createWebhookNotifier({ url: 'https://example.com', secret: '' })).toThrow(/secret/);
  });
});
