import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { parseSlackJson, readSignedSlackBody } from '../../src/desks/slack-request.js';
import { signSlackRequest, slackSignatureHeaders } from '../../src/desks/slack-signature.js';

const signingSecret = '8f742231b10e8888abcd99yyyzzz85a5';
const now = new Date('2026-03-01T10:00:00.000Z');

/** An app that answers the signed body it read, or the error's status. */
function app() {
  const routes = new Hono();
  routes.post('/', async (c) => c.text(await readSignedSlackBody(c, signingSecret, () => now)));
  routes.onError((error, c) => c.text(error.message, error instanceof HTTPException ? error.status : 500));
  return routes;
}

async function signed(body: string, at = now) {
  const timestamp = Math.floor(at.getTime() / 1000);
  const signature = await signSlackRequest({ signingSecret, timestamp, body });
  return { [slackSignatureHeaders.timestamp]: String(timestamp), [slackSignatureHeaders.signature]: signature };
}

describe('readSignedSlackBody', () => {
  it('answers the body of a request Slack signed', async () => {
    const response = await app().request('/', { method: 'POST', body: 'a=1', headers: await signed('a=1') });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('a=1');
  });

  it('refuses unsigned, forged and stale requests with 401', async () => {
    expect((await app().request('/', { method: 'POST', body: 'a=1' })).status).toBe(401);
    const forged = await app().request('/', { method: 'POST', body: 'a=2', headers: await signed('a=1') });
    expect(forged.status).toBe(401);
    const stale = await app().request('/', {
      method: 'POST',
      body: 'a=1',
      headers: await signed('a=1', new Date(now.getTime() - 10 * 60_000)),
    });
    expect(stale.status).toBe(401);
  });

  it('refuses a body above 1 MB with 413, by its length or by what was read', async () => {
    const big = 'x'.repeat(1_000_001);
    expect((await app().request('/', { method: 'POST', body: big, headers: await signed(big) })).status).toBe(413);
    const declared = await app().request('/', {
      method: 'POST',
      body: 'a=1',
      headers: { ...(await signed('a=1')), 'content-length': '2000000' },
    });
    expect(declared.status).toBe(413);
  });
});

describe('parseSlackJson', () => {
  it('reads a JSON object and refuses anything else with 400', () => {
    expect(parseSlackJson('{"type":"url_verification"}')).toEqual({ type: 'url_verification' });
    for (const text of ['', '{', 'null', '"text"', '3']) {
      expect(() => parseSlackJson(text)).toThrow(HTTPException);
    }
  });
});
