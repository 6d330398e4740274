import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { convertV4MiniflareOptions, Log, LogLevel, Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWebhookSecret } from '../../src/notify/standard-webhooks.js';
import { readWranglerCompatibility } from '../support/miniflare.js';
import { handoffEvent, independentSignature } from './fixtures.js';
import { type Receiver, startReceiver } from './receiver.js';

let receiver: Receiver;
let miniflare: Miniflare | undefined;
let buildFolder: string | undefined;

/**
 * Bundles the fixture as wrangler does (browser platform, workerd conditions): a Node
 * built-in anywhere in src/notify's graph fails this build.
 */
async function buildFixture(): Promise<string> {
  buildFolder = await mkdtemp(join(tmpdir(), 'handrail-notify-worker-'));
  const outfile = join(buildFolder, 'worker.mjs');
  await build({
    entryPoints: [resolve(import.meta.dirname, 'fixtures/notify-worker.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    target: 'es2024',
    conditions: ['workerd', 'worker', 'browser'],
    external: ['cloudflare:*'],
    logLevel: 'silent',
  });
  return outfile;
}

beforeAll(async () => {
  receiver = await startReceiver();
});

afterAll(async () => {
  await miniflare?.dispose();
  await receiver?.close();
  if (buildFolder) await rm(buildFolder, { recursive: true, force: true });
});

describe('notify on Workers (workerd)', () => {
  it('signs with WebCrypto, posts with fetch and flushes the outbox inside workerd', async () => {
    const scriptPath = await buildFixture();
    const secret = generateWebhookSecret();
    const { date, flags } = await readWranglerCompatibility();
    miniflare = new Miniflare(
      convertV4MiniflareOptions({
        modules: true,
        scriptPath,
        modulesRoot: buildFolder,
        compatibilityDate: date,
        compatibilityFlags: flags,
        host: '127.0.0.1',
        port: 0,
        bindings: { RECEIVER_URL: receiver.url, WEBHOOK_SECRET: secret },
        log: new Log(LogLevel.WARN),
      }),
    );
    const workerUrl = await miniflare.ready;

    const event = handoffEvent({ summary: 'Write to jane@example.com' });
    const response = await fetch(workerUrl, { method: 'POST', body: JSON.stringify(event) });
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
