import { describe, expect, it } from 'vitest';
import { generateWebhookSecret, signWebhook, verifyWebhook } from '../../src/notify/standard-webhooks.js';
import { independentSignature } from './fixtures.js';

// The test vector published with the Standard Webhooks reference libraries.
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const signedAt = new Date(vector.timestamp * 1000);

function headersFor(signature: string, timestamp = vector.timestamp, id = vector.id) {
  return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature };
}

describe('signWebhook', () => {
  it('reproduces the reference test vector', async () => {
    expect(await signWebhook(vector)).toBe(vector.signature);
  });

  it('matches an independent HMAC for a random secret and a unicode body', async () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ summary: 'Kundin möchte Rückerstattung 💸' });
    const signature = await signWebhook({ secret, id: 'msg_1', timestamp: 1_700_000_000, body });
    expect(signature).toBe(independentSignature(secret, 'msg_1', 1_700_000_000, body));
  });

  it('signs bytes like the same text', async () => {
    const bytes = new TextEncoder().encode(vector.body);
    expect(await signWebhook({ ...vector, body: bytes })).toBe(vector.signature);
  });

  it('accepts a secret without the whsec_ prefix and rejects one that is not base64', async () => {
    expect(await signWebhook({ ...vector, secret: vector.secret.slice('whsec_'.length) })).toBe(vector.signature);
    await expect(signWebhook({ ...vector, secret: 'whsec_not base64!' })).rejects.toThrow(TypeError);
    await expect(signWebhook({ ...vector, timestamp: 1.5 })).rejects.toThrow(TypeError);
  });
});

describe('verifyWebhook', () => {
  const verify = (overrides: Partial<Parameters<typeof verifyWebhook>[0]> = {}) =>
    verifyWebhook({
      secret: vector.secret,
      headers: headersFor(vector.signature),
      body: vector.body,
      now: signedAt,
      ...overrides,
    });

  it('accepts the reference vector, from a plain record or Headers', async () => {
    expect(await verify()).toBe(true);
    expect(await verify({ headers: new Headers(headersFor(vector.signature)) })).toBe(true);
    expect(
      await verify({
        headers: { 'Webhook-Id': vector.id, 'WEBHOOK-TIMESTAMP': '1614265330', 'webhook-signature': vector.signature },
      }),
    ).toBe(true);
  });

  it('rejects a tampered body', async () => {
    expect(await verify({ body: '{"test": 2432232315}' })).toBe(false);
  });

  it('rejects the wrong secret', async () => {
    expect(await verify({ secret: generateWebhookSecret() })).toBe(false);
  });

  it('rejects a changed id, since the id is signed', async () => {
    expect(await verify({ headers: headersFor(vector.signature, vector.timestamp, 'msg_other') })).toBe(false);
  });

  it('rejects a stale or future timestamp beyond the tolerance, and accepts one within it', async () => {
    expect(await verify({ now: new Date((vector.timestamp + 301) * 1000) })).toBe(false);
    expect(await verify({ now: new Date((vector.timestamp - 301) * 1000) })).toBe(false);
    expect(await verify({ now: new Date((vector.timestamp + 299) * 1000) })).toBe(true);
    expect(await verify({ now: new Date((vector.timestamp + 3600) * 1000), toleranceSeconds: 7200 })).toBe(true);
  });

  it('rejects a re-signed message whose timestamp was moved', async () => {
    // The attacker changes the timestamp header but cannot re-sign it.
    expect(await verify({ headers: headersFor(vector.signature, vector.timestamp + 10) })).toBe(false);
  });

  it('accepts a space-separated signature list where any v1 entry matches', async () => {
    const other = independentSignature(generateWebhookSecret(), vector.id, vector.timestamp, vector.body);
    expect(await verify({ headers: headersFor(`${other} ${vector.signature}`) })).toBe(true);
    expect(await verify({ headers: headersFor(`v1a,${vector.signature.slice(3)} ${other}`) })).toBe(false);
  });

  it('rejects missing or malformed headers', async () => {
    expect(await verify({ headers: { 'webhook-id': vector.id, 'webhook-timestamp': '1614265330' } })).toBe(false);
    expect(await verify({ headers: headersFor(vector.signature, Number.NaN) })).toBe(false);
    expect(await verify({ headers: headersFor('garbage') })).toBe(false);
    expect(await verify({ headers: headersFor(vector.signature.slice(3)) })).toBe(false);
  });
});

describe('generateWebhookSecret', () => {
  it('makes distinct whsec_ secrets of 32 random bytes', () => {
    const first = generateWebhookSecret();
    const second = generateWebhookSecret();
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(first.slice(6), 'base64')).toHaveLength(32);
    expect(first).not.toBe(second);
  });
});
