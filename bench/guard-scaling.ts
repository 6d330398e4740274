import type { GuardPhase } from '../src/guard/detector.js';
import { createGuard, type Guard } from '../src/guard/index.js';
import type { Transcript, TranscriptTurn } from '../src/guard/types.js';
import { growthExponent, growthVersusLinear, median } from './stats.js';

const userMessages = [
  'what is the balance on my checking account',
  'can you move 200 dollars from savings to checking',
  'when is my credit card payment due this month',
  'how do I order new checks for my account',
  'what is the interest rate on my savings account',
  'how many rewards points do I have on my card',
  'what is the routing number for my account',
  'how long does a replacement card take to arrive',
];
const botMessages = [
  'Your checking balance is $1,240.50.',
  'Done: $200 moved from savings to checking.',
  'Your payment is due on the 15th.',
  'You can order checks in the app under Services.',
  'Your savings account earns 2.1% a year.',
];

/** A transcript of `turns` alternating turns ending with a user turn (for the input phase) or an answer. */
export function benchTranscript(turns: number, variant: number, phase: GuardPhase): Transcript {
  const transcript: TranscriptTurn[] = [];
  for (let index = 0; index < turns; index++) {
    // Count back from the end so the judged (last) turn is a user turn for input and an answer for output.
    const fromEnd = turns - 1 - index;
    const userTurn = phase === 'input' ? fromEnd % 2 === 0 : fromEnd % 2 === 1;
    transcript.push(
      userTurn
        ? { role: 'user', content: userMessages[(index + variant) % userMessages.length]! }
        : { role: 'assistant', content: botMessages[(index + variant) % botMessages.length]!, confidence: 0.9 },
    );
  }
  return transcript;
}

/**
 * Mean time of one `guard.check`, in milliseconds: the median over `batches` batches, each
 * running checks for about `batchMs` milliseconds. Batching keeps timer resolution out of it.
 */
export function meanCheckMs(
  guard: Guard,
  transcripts: readonly Transcript[],
  phase: GuardPhase,
  batches = 7,
  batchMs = 40,
) {
  for (let index = 0; index < 50; index++) guard.check(transcripts[index % transcripts.length]!, phase);
  const means: number[] = [];
  let checks = 0;
  for (let batch = 0; batch < batches; batch++) {
    const started = performance.now();
    let count = 0;
    let elapsed = 0;
    do {
      guard.check(transcripts[count % transcripts.length]!, phase);
      count++;
      elapsed = performance.now() - started;
    } while (elapsed < batchMs);
    means.push(elapsed / count);
    checks += count;
  }
  return { meanMs: median(means), checks };
}

/** One measured point of {@link measureGuardScaling}. */
export interface GuardScalingPoint {
  phase: GuardPhase;
  turns: number;
  scopeUtterances: number;
  meanMs: number;
  checks: number;
}

/** How guard time grows with transcript length and scope size. */
export interface GuardScalingResult {
  points: GuardScalingPoint[];
  /** time(100 turns) / time(20 turns), input phase, 2,400-utterance scope. */
  turnsTimeRatio: number;
  /** turnsTimeRatio / 5: below 1 grows slower than linearly. */
  turnsVersusLinear: number | null;
  /** k in time ∝ turns^k (input phase); 1 is linear. */
  turnsGrowthExponent: number | null;
  /** The same for the output phase. */
  outputTurnsGrowthExponent: number | null;
  /** time(2,400 scope) / time(600 scope), 20 turns, input phase. */
  scopeTimeRatio: number;
  /** scopeTimeRatio / 4. */
  scopeVersusLinear: number | null;
  /** k in time ∝ scope^k; 1 is linear. */
  scopeGrowthExponent: number | null;
  /** True when neither grows faster than linearly (exponents at most 1, 10% slack for noise). */
  atMostLinear: boolean;
}

/**
 * Every `step`-th utterance: a smaller scope that keeps every intent (the scope file is grouped
 * by intent), so the 600-utterance guard differs from the full one in size only.
 */
export function thinScope(utterances: readonly string[], step: number): string[] {
  return utterances.filter((_, index) => index % step === 0);
}

/** Measures guard time for 20 and 100 turns (2,400 scope) and for 600 and 2,400 scope utterances (20 turns). */
export function measureGuardScaling(
  scope: readonly string[],
  { batches = 7 }: { batches?: number } = {},
): GuardScalingResult {
  const small = thinScope(scope, 4);
  const guards = new Map<number, Guard>([
    [scope.length, createGuard({ scope: { utterances: [...scope] } })],
    [small.length, createGuard({ scope: { utterances: small } })],
  ]);
  const points: GuardScalingPoint[] = [];
  const point = (phase: GuardPhase, turns: number, scopeSize: number) => {
    const transcripts = userMessages.map((_, variant) => benchTranscript(turns, variant, phase));
    const { meanMs, checks } = meanCheckMs(guards.get(scopeSize)!, transcripts, phase, batches);
    const measured = { phase, turns, scopeUtterances: scopeSize, meanMs, checks };
    points.push(measured);
    return measured;
  };
  const input20 = point('input', 20, scope.length);
  const input100 = point('input', 100, scope.length);
  const output20 = point('output', 20, scope.length);
  const output100 = point('output', 100, scope.length);
  const smallScope20 = point('input', 20, small.length);
  const turnsGrowthExponent = growthExponent(20, input20.meanMs, 100, input100.meanMs);
  const outputTurnsGrowthExponent = growthExponent(20, output20.meanMs, 100, output100.meanMs);
  const scopeGrowthExponent = growthExponent(small.length, smallScope20.meanMs, scope.length, input20.meanMs);
  const exponents = [turnsGrowthExponent, outputTurnsGrowthExponent, scopeGrowthExponent];
  return {
    points,
    turnsTimeRatio: input100.meanMs / input20.meanMs,
    turnsVersusLinear: growthVersusLinear(20, input20.meanMs, 100, input100.meanMs),
    turnsGrowthExponent,
    outputTurnsGrowthExponent,
    scopeTimeRatio: input20.meanMs / smallScope20.meanMs,
    scopeVersusLinear: growthVersusLinear(small.length, smallScope20.meanMs, scope.length, input20.meanMs),
    scopeGrowthExponent,
    atMostLinear: exponents.every((exponent) => exponent === null || exponent <= 1.1),
  };
}
