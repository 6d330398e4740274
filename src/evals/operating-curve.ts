import { type EscalationReason, escalationReasons, type GuardDecision, type Signal } from '../guard/types.js';
import type { EvalCase } from './eval-case.js';
import { caseTranscript, type GuardLike } from './guard-runner.js';
import { type Rate, rate } from './metrics.js';

/** Per-reason policy thresholds. */
export type PolicyThresholds = Partial<Record<EscalationReason, number>>;

/**
 * The guard's own decision code with thresholds overridden: `createPolicy` of `src/guard`
 * fits (`(thresholds) => createPolicy({ thresholds })`).
 */
export type PolicyFactory = (thresholds: PolicyThresholds) => (signals: readonly Signal[]) => GuardDecision;

/** Every signal the guard reported at each turn of a case (the whole transcript, no early stop). */
export interface CaseSignals {
  case: EvalCase;
  turns: Signal[][];
}

/** A point of the operating curve: both error rates of the guard at one setting. */
export interface CurvePoint {
  /** The swept parameter's value. */
  value: number;
  falseEscalationRate: Rate;
  falseNonEscalationRate: Rate;
  /** Missed among the escalate cases labelled with the line's reason. */
  missedOfReason: Rate;
}

/** One swept parameter: its points, lowest value first. */
export interface CurveLine {
  /** The guard option it sets: `thresholds.<reason>` or `learnedIntent.threshold`. */
  parameter: string;
  reason: EscalationReason;
  /** Its value in the run. */
  baseValue: number;
  points: CurvePoint[];
}

/** The guard's decisions swept over its thresholds, one parameter at a time, the others as in the run. */
export interface OperatingCurve {
  baseThresholds: Record<string, number>;
  lines: CurveLine[];
}

/** The policy thresholds tried: 0.05 to 1 in steps of 0.05 (with each base value added). */
export const thresholdGrid: readonly number[] = Array.from({ length: 20 }, (_, index) => (index + 1) / 20);

/** Reasons no threshold changes: crisis always fires; the guard's `check` never reports the other two. */
const unswept = new Set<EscalationReason>(['crisis', 'model_decision', 'error']);

/**
 * Runs the guard over every turn of every case and keeps what it reported, so the policy
 * can be replayed at other thresholds without running the detectors again.
 */
export async function collectCaseSignals(guard: GuardLike, cases: readonly EvalCase[]): Promise<CaseSignals[]> {
  const collected: CaseSignals[] = [];
  for (const evalCase of cases) {
    const transcript = caseTranscript(evalCase);
    const turns: Signal[][] = [];
    for (let turn = 0; turn < transcript.length; turn++) {
      const phase = transcript[turn]?.role === 'user' ? 'input' : 'output';
      turns.push((await guard.check(transcript.slice(0, turn + 1), phase)).signals);
    }
    collected.push({ case: evalCase, turns });
  }
  return collected;
}

/** Whether a case escalates under `policy`: at the first turn whose decision escalates. */
export function escalatesUnder(caseSignals: CaseSignals, policy: ReturnType<PolicyFactory>): boolean {
  return caseSignals.turns.some((signals) => signals.length > 0 && policy(signals).escalate);
}

/** Both error rates of a policy over collected signals, with the misses of one reason. Pure. */
export function curvePoint(
  collected: readonly CaseSignals[],
  policy: ReturnType<PolicyFactory>,
  value: number,
  reason: EscalationReason,
): CurvePoint {
  let escalateCases = 0;
  let missed = 0;
  let handleCases = 0;
  let falseEscalations = 0;
  let reasonCases = 0;
  let reasonMissed = 0;
  for (const item of collected) {
    const escalated = escalatesUnder(item, policy);
    if (item.case.expect === 'handle') {
      handleCases++;
      if (escalated) falseEscalations++;
      continue;
    }
    escalateCases++;
    if (!escalated) missed++;
    if (item.case.reason === reason) {
      reasonCases++;
      if (!escalated) reasonMissed++;
    }
  }
  return {
    value,
    falseEscalationRate: rate(falseEscalations, handleCases),
    falseNonEscalationRate: rate(missed, escalateCases),
    missedOfReason: rate(reasonMissed, reasonCases),
  };
}

/** The reasons worth sweeping: those some collected signal has, crisis excluded. */
export function sweptReasons(collected: readonly CaseSignals[]): EscalationReason[] {
  const present = new Set<EscalationReason>();
  for (const item of collected)
    for (const signals of item.turns) for (const signal of signals) present.add(signal.reason);
  return escalationReasons.filter((reason) => present.has(reason) && !unswept.has(reason));
}

/** The grid with the base value added, ascending. */
export function gridWith(base: number, grid: readonly number[] = thresholdGrid): number[] {
  return [...new Set([...grid, base])].sort((a, b) => a - b);
}

/** Options of {@link sweepThresholds}. */
export interface SweepOptions {
  createPolicy: PolicyFactory;
  /** The thresholds of the run (the guard's defaults merged with its options). */
  baseThresholds: Readonly<Record<string, number>>;
  /** @default {@link thresholdGrid} */
  grid?: readonly number[];
}

/**
 * The operating curve over the policy thresholds: for each reason the guard reported, its
 * threshold set to every grid value while the others keep their base values, the decisions
 * replayed with the guard's own policy over the collected signals. Pure; costs one policy call
 * per turn and grid point.
 */
export function sweepThresholds(collected: readonly CaseSignals[], options: SweepOptions): OperatingCurve {
  const lines = sweptReasons(collected).map((reason): CurveLine => {
    const baseValue = options.baseThresholds[reason] ?? 0.5;
    const points = gridWith(baseValue, options.grid).map((value) =>
      curvePoint(collected, options.createPolicy({ ...options.baseThresholds, [reason]: value }), value, reason),
    );
    return { parameter: `thresholds.${reason}`, reason, baseValue, points };
  });
  return { baseThresholds: { ...options.baseThresholds }, lines };
}

/**
 * A curve line for an option a detector reads itself (such as `learnedIntent.threshold`): the
 * guard is rebuilt at each value with `createGuardAt` and run over the cases again, then decided
 * with the base policy. Costs one guard run over the cases per value.
 */
export async function sweepGuardOption(
  cases: readonly EvalCase[],
  line: { parameter: string; reason: EscalationReason; baseValue: number; values: readonly number[] },
  createGuardAt: (value: number) => GuardLike,
  policy: ReturnType<PolicyFactory>,
): Promise<{ line: CurveLine; collected: Map<number, CaseSignals[]> }> {
  const collected = new Map<number, CaseSignals[]>();
  const points: CurvePoint[] = [];
  for (const value of gridWith(line.baseValue, line.values)) {
    const signals = await collectCaseSignals(createGuardAt(value), cases);
    collected.set(value, signals);
    points.push(curvePoint(signals, policy, value, line.reason));
  }
  return { line: { parameter: line.parameter, reason: line.reason, baseValue: line.baseValue, points }, collected };
}
