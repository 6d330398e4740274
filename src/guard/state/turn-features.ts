import { findHedge } from '../detectors/low-confidence.js';
import { actionDone, actionFailed, asksForDetails } from '../text/bot-turns.js';
import { fnv1a } from '../text/fnv1a.js';
import { normalizeText } from '../text/normalize-text.js';
import { scoreSentiment } from '../text/sentiment-score.js';
import { isSmalltalk } from '../text/smalltalk.js';
import { type SimilarityFeatures, similarityFeatures } from '../text/text-similarity.js';
import { contentTokens } from '../text/tokenize.js';
import { figuresOf, followUpMarker, isCorrection, namesOf } from '../text/turn-cues.js';
import type { TranscriptTurn } from '../types.js';

/**
 * What the guard keeps of one turn of the last few (`recentTurns`), read once when the turn
 * arrives: what the detectors that compare a message with earlier turns (repeated questions,
 * repeated answers) need of it. Plain data (JSON-safe); the similarity features are derived from
 * `tokens` when a detector first compares the turn ({@link turnSimilarity}).
 */
export interface TurnFeatures {
  /** Hash of the turn (role, author, fallback flag, content): tells whether a transcript still holds this turn. */
  readonly fingerprint: number;
  readonly role: 'user' | 'assistant';
  /** An assistant turn the bot wrote (not a human agent). */
  readonly bot: boolean;
  /** A bot turn with text: an answer that may be given again. */
  readonly answer: boolean;
  /** Stemmed content tokens of the normalized text, in order, with repeats. */
  readonly tokens: readonly string[];
  /** Figures the normalized text quotes, sorted. */
  readonly figures: readonly string[];
  /** Capitalised names of a bot turn (empty for other turns), sorted. */
  readonly names: readonly string[];
  /** A follow-up marker ("also", "another", "how about"). */
  readonly followUp: boolean;
  /** A user turn of smalltalk only. */
  readonly smalltalk: boolean;
  /** A user turn correcting a detail ("no, that's not right"). */
  readonly correction: boolean;
  /** An assistant turn asking the user for details or a confirmation. */
  readonly asksForDetails: boolean;
  /** An assistant turn reporting an action carried out. */
  readonly actionDone: boolean;
  /** An assistant turn reporting an action that failed. */
  readonly actionFailed: boolean;
}

/** The similarity features of the turns compared so far (a turn's features never change). */
const similarities = new WeakMap<TurnFeatures, SimilarityFeatures>();

/**
 * The {@link SimilarityFeatures} of a turn, computed when a detector first compares it and kept
 * while the turn is: most kept turns are never compared (another turn's figures or names differ,
 * or no later turn asks again), and a decoded state would otherwise sort the trigrams of every
 * kept turn on every turn.
 */
export function turnSimilarity(features: TurnFeatures): SimilarityFeatures {
  let similarity = similarities.get(features);
  if (!similarity) {
    similarity = similarityFeatures(features.tokens);
    similarities.set(features, similarity);
  }
  return similarity;
}

/** The hash that {@link TurnFeatures.fingerprint} holds. */
export function turnFingerprint(turn: TranscriptTurn): number {
  const kind = `${turn.role === 'user' ? 'u' : turn.author === 'agent' ? 'a' : 'b'}${turn.fallback ? 'f' : ''}`;
  return (Math.imul(fnv1a(turn.content), 0x01000193) ^ fnv1a(kind)) >>> 0;
}

/** A bot turn: an assistant turn not written by a human agent. */
export const isBotTurn = (turn: TranscriptTurn): boolean => turn.role === 'assistant' && turn.author !== 'agent';

/** Reads one turn. Pure. */
export function turnFeatures(turn: TranscriptTurn): TurnFeatures {
  const normalized = normalizeText(turn.content);
  const tokens = contentTokens(normalized);
  const user = turn.role === 'user';
  const bot = isBotTurn(turn);
  return {
    fingerprint: turnFingerprint(turn),
    role: turn.role,
    bot,
    answer: bot && turn.content.trim().length > 0,
    tokens,
    figures: figuresOf(normalized),
    names: bot ? namesOf(turn.content) : [],
    followUp: followUpMarker.test(normalized),
    smalltalk: user && isSmalltalk(normalized),
    correction: user && isCorrection(normalized),
    asksForDetails: !user && asksForDetails(turn.content),
    actionDone: !user && actionDone.test(normalized),
    actionFailed: !user && actionFailed.test(normalized),
  };
}

/** Evidence of a bot fallback: the turn flagged as one, or its hedge ("I'm not sure"); undefined for other turns. */
export function fallbackText(turn: TranscriptTurn): string | undefined {
  if (!isBotTurn(turn)) return undefined;
  if (turn.fallback) return turn.content.slice(0, 120) || '(fallback)';
  return findHedge(turn.content);
}

/** A bot turn at work: it asked for details or a confirmation, or reported an action. */
export function botActs(turn: TranscriptTurn): boolean {
  return isBotTurn(turn) && (asksForDetails(turn.content) || actionDone.test(normalizeText(turn.content)));
}

/** The sentiment of a user turn (-1..1). */
export const userSentiment = (turn: TranscriptTurn): number => scoreSentiment(turn.content);
