import type { Guard, GuardState, TranscriptTurn } from '../src/guard/index.js';
import { newAnswer, newQuestions } from './new-texts.js';
import { growthExponent, percentile } from './stats.js';

/** Guard time per turn at one transcript length. */
export interface GuardTurnsPoint {
  turns: number;
  samples: number;
  p50Ms: number;
  p99Ms: number;
}

/** Result of {@link measureGuardTurns}. */
export interface GuardTurnsResult {
  conversations: number;
  points: GuardTurnsPoint[];
  /** k in p50 ∝ turns^k between the second and the last length (goal <= 0.1: a turn costs the same). */
  growthExponent: number | null;
}

/** Grows `transcript` by a new question and a new answer, `pairs` times. */
function grow(transcript: TranscriptTurn[], pairs: number, question: () => string, answer: () => string): void {
  for (let pair = 0; pair < pairs; pair++) {
    transcript.push({ role: 'user', content: question() });
    transcript.push({ role: 'assistant', content: answer(), confidence: 0.95 });
  }
}

/**
 * Input guard per turn at transcript lengths `lengths`, every text new. For each length and each
 * of `conversations` transcripts: the transcript is grown to the length without checks, one
 * untimed check lets the guard's state of the conversation catch up (`checkIncremental`, the state
 * kept per conversation as the engine keeps it with the stored conversation), then `window`
 * further turns (a new answer, then a new question, judged) are timed.
 */
export function measureGuardTurns(
  guard: Guard,
  groups: readonly (readonly string[])[],
  {
    lengths = [1, 10, 50, 200, 1000],
    conversations = 6,
    window = 10,
  }: { lengths?: number[]; conversations?: number; window?: number } = {},
): GuardTurnsResult {
  const questions = newQuestions(groups, 31);
  let answers = 0;
  const question = () => questions.next();
  const answer = () => newAnswer(++answers);
  const points = lengths.map((turns) => {
    const times: number[] = [];
    for (let conversation = 0; conversation < conversations; conversation++) {
      const transcript: TranscriptTurn[] = [];
      grow(transcript, Math.floor((turns - 1) / 2), question, answer);
      transcript.push({ role: 'user', content: question() });
      // Judged untimed: the transcript is new to the guard. Then the timed turns.
      let state: GuardState = guard.checkIncremental(transcript, 'input').state;
      for (let turn = 0; turn < window; turn++) {
        transcript.push({ role: 'assistant', content: answer(), confidence: 0.95 });
        transcript.push({ role: 'user', content: question() });
        const started = performance.now();
        state = guard.checkIncremental(transcript, 'input', state).state;
        times.push(performance.now() - started);
      }
    }
    return { turns, samples: times.length, p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
  });
  const from = points[1] ?? points[0]!;
  const to = points.at(-1)!;
  return { conversations, points, growthExponent: growthExponent(from.turns, from.p50Ms, to.turns, to.p50Ms) };
}
