import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { httpError, zodIssues } from './http-error.js';

function payloadTooLarge(maxBytes: number): Error {
  return httpError(413, 'payload_too_large', `The body is larger than the limit of ${maxBytes} bytes.`);
}

/**
 * The body as text; a 413 `HttpError` over `maxBytes`. A declared `content-length` is checked
 * before anything is read (the HTTP parser delivers no more than it declares) and the body read
 * whole; a chunked body goes through Hono's `bodyLimit`, which counts it as it streams in and
 * cuts it at the limit.
 */
async function readTextWithin(c: Context, maxBytes: number): Promise<string> {
  const declared = c.req.header('content-length');
  const text =
    declared !== undefined && c.req.header('transfer-encoding') === undefined
      ? await readDeclared(c, Number(declared), maxBytes)
      : await readCounted(c, maxBytes);
  // A body whose length was not what it declared (a hand-made Request) is measured here
  // (encoded only when it could be over: a UTF-16 code unit is at most 3 bytes of UTF-8).
  if (text.length * 3 > maxBytes && new TextEncoder().encode(text).byteLength > maxBytes) {
    throw payloadTooLarge(maxBytes);
  }
  return text;
}

async function readDeclared(c: Context, declaredBytes: number, maxBytes: number): Promise<string> {
  if (!(declaredBytes <= maxBytes)) throw payloadTooLarge(maxBytes);
  return await c.req.text();
}

async function readCounted(c: Context, maxBytes: number): Promise<string> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw payloadTooLarge(maxBytes);
    },
  });
  let text = '';
  try {
    await limit(c, async () => {
      text = await c.req.text();
    });
  } catch (error) {
    // Older Hono 4 releases report an overflowing chunked body by failing the read with a `BodyLimitError`.
    if (error instanceof Error && error.name === 'BodyLimitError') throw payloadTooLarge(maxBytes);
    throw error;
  }
  return text;
}

/**
 * Reads and validates a JSON request body: 415 for another content type, 413 over the size
 * limit, 400 for invalid JSON or a body that does not match the schema. A declared
 * `content-length` over the limit is refused unread, and a body without one (chunked) is counted
 * as it streams in and cut at the limit, not read whole. It runs here, inside
 * the route, so a request is authorized before its body is read.
 */
export async function readJsonBody<T extends z.ZodType>(c: Context, schema: T, maxBytes: number): Promise<z.infer<T>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    throw httpError(415, 'unsupported_media_type', 'Send the body as JSON with content-type application/json.');
  }
  const text = await readTextWithin(c, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw httpError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw httpError(
      400,
      'invalid_request',
      'The body does not have the expected shape.',
      zodIssues(result.error.issues),
    );
  }
  return result.data;
}
