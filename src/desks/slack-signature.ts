/**
 * Slack's request signing (https://api.slack.com/authentication/verifying-requests-from-slack), on
 * WebCrypto so it runs unchanged on Node and on Workers: `x-slack-signature` is `v0=` and the hex
 * HMAC-SHA256, keyed with the app's signing secret, of `v0:{x-slack-request-timestamp}:{raw body}`.
 */

/** Header names Slack signs with, lower case. */
export const slackSignatureHeaders = {
  signature: 'x-slack-signature',
  timestamp: 'x-slack-request-timestamp',
} as const;

const encoder = new TextEncoder();

/** What {@link signSlackRequest} signs. */
export interface SignSlackRequestInput {
  signingSecret: string;
  /** Unix time in seconds, sent as `x-slack-request-timestamp`. */
  timestamp: number;
  /** The exact request body. */
  body: string;
}

/** What {@link verifySlackRequest} checks. */
export interface VerifySlackRequestInput {
  signingSecret: string;
  headers: Headers;
  /** The exact body as received, before any parsing. */
  body: string;
  /** @default new Date() */
  now?: Date;
  /** How far the timestamp may be from `now`, either way, in seconds. @default 300 (Slack's five minutes) */
  toleranceSeconds?: number;
}

/**
 * The `x-slack-signature` value for a request (`v0=<hex>`): what Slack sends, and what the
 * test fakes send.
 *
 * @example
 * const signature = await signSlackRequest({ signingSecret, timestamp: 1_700_000_000, body });
 */
export async function signSlackRequest({ signingSecret, timestamp, body }: SignSlackRequestInput): Promise<string> {
  if (!Number.isSafeInteger(timestamp)) throw new TypeError('Slack request timestamp must be whole seconds.');
  return `v0=${await hmacHex(signingSecret, `v0:${timestamp}:${body}`)}`;
}

/**
 * True when the request carries a valid signature made within `toleranceSeconds` of `now`
 * (older ones could be replays), compared in constant time; false for anything missing or malformed.
 */
export async function verifySlackRequest({
  signingSecret,
  headers,
  body,
  now = new Date(),
  toleranceSeconds = 300,
}: VerifySlackRequestInput): Promise<boolean> {
  const signature = headers.get(slackSignatureHeaders.signature);
  const timestampText = headers.get(slackSignatureHeaders.timestamp);
  if (!signature || !timestampText || !/^\d{1,15}$/.test(timestampText)) return false;
  const timestamp = Number(timestampText);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = await signSlackRequest({ signingSecret, timestamp, body });
  return constantTimeEqual(signature, expected);
}

async function hmacHex(secret: string, content: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const digest = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(content)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Compares two strings in time that depends only on their lengths. */
function constantTimeEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index++) difference |= (a.charCodeAt(index) || 0) ^ (b.charCodeAt(index) || 0);
  return difference === 0;
}
