import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWebhookSecret } from '../../src/notify/standard-webhooks.js';
import { buildWorker, type RunningWorker, startWorker } from '../support/miniflare.js';
import { handoffEvent, independentSignature } from './fixtures.js';
import { type Receiver, startReceiver } from './receiver.js';

let receiver: Receiver;
let worker: RunningWorker | undefined;
let buildFolder: string | undefined;

beforeAll(async () => {
  receiver = await startReceiver();
});

afterAll(async () => {
  await worker?.dispose();
  await receiver?.close();
  if (buildFolder) await rm(buildFolder, { recursive: true, force: true });
});

describe('notify on Workers (workerd)', () => {
  it('signs with WebCrypto, posts with fetch and flushes the outbox inside workerd', async () => {
    // Bundled as wrangler does (browser platform, workerd conditions): a Node built-in anywhere in src/notify's graph fails the build.
    const built = await buildWorker('test/notify/fixtures/notify-worker.ts');
    buildFolder = built.folder;
    const secret = generateWebhookSecret();
    worker = await startWorker({
      scriptPath: built.scriptPath,
      durableObjects: false,
      bindings: { RECEIVER_URL: receiver.url, WEBHOOK_SECRET: secret },
    });

    const event = handoffEvent({ summary: 'Write to jane@example.com' });
    const response = await worker.fetch('/', { method: 'POST', body: JSON.stringify(event) });
    const answer = (await response.json()) as { result: unknown; ids: string[]; vector: string };

    expect(answer.result).toEqual({ delivered: 2, retried: 0, failed: 0, storeErrors: 0 });
    expect(answer.vector).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    const webhook = receiver.requests.find((request) => request.url === '/hooks/webhook');
    const slack = receiver.requests.find((request) => request.url === '/hooks/slack');
    expect(webhook?.headers['webhook-id']).toBe(answer.ids[0]);
    expect(webhook?.headers['webhook-signature']).toBe(
      independentSignature(
        secret,
        String(answer.ids[0]),
        String(webhook?.headers['webhook-timestamp']),
        webhook?.body ?? '',
      ),
    );
    expect(JSON.parse(webhook?.body ?? '{}').data).toEqual(event);
    expect(slack?.body).toContain('Write to [email]');
  });
});
