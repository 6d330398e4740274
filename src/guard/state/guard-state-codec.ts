import { z } from 'zod';
import { similarityFeatures } from '../text/text-similarity.js';
import type { Evidence } from '../types.js';
import type { GuardState } from './guard-state.js';
import type { TurnFeatures } from './turn-features.js';

/** The version {@link encodeGuardState} writes; {@link decodeGuardState} reads only this one. */
export const guardStateVersion = 1;

/**
 * One kept turn, packed: its fingerprint, its flags (bits, see `flagNames`), its content tokens
 * joined by spaces (a token never holds one), its figures and its names. The similarity
 * features are left out: they are computed from the tokens again on decode.
 */
export type EncodedTurn = [fingerprint: number, flags: number, tokens: string, figures: string[], names: string[]];

/**
 * A {@link GuardState} as plain JSON, compact and versioned, for keeping with a stored
 * conversation (`StoredConversation.guardState`). Bounded like the state: the last
 * `recentTurns + 1` turns, three fallbacks, four sentiment scores, whatever the length.
 */
export interface EncodedGuardState {
  v: typeof guardStateVersion;
  /** Turns read. */
  n: number;
  /** Fallbacks counted. */
  f: number;
  /** First bot turn, first acting bot turn (-1: none). */
  b: number;
  a: number;
  /** The last fallbacks: turn and evidence text. */
  fb: [turn: number, text: string][];
  /** Sentiment of the last user turns: turn and score. */
  s: [turn: number, score: number][];
  /** The kept turns, oldest first. */
  r: EncodedTurn[];
}

/** The boolean features, one bit each, in this order. */
const flagNames = [
  'bot',
  'answer',
  'followUp',
  'smalltalk',
  'correction',
  'asksForDetails',
  'actionDone',
  'actionFailed',
] as const satisfies readonly (keyof TurnFeatures)[];
/** The bit after the flags: the turn is the assistant's. */
const assistantBit = 1 << flagNames.length;

function packTurn(features: TurnFeatures): EncodedTurn {
  let flags = features.role === 'assistant' ? assistantBit : 0;
  flagNames.forEach((name, bit) => {
    if (features[name]) flags |= 1 << bit;
  });
  return [features.fingerprint, flags, features.tokens.join(' '), [...features.figures], [...features.names]];
}

function unpackTurn([fingerprint, flags, joined, figures, names]: EncodedTurn): TurnFeatures {
  const tokens = joined === '' ? [] : joined.split(' ');
  const bit = (name: (typeof flagNames)[number]) => (flags & (1 << flagNames.indexOf(name))) !== 0;
  // The key order of `turnFeatures`, so that a decoded state serializes as the one read.
  return {
    fingerprint,
    role: flags & assistantBit ? 'assistant' : 'user',
    bot: bit('bot'),
    answer: bit('answer'),
    tokens,
    similarity: similarityFeatures(tokens),
    figures,
    names,
    followUp: bit('followUp'),
    smalltalk: bit('smalltalk'),
    correction: bit('correction'),
    asksForDetails: bit('asksForDetails'),
    actionDone: bit('actionDone'),
    actionFailed: bit('actionFailed'),
  };
}

/** The state as {@link EncodedGuardState}. Pure; the result is plain JSON. */
export function encodeGuardState(state: GuardState): EncodedGuardState {
  return {
    v: guardStateVersion,
    n: state.length,
    f: state.fallbacks,
    b: state.firstBotTurn,
    a: state.firstActingTurn,
    fb: state.lastFallbacks.map((evidence) => [evidence.turn, evidence.text]),
    s: state.userSentiment.map(({ turn, score }) => [turn, score]),
    r: state.recent.map(packTurn),
  };
}

const count = z.number().int().min(0);
const turnIndex = z.number().int().min(-1);
const encodedSchema = z.object({
  v: z.literal(guardStateVersion),
  n: count,
  f: count,
  b: turnIndex,
  a: turnIndex,
  fb: z.array(z.tuple([count, z.string()])).max(16),
  s: z.array(z.tuple([count, z.number().finite()])).max(16),
  r: z
    .array(
      z.tuple([
        z.number().int().min(0).max(0xffffffff),
        z
          .number()
          .int()
          .min(0)
          .max(assistantBit * 2 - 1),
        z.string(),
        z.array(z.string()),
        z.array(z.string()),
      ]),
    )
    .max(256),
});

/**
 * The state an {@link EncodedGuardState} holds, or undefined when `value` is not one (another
 * version, malformed, inconsistent): the caller reads the transcript from scratch instead.
 * Never throws. Pure.
 */
export function decodeGuardState(value: unknown): GuardState | undefined {
  const parsed = encodedSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { n, f, b, a, fb, s, r } = parsed.data;
  if (r.length > n || b >= n || a >= n || fb.length > f) return undefined;
  const lastFallbacks: Evidence[] = fb.map(([turn, text]) => ({ turn, text }));
  return Object.freeze({
    length: n,
    recent: r.map(unpackTurn),
    fallbacks: f,
    lastFallbacks,
    firstBotTurn: b,
    firstActingTurn: a,
    userSentiment: s.map(([turn, score]) => ({ turn, score })),
  });
}
