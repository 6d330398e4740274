import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import { createWebhookNotifier, generateWebhookSecret } from '../../src/notify/index.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = statuses.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

let close: (() => Promise<unknown>) | undefined;
afterEach(async () => close?.());

describe('handoff notifications', () => {
  it('sends a signed handoff.created webhook, retried until the receiver is back', async () => {
    const hook = await receiver([500]);
    close = hook.close;
    const secret = generateWebhookSecret();
    let now = new Date('2026-11-25T10:00:00Z');
    const engine = createHandrailEngine({
      model: createOfflineModel(),
      brief: { model: false },
      clock: () => now,
      notifiers: [createWebhookNotifier({ url: hook.url, secret })],
    });
    const response = await engine.app.request('/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: chatBody('notify-conv-1', [userMessage('I want to speak to a manager right now')]),
    });
    expect(response.status).toBe(200);
    await engine.idle();
    expect(hook.received).toHaveLength(1); // the first attempt got a 500
    now = new Date(now.getTime() + 60_000);
    await engine.flushOutbox();
    expect(hook.received).toHaveLength(2);
    const [first, second] = hook.received;
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    const event = JSON.parse(second!.body) as {
      type: string;
      data: { conversationId: string; reasons: { reason: string }[] };
    };
    expect(event.type).toBe('handoff.created');
    expect(event.data).toMatchObject({ conversationId: 'notify-conv-1', reasons: [{ reason: 'explicit_request' }] });
    // An independent check of the Standard Webhooks signature.
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    const signed = `${second!.headers['webhook-id']}.${second!.headers['webhook-timestamp']}.${second!.body}`;
    const expected = createHmac('sha256', key).update(signed).digest('base64');
    expect(String(second!.headers['webhook-signature']).split(' ')).toContain(`v1,${expected}`);
  });
});
