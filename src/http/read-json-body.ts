import type { Context } from 'hono';
import type { z } from 'zod';
import { httpError, zodIssues } from './http-error.js';

/**
 * Reads and validates a JSON request body: 415 for another content type, 413 over the
 * size limit (counted as the body streams in, so a chunked body without `content-length`
 * is cut at the limit, not read whole), 400 for invalid JSON or a body that does not match
 * the schema.
 */
export async function readJsonBody<T extends z.ZodType>(c: Context, schema: T, maxBytes: number): Promise<z.infer<T>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
    throw httpError(415, 'unsupported_media_type', 'Send the body as JSON with content-type application/json.');
  }
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw httpError(413, 'payload_too_large', `The body is larger than the limit of ${maxBytes} bytes.`);
  }
  const buffer = await readWithin(c.req.raw, maxBytes);
  if (buffer === null) {
    throw httpError(413, 'payload_too_large', `The body is larger than the limit of ${maxBytes} bytes.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(buffer));
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

/** The body's bytes, or null as soon as more than `maxBytes` have arrived (the rest is not read). */
async function readWithin(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
