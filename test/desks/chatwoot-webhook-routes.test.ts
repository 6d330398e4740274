import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { parseChatwootWebhook } from '../../src/desks/chatwoot-webhook-routes.js';

function statusOf(run: () => unknown): number | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof HTTPException ? error.status : -1;
  }
  return undefined;
}

describe('parseChatwootWebhook', () => {
  it('reads the JSON Chatwoot sends', () => {
    expect(parseChatwootWebhook('{"event":"message_created","id":7}')).toEqual({ event: 'message_created', id: 7 });
  });

  it('answers 400 for a body that is not JSON and 413 above 1 MB', () => {
    expect(statusOf(() => parseChatwootWebhook('{"event":'))).toBe(400);
    expect(statusOf(() => parseChatwootWebhook(`"${'x'.repeat(1_000_000)}"`))).toBe(413);
    expect(statusOf(() => parseChatwootWebhook(`"${'x'.repeat(999_998)}"`))).toBeUndefined();
  });
});
