/**
 * The Standard Webhooks signing scheme (https://www.standardwebhooks.com/), on WebCrypto
 * so it runs unchanged on Node and on Workers.
 *
 * A signed request carries three headers: `webhook-id` (stable across retries, so the
 * receiver can drop duplicates), `webhook-timestamp` (unix seconds of this attempt) and
 * `webhook-signature` (`v1,<base64 HMAC-SHA256 of "${id}.${timestamp}.${body}">`, several
 * space-separated signatures allowed while a secret is rotated).
 */

/** Header names of the scheme, lower case. */
export const webhookHeaderNames = {
  id: 'webhook-id',
  timestamp: 'webhook-timestamp',
  signature: 'webhook-signature',
} as const;

const secretPrefix = 'whsec_';
const signatureVersion = 'v1';
const encoder = new TextEncoder();

/** What {@link signWebhook} signs. */
export interface SignWebhookInput {
  /** Secret as `whsec_<base64>` (the prefix is optional). */
  secret: string;
  /** The message id, sent as `webhook-id`; the same for every retry of one message. */
  id: string;
  /** Unix time in seconds of this attempt, sent as `webhook-timestamp`. */
  timestamp: number;
  /** The exact request body. */
  body: string | Uint8Array;
}

/** Headers as a `Headers` object or a plain record (Node's `IncomingHttpHeaders` fits). */
export type WebhookHeadersInput = Headers | Record<string, string | string[] | undefined>;

/** What {@link verifyWebhook} checks. */
export interface VerifyWebhookInput {
  /** Secret as `whsec_<base64>` (the prefix is optional). */
  secret: string;
  headers: WebhookHeadersInput;
  /** The exact request body as received, before any JSON parsing. */
  body: string | Uint8Array;
  /** Current time. @default new Date() */
  now?: Date;
  /** How far `webhook-timestamp` may be from `now`, either way, in seconds. @default 300 */
  toleranceSeconds?: number;
}

/**
 * Signs one message: returns the `webhook-signature` header value (`v1,<base64>`).
 * Throws a `TypeError` when the secret is not valid base64 or the timestamp is not an integer.
 *
 * @example
 * const signature = await signWebhook({ secret, id: 'msg_1', timestamp: 1_700_000_000, body });
 */
export async function signWebhook({ secret, id, timestamp, body }: SignWebhookInput): Promise<string> {
  if (!Number.isSafeInteger(timestamp)) {
    throw new TypeError('Webhook timestamp must be an integer number of seconds.');
  }
  const key = await importSecret(secret);
  const digest = await crypto.subtle.sign('HMAC', key, signedContent(id, timestamp, body));
  return `${signatureVersion},${bytesToBase64(new Uint8Array(digest))}`;
}

/**
 * Checks a received message: the headers are present, the timestamp is within
 * `toleranceSeconds` of `now`, and one of the `v1` signatures matches, compared in
 * constant time. Returns false for any mismatch or malformed header; throws a `TypeError`
 * only when the secret itself is malformed (a configuration mistake).
 */
export async function verifyWebhook({
  secret,
  headers,
  body,
  now = new Date(),
  toleranceSeconds = 300,
}: VerifyWebhookInput): Promise<boolean> {
  const key = await importSecret(secret);
  const id = readHeader(headers, webhookHeaderNames.id);
  const timestampText = readHeader(headers, webhookHeaderNames.timestamp);
  const signatureHeader = readHeader(headers, webhookHeaderNames.signature);
  if (!id || !timestampText || !signatureHeader) return false;
  if (!/^\d{1,15}$/.test(timestampText)) return false;
  const timestamp = Number(timestampText);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;

  const digest = await crypto.subtle.sign('HMAC', key, signedContent(id, timestamp, body));
  const expected = bytesToBase64(new Uint8Array(digest));
  let matched = false;
  for (const entry of signatureHeader.split(' ')) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== signatureVersion) continue;
    // Keep checking after a match so the time taken does not depend on which entry matched.
    if (constantTimeEqual(entry.slice(comma + 1), expected)) matched = true;
  }
  return matched;
}

/** A new random secret (32 bytes) in the `whsec_<base64>` form. */
export function generateWebhookSecret(): string {
  return `${secretPrefix}${bytesToBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
}

async function importSecret(secret: string): Promise<CryptoKey> {
  const encoded = secret.startsWith(secretPrefix) ? secret.slice(secretPrefix.length) : secret;
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(encoded);
  } catch (error) {
    throw new TypeError('Webhook secret must be base64, optionally prefixed with whsec_.', { cause: error });
  }
  if (bytes.length === 0) throw new TypeError('Webhook secret is empty.');
  return crypto.subtle.importKey('raw', toArrayBuffer(bytes), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

function signedContent(id: string, timestamp: number, body: string | Uint8Array): ArrayBuffer {
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const bodyBytes = typeof body === 'string' ? encoder.encode(body) : body;
  const content = new Uint8Array(prefix.length + bodyBytes.length);
  content.set(prefix, 0);
  content.set(bodyBytes, prefix.length);
  return content.buffer;
}

function readHeader(headers: WebhookHeadersInput, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() !== name) continue;
    return Array.isArray(value) ? value.join(' ') : value;
  }
  return undefined;
}

/** Compares two strings in time that depends only on their lengths. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) {
    difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  }
  return difference === 0;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
