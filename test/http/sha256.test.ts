/**
 * The JavaScript SHA-256 that hashes conversation tokens gives the digest `crypto.subtle` gives,
 * on every length around the block and padding boundaries and on random Unicode text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../src/http/conversation-token.js';
import { sha256Hex } from '../../src/http/sha256.js';

async function subtleHex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('sha256Hex', () => {
  it('matches the known digests', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches crypto.subtle on every length from 0 to 200 bytes', async () => {
    for (let length = 0; length <= 200; length++) {
      const text = 'x'.repeat(length);
      expect(sha256Hex(text)).toBe(await subtleHex(text));
    }
  });

  it('matches crypto.subtle on random Unicode text, and hashToken is the same digest', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
        const expected = await subtleHex(text);
        expect(sha256Hex(text)).toBe(expected);
        expect(await hashToken(text)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
