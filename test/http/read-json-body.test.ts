import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handleErrors } from '../../src/http/error-handler.js';
import { readJsonBody } from '../../src/http/read-json-body.js';
import { createConsoleLogger } from '../../src/logger.js';

const limit = 64;
const schema = z.object({ text: z.string() });

function app(): Hono {
  const routes = new Hono();
  routes.post('/echo', async (c) => c.json(await readJsonBody(c, schema, limit)));
  routes.onError(handleErrors(createConsoleLogger()));
  return routes;
}

/** A request body streamed in chunks with no `content-length`, counting how many bytes were pulled. */
function chunkedBody(chunks: string[]): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  const encoder = new TextEncoder();
  let index = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) return controller.close();
      pulled += chunk.length;
      controller.enqueue(encoder.encode(chunk));
    },
  });
  return { body, pulled: () => pulled };
}

function post(body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return app().request('/echo', { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
}

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string }> {
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, code: error.code, message: error.message };
}

describe('readJsonBody', () => {
  it('returns the parsed body, up to exactly the limit, multi-byte text included', async () => {
    const text = `${'é'.repeat(25)}abc`; // 53 bytes of UTF-8: the body is exactly 64 bytes
    const body = JSON.stringify({ text });
    expect(new TextEncoder().encode(body).byteLength).toBe(limit);
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ text });
  });

  it('answers 413 with the JSON error body when the declared content-length is over the limit', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(100) });
    const response = await post(body, { 'content-type': 'application/json', 'content-length': String(body.length) });
    expect(await errorOf(response)).toEqual({
      status: 413,
      code: 'payload_too_large',
      message: `The body is larger than the limit of ${limit} bytes.`,
    });
  });

  it('cuts a chunked body at the limit instead of reading it whole', async () => {
    const chunks = ['{"text":"', ...Array.from({ length: 50 }, () => 'y'.repeat(32)), '"}'];
    const { body, pulled } = chunkedBody(chunks);
    const response = await post(body);
    expect((await errorOf(response)).code).toBe('payload_too_large');
    expect(response.status).toBe(413);
    expect(pulled()).toBeLessThan(limit + 3 * 32);
  });

  it('accepts a chunked body within the limit', async () => {
    const { body } = chunkedBody(['{"te', 'xt":"hel', 'lo"}']);
    const response = await post(body);
    expect(await response.json()).toEqual({ text: 'hello' });
  });

  it.each([
    ['invalid JSON', '{"text": ', 'invalid_json'],
    ['an empty body', '', 'invalid_json'],
    ['a body of the wrong shape', '{"text": 3}', 'invalid_request'],
  ])('answers 400 for %s', async (_name, body, code) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe(code);
  });

  it('answers 415 for another content type, before looking at the size', async () => {
    const response = await post('x'.repeat(1000), { 'content-type': 'text/plain' });
    expect(await errorOf(response)).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  });
});
