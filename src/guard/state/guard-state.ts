import type { Evidence, Transcript, TranscriptTurn } from '../types.js';
import { isBotTurn, type TurnFeatures, turnFingerprint, userSentiment } from './turn-features.js';
import { directReader, rememberingReader, type TurnReader } from './turn-memo.js';

/**
 * How many of the last turns a message is compared with (the same question asked again, the same
 * answer given again). Older turns count only through the running aggregates of {@link GuardState}.
 */
export const recentTurns = 50;
/** Turns whose features the state keeps: the recent ones and the one before them (what the first was an answer to). */
const keptTurns = recentTurns + 1;
/** User turns whose sentiment the state keeps (the trend reads the last four). */
const sentimentTurns = 4;
/** Fallbacks quoted as evidence. */
const fallbackEvidence = 3;

/**
 * What the guard knows of a conversation after reading its first `length` turns: the features of
 * the last few turns and running aggregates of all of them. Bounded whatever the length, plain
 * data, and the same whether built turn by turn ({@link advanceGuardState}) or at once
 * ({@link readTranscriptState}).
 */
export interface GuardState {
  /** Turns read. */
  readonly length: number;
  /** Features of turns `length - recent.length` to `length - 1`. */
  readonly recent: readonly TurnFeatures[];
  /** Bot fallbacks (flagged, or hedged answers) in all turns read. */
  readonly fallbacks: number;
  /** The last few of them. */
  readonly lastFallbacks: readonly Evidence[];
  /** First bot turn, or -1. */
  readonly firstBotTurn: number;
  /** First bot turn that asked for details or reported an action, or -1. */
  readonly firstActingTurn: number;
  /** Sentiment of the last few user turns, oldest first. */
  readonly userSentiment: readonly { turn: number; score: number }[];
}

/** The state of an empty conversation. */
export const emptyGuardState: GuardState = {
  length: 0,
  recent: [],
  fallbacks: 0,
  lastFallbacks: [],
  firstBotTurn: -1,
  firstActingTurn: -1,
  userSentiment: [],
};

type Building = {
  -readonly [key in keyof GuardState]: GuardState[key] extends readonly (infer T)[] ? T[] : GuardState[key];
};

function building(state: GuardState): Building {
  return {
    ...state,
    recent: [...state.recent],
    lastFallbacks: [...state.lastFallbacks],
    userSentiment: [...state.userSentiment],
  };
}

/** What of a turn the state reads: its features (a recent turn), its sentiment (one of the last user turns). */
interface Reading {
  recent: boolean;
  sentiment: boolean;
  reader: TurnReader;
}

/** Reads turn `index` into `state`. */
function readTurn(state: Building, turn: TranscriptTurn, index: number, { recent, sentiment, reader }: Reading): void {
  const features = recent ? reader.features(turn) : undefined;
  if (features) {
    state.recent.push(features);
    if (state.recent.length > keptTurns) state.recent.shift();
  }
  state.length = index + 1;
  if (turn.role === 'user') {
    if (sentiment) {
      state.userSentiment.push({ turn: index, score: userSentiment(turn) });
      if (state.userSentiment.length > sentimentTurns) state.userSentiment.shift();
    }
    return;
  }
  if (!isBotTurn(turn)) return;
  if (state.firstBotTurn < 0) state.firstBotTurn = index;
  // A bot turn's features say whether it acts (`botActs`): read again only for a turn not kept.
  if (state.firstActingTurn < 0 && (features ? features.asksForDetails || features.actionDone : reader.acts(turn))) {
    state.firstActingTurn = index;
  }
  const fallback = reader.fallback(turn);
  if (fallback) {
    state.fallbacks++;
    state.lastFallbacks.push({ turn: index, text: fallback });
    if (state.lastFallbacks.length > fallbackEvidence) state.lastFallbacks.shift();
  }
}

/** Freezes what was built: the state handed out is never changed. */
function finished(state: Building): GuardState {
  return Object.freeze(state);
}

/**
 * The state of `transcript` read from scratch: every turn for the aggregates, the last few for
 * their features. What `guard.check` computes on each call; `remember` reads the turns through
 * process-wide memos (bounded), so that checking a growing conversation again and again without
 * its state reads each earlier turn about once, as the guard did before it had a state.
 */
export function readTranscriptState(transcript: Transcript, remember = false): GuardState {
  const reader = remember ? rememberingReader : directReader;
  const state = building(emptyGuardState);
  const keepFrom = transcript.length - keptTurns;
  let sentimentFrom = transcript.length;
  for (let users = 0; sentimentFrom > 0 && users < sentimentTurns; ) {
    if (transcript[--sentimentFrom]!.role === 'user') users++;
  }
  transcript.forEach((turn, index) => {
    readTurn(state, turn, index, { recent: index >= keepFrom, sentiment: index >= sentimentFrom, reader });
  });
  return finished(state);
}

/** True when `transcript` still starts with the turns `state` read (checked on the turns it keeps). */
function stillHolds(state: GuardState, transcript: Transcript): boolean {
  if (state.length > transcript.length) return false;
  const first = state.length - state.recent.length;
  return state.recent.every(
    (features, offset) => features.fingerprint === turnFingerprint(transcript[first + offset]!),
  );
}

/**
 * The state of `transcript`, reading only the turns added since `state`: a turn costs that turn
 * and the bounded window, however long the conversation. A state that does not fit the
 * transcript (from another conversation, a turn replaced or removed) is dropped and the
 * transcript read from scratch; turns older than the kept ones are not checked. Pure.
 */
export function advanceGuardState(state: GuardState | undefined, transcript: Transcript): GuardState {
  if (!state || !stillHolds(state, transcript)) return readTranscriptState(transcript);
  if (state.length === transcript.length) return state;
  const next = building(state);
  for (let index = state.length; index < transcript.length; index++) {
    readTurn(next, transcript[index]!, index, { recent: true, sentiment: true, reader: directReader });
  }
  return finished(next);
}

/** The state a detector reads: the guard's, when it has one for this transcript, else read from scratch. */
export function stateFor(transcript: Transcript, state: GuardState | undefined): GuardState {
  return state && state.length === transcript.length ? state : readTranscriptState(transcript, true);
}

/** Features of turn `index`, when the state keeps them. */
export function featuresAt(state: GuardState, index: number): TurnFeatures | undefined {
  const offset = index - (state.length - state.recent.length);
  return offset >= 0 ? state.recent[offset] : undefined;
}

/** The first turn a message is compared with: the recent turns start here. */
export const recentStart = (state: GuardState): number => Math.max(0, state.length - recentTurns);

/**
 * True when the bot was at work before turn `turn` (it asked for details or a confirmation, or
 * reported an action): a refund or cancellation asked for then is one it is carrying out.
 */
export function botActedBefore(state: GuardState, turn: number): boolean {
  return state.firstActingTurn >= 0 && state.firstActingTurn < turn;
}
