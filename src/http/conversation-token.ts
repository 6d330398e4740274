import { sha256Hex } from './sha256.js';

/** Header that carries a conversation's access token, in both directions. */
export const conversationTokenHeader = 'x-handrail-conversation-token';

/** A new unguessable token (256 random bits, base64url). */
export function generateToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return base64Url(bytes);
}

/** A new unguessable conversation id (128 random bits). */
export function generateConversationId(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * SHA-256 of a token, hex-encoded: what the store keeps instead of the token. Computed in
 * JavaScript ({@link sha256Hex}), the same digest `crypto.subtle` gives, without its thread-pool job.
 */
export async function hashToken(token: string): Promise<string> {
  return sha256Hex(token);
}

/** Compares two strings in time that does not depend on where they differ. */
export function timingSafeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index++) difference |= (left[index] ?? 0) ^ (right[index] ?? 0);
  return difference === 0;
}

/** Whether `token` matches the stored hash. */
export async function verifyToken(token: string | undefined, tokenHash: string | undefined): Promise<boolean> {
  if (!token || !tokenHash) return false;
  return timingSafeEqual(await hashToken(token), tokenHash);
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
