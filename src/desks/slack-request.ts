import type { Context } from 'hono';
import { httpError } from '../http/http-error.js';
import { verifySlackRequest } from './slack-signature.js';

/** The most a Slack request body may hold. */
const maxBodyBytes = 1_000_000;

/**
 * The raw body of a request Slack signed with `signingSecret` within five minutes of `clock()`:
 * 413 above 1 MB (by `content-length`, then by the body read), 401 for anything unsigned.
 */
export async function readSignedSlackBody(c: Context, signingSecret: string, clock: () => Date): Promise<string> {
  const body = await readBody(c);
  const now = clock();
  if (!(await verifySlackRequest({ signingSecret, headers: c.req.raw.headers, body, now }))) {
    throw httpError(
      401,
      'invalid_slack_signature',
      'The request is not signed by Slack, or is older than five minutes.',
    );
  }
  return body;
}

async function readBody(c: Context): Promise<string> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > maxBodyBytes)
    throw httpError(413, 'payload_too_large', `Slack requests are at most ${maxBodyBytes} bytes.`);
  const body = await c.req.text();
  if (body.length > maxBodyBytes)
    throw httpError(413, 'payload_too_large', `Slack requests are at most ${maxBodyBytes} bytes.`);
  return body;
}

/** `text` as the JSON object Slack sends; 400 for anything else (invalid JSON, a string, null). */
export function parseSlackJson<T>(text: string): T {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object') return value as T;
  } catch {
    // Answered below.
  }
  throw httpError(400, 'invalid_json', 'The body is not the JSON Slack sends.');
}
