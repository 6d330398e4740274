import type { GuardDecision, Signal } from '../../guard/types.js';
import {
  type CaseSignals,
  collectCaseSignals,
  type EvalCase,
  findThresholdsForTarget,
  type GuardLike,
  type OperatingCurve,
  type PolicyThresholds,
  sweepGuardOption,
  sweepThresholds,
  type TargetCandidate,
  type ThresholdTarget,
} from '../index.js';
import { UsageError } from './cli-errors.js';

/** What the eval command needs of a guard module: `src/guard` exports all of it. */
export interface GuardModule {
  createGuard(options?: Record<string, unknown>): GuardLike;
  /** The guard's policy with overridden thresholds; needed by `--curve`. */
  createPolicy?: (options: { thresholds?: PolicyThresholds }) => (signals: readonly Signal[]) => GuardDecision;
  /** The thresholds the guard uses by default; needed by `--curve`. */
  defaultThresholds?: Readonly<Record<string, number>>;
  /** The learned model; when exported, `learnedIntent.threshold` is swept too. */
  shippedIntentModel?: () => { threshold: number };
}

/** Values of the learned model's probability threshold tried (each a guard run over the cases). */
const learnedIntentGrid = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

/** The curve and, with a target, the thresholds that reach it. */
export interface CurveResult {
  curve: OperatingCurve;
  target?: ThresholdTarget;
}

/**
 * `--curve`: the guard's decisions over the cases swept over its policy thresholds (replayed
 * with its own `createPolicy`) and its learned model's probability threshold (the guard rebuilt
 * at each value); with `target`, the thresholds that bring false escalation to it.
 */
export async function computeCurve(
  module: GuardModule,
  cases: readonly EvalCase[],
  scopeOptions: Record<string, unknown>,
  target: number | undefined,
): Promise<CurveResult> {
  const { createPolicy, defaultThresholds } = module;
  if (typeof createPolicy !== 'function' || typeof defaultThresholds !== 'object' || defaultThresholds === null) {
    throw new UsageError(
      '--curve needs a guard module that exports createPolicy() and defaultThresholds (src/guard does)',
    );
  }
  const policyAt = (thresholds: PolicyThresholds) => createPolicy({ thresholds });
  const baseThresholds = { ...defaultThresholds };
  const collected = await collectCaseSignals(module.createGuard(scopeOptions), cases);
  const curve = sweepThresholds(collected, { createPolicy: policyAt, baseThresholds });
  const candidates: TargetCandidate[] = [{ guardOptions: {}, collected }];
  if (typeof module.shippedIntentModel === 'function') {
    const baseValue = module.shippedIntentModel().threshold;
    const swept = await sweepGuardOption(
      cases,
      { parameter: 'learnedIntent.threshold', reason: 'high_stakes', baseValue, values: learnedIntentGrid },
      (value) => module.createGuard({ ...scopeOptions, learnedIntent: { threshold: value } }),
      policyAt(baseThresholds),
    );
    curve.lines.push(swept.line);
    for (const [value, signals] of swept.collected) {
      if (value !== baseValue) candidates.push(learnedCandidate(value, signals));
    }
  }
  if (target === undefined) return { curve };
  return { curve, target: findThresholdsForTarget(candidates, { createPolicy: policyAt, baseThresholds, target }) };
}

function learnedCandidate(value: number, collected: CaseSignals[]): TargetCandidate {
  return { guardOptions: { learnedIntent: { threshold: value } }, collected };
}
