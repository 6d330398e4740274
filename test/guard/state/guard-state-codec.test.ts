/**
 * The stored form of the guard state: decode(encode(state)) is the state, on random transcripts;
 * the encoded form stays bounded (and much smaller than the state) however long the
 * conversation; anything that is not an encoded state of this version decodes to undefined.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceGuardState,
  decodeGuardState,
  encodeGuardState,
  guardStateVersion,
  readTranscriptState,
  type Transcript,
  type TranscriptTurn,
} from '../../../src/guard/index.js';

const userTexts = [
  'How long does standard shipping take?',
  'I was charged twice for order 4417, please refund $39.90.',
  'That did not help at all, this is useless!',
  'Hi there',
  'No, that is not right, I ordered three tickets.',
  'Can I also change the address?',
  '我想退款',
];
const botTexts = [
  "I'm not sure I can help with that.",
  'Standard shipping takes 3-5 business days [kb:shipping].',
  'Please confirm your order number and email.',
  'I have cancelled order 4417 for Dana Smith.',
  'The refund failed, sorry.',
  '',
];

function transcriptOf(picks: { user: boolean; pick: number; fallback: boolean; agent: boolean }[]): Transcript {
  return picks.map(({ user, pick, fallback, agent }): TranscriptTurn => {
    if (user) return { role: 'user', content: userTexts[pick % userTexts.length]! };
    return {
      role: 'assistant',
      author: agent ? 'agent' : 'bot',
      content: botTexts[pick % botTexts.length]!,
      ...(fallback ? { fallback } : {}),
    };
  });
}

const conversation = (turns: number): Transcript =>
  transcriptOf(
    Array.from({ length: turns }, (_, i) => ({ user: i % 2 === 0, pick: i, fallback: i % 7 === 3, agent: false })),
  );

describe('encodeGuardState / decodeGuardState', () => {
  it('round-trips the state of random transcripts through JSON', () => {
    const turn = fc.record({ user: fc.boolean(), pick: fc.nat(), fallback: fc.boolean(), agent: fc.boolean() });
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 80 }), (picks) => {
        const state = readTranscriptState(transcriptOf(picks));
        const stored = JSON.parse(JSON.stringify(encodeGuardState(state)));
        expect(JSON.stringify(decodeGuardState(stored))).toBe(JSON.stringify(state));
      }),
      { numRuns: 150 },
    );
  });

  it('encodes a decoded state as it was stored, and after more turns as the state read from scratch', () => {
    const turn = fc.record({ user: fc.boolean(), pick: fc.nat(), fallback: fc.boolean(), agent: fc.boolean() });
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 70 }), fc.array(turn, { maxLength: 6 }), (picks, more) => {
        const stored = JSON.parse(JSON.stringify(encodeGuardState(readTranscriptState(transcriptOf(picks)))));
        const decoded = decodeGuardState(stored)!;
        expect(JSON.stringify(encodeGuardState(decoded))).toBe(JSON.stringify(stored));
        const longer = transcriptOf([...picks, ...more]);
        expect(JSON.stringify(encodeGuardState(advanceGuardState(decoded, longer)))).toBe(
          JSON.stringify(encodeGuardState(readTranscriptState(longer))),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('stays bounded as the conversation grows, and smaller than the state', () => {
    const sizes = [10, 100, 1000].map((turns) => {
      const state = readTranscriptState(conversation(turns));
      return { turns, state: JSON.stringify(state).length, encoded: JSON.stringify(encodeGuardState(state)).length };
    });
    const [ten, hundred, thousand] = sizes;
    expect(thousand!.encoded).toBeLessThan(hundred!.encoded * 1.1);
    expect(hundred!.encoded).toBeGreaterThan(ten!.encoded);
    for (const size of sizes) expect(size.encoded).toBeLessThan(size.state / 3);
  });

  it.each([
    ['undefined', undefined],
    ['a string', 'state'],
    ['another version', { ...encodeGuardState(readTranscriptState(conversation(4))), v: guardStateVersion + 1 }],
    ['a negative length', { ...encodeGuardState(readTranscriptState(conversation(4))), n: -1 }],
    ['more kept turns than read', { ...encodeGuardState(readTranscriptState(conversation(4))), n: 2 }],
    ['a malformed turn', { ...encodeGuardState(readTranscriptState(conversation(4))), r: [[1, 2, 3]] }],
  ])('decodes %s to undefined', (_name, value) => {
    expect(decodeGuardState(value)).toBeUndefined();
  });
});
