import type { GuardState } from './state/guard-state.js';
import type { Signal, Transcript } from './types.js';

/** Which side of a turn the guard judges: the user's message before the model runs, or the bot's answer. */
export type GuardPhase = 'input' | 'output';

/** What a detector knows besides the transcript. */
export interface DetectorContext {
  phase: GuardPhase;
  /**
   * What the guard has read of this transcript (`state.length === transcript.length`), so that
   * detectors comparing with earlier turns read their features instead of the turns. Optional: a
   * detector without it reads the transcript itself.
   */
  state?: GuardState;
  /**
   * `detectLanguage` of the last user turn's content, computed on the first call and kept for the
   * rest of the check, so that the detectors that need the language (lexicon, learned intent, out
   * of scope) detect it once per turn. Optional: a detector without it detects the language itself.
   */
  language?: () => string;
}

/**
 * A detector only reports: it reads the whole transcript and returns zero or more signals. It is
 * pure and never throws to report a hit; the policy decides what the signals mean.
 */
export type Detector = (transcript: Transcript, context: DetectorContext) => Signal[];

/** Index of the last turn with the given role, or -1. */
export function lastTurnIndex(transcript: Transcript, role: 'user' | 'assistant'): number {
  for (let index = transcript.length - 1; index >= 0; index--) {
    if (transcript[index]!.role === role) return index;
  }
  return -1;
}
