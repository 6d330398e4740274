import { createHmac } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWorker, type RunningWorker, startWorker } from '../support/miniflare.js';

let worker: RunningWorker | undefined;
let buildFolder: string | undefined;

afterAll(async () => {
  await worker?.dispose();
  if (buildFolder) await rm(buildFolder, { recursive: true, force: true });
});

/** Slack's signature, computed independently with Node's crypto. */
function sign(body: string, timestamp: number, secret = 'worker-signing-secret-0123456789') {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

describe('the Slack desk on Workers (workerd)', () => {
  it('verifies Slack signatures with WebCrypto inside workerd', async () => {
    const built = await buildWorker('test/desks/fixtures/slack-desk-worker.ts');
    buildFolder = built.folder;
    worker = await startWorker({ scriptPath: built.scriptPath, durableObjects: false });
    const body = JSON.stringify({ type: 'url_verification', challenge: 'worker-challenge' });
    const timestamp = Math.floor(Date.now() / 1000);
    const post = (signature: string, at = timestamp) =>
      worker!.fetch('/desk/events', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-slack-signature': signature,
          'x-slack-request-timestamp': String(at),
        },
        body,
      });
    const genuine = await post(sign(body, timestamp));
    expect(genuine.status).toBe(200);
    expect(await genuine.json()).toEqual({ challenge: 'worker-challenge' });
    expect((await post(sign(body, timestamp, 'another-secret-entirely'))).status).toBe(401);
    expect((await post(sign(body, timestamp - 301), timestamp - 301)).status).toBe(401);
  });
});
