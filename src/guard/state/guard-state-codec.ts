import type { Evidence } from '../types.js';
import type { GuardState } from './guard-state.js';
import type { TurnFeatures } from './turn-features.js';

/** The version {@link encodeGuardState} writes; {@link decodeGuardState} reads only this one. */
export const guardStateVersion = 1;

/**
 * One kept turn, packed: its fingerprint, its flags (bits, see `flagNames`), its content tokens
 * joined by spaces (a token never holds one), its figures and its names. The similarity
 * features are left out: they are computed from the tokens when a detector first compares the
 * turn (`turnSimilarity`).
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

/** The bit of each flag. */
const flagBits = Object.fromEntries(flagNames.map((name, bit) => [name, 1 << bit])) as Record<
  (typeof flagNames)[number],
  number
>;

/** One array for every turn without figures or names. */
const none: readonly string[] = Object.freeze([]);

/** A copy of `values`, or {@link none} for an empty list. */
const copied = (values: readonly string[]): readonly string[] => (values.length === 0 ? none : [...values]);

function packTurn(features: TurnFeatures): EncodedTurn {
  let flags = features.role === 'assistant' ? assistantBit : 0;
  for (const name of flagNames) if (features[name]) flags |= flagBits[name];
  return [features.fingerprint, flags, features.tokens.join(' '), [...features.figures], [...features.names]];
}

function unpackTurn([fingerprint, flags, joined, figures, names]: EncodedTurn): TurnFeatures {
  // The key order of `turnFeatures`, so that a decoded state serializes as the one read.
  return {
    fingerprint,
    role: flags & assistantBit ? 'assistant' : 'user',
    bot: (flags & flagBits.bot) !== 0,
    answer: (flags & flagBits.answer) !== 0,
    tokens: joined === '' ? [] : joined.split(' '),
    figures: copied(figures),
    names: copied(names),
    followUp: (flags & flagBits.followUp) !== 0,
    smalltalk: (flags & flagBits.smalltalk) !== 0,
    correction: (flags & flagBits.correction) !== 0,
    asksForDetails: (flags & flagBits.asksForDetails) !== 0,
    actionDone: (flags & flagBits.actionDone) !== 0,
    actionFailed: (flags & flagBits.actionFailed) !== 0,
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

/** Most fallbacks and sentiment scores a stored state may quote, and most kept turns. */
const maxQuoted = 16;
const maxKeptTurns = 256;
const maxFlags = assistantBit * 2 - 1;

/** A safe integer from `min` (and up to `max`). */
const isInteger = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number =>
  Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
const isCount = (value: unknown): value is number => isInteger(value, 0);
const isStrings = (value: unknown): value is string[] => {
  if (!Array.isArray(value)) return false;
  for (let index = 0; index < value.length; index++) if (typeof value[index] !== 'string') return false;
  return true;
};
/** An array of at most `max` tuples of exactly `length` items, each of which `item` accepts. */
function isTuples<T extends unknown[]>(
  value: unknown,
  max: number,
  length: number,
  item: (tuple: unknown[]) => boolean,
): value is T[] {
  if (!Array.isArray(value) || value.length > max) return false;
  for (let index = 0; index < value.length; index++) {
    const tuple: unknown = value[index];
    if (!Array.isArray(tuple) || tuple.length !== length || !item(tuple)) return false;
  }
  return true;
}

/**
 * True when `value` has the shape of an {@link EncodedGuardState} (the checks a zod schema made
 * before, by hand: this runs on every turn). Unknown keys are allowed, as zod's `object` allows them.
 */
function isEncoded(value: unknown): value is EncodedGuardState {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const encoded = value as Record<keyof EncodedGuardState, unknown>;
  return (
    encoded.v === guardStateVersion &&
    isCount(encoded.n) &&
    isCount(encoded.f) &&
    isInteger(encoded.b, -1) &&
    isInteger(encoded.a, -1) &&
    isTuples(encoded.fb, maxQuoted, 2, ([turn, text]) => isCount(turn) && typeof text === 'string') &&
    isTuples(
      encoded.s,
      maxQuoted,
      2,
      ([turn, score]) => isCount(turn) && typeof score === 'number' && Number.isFinite(score),
    ) &&
    isTuples(
      encoded.r,
      maxKeptTurns,
      5,
      ([fingerprint, flags, tokens, figures, names]) =>
        isInteger(fingerprint, 0, 0xffffffff) &&
        isInteger(flags, 0, maxFlags) &&
        typeof tokens === 'string' &&
        isStrings(figures) &&
        isStrings(names),
    )
  );
}

/**
 * The state an {@link EncodedGuardState} holds, or undefined when `value` is not one (another
 * version, malformed, inconsistent): the caller reads the transcript from scratch instead.
 * Never throws. Pure.
 */
export function decodeGuardState(value: unknown): GuardState | undefined {
  if (!isEncoded(value)) return undefined;
  const { n, f, b, a, fb, s, r } = value;
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
