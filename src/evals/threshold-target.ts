import type { EscalationReason } from '../guard/types.js';
import { type Rate, rate } from './metrics.js';
import {
  type CaseSignals,
  escalatesUnder,
  gridWith,
  type PolicyFactory,
  sweptReasons,
  thresholdGrid,
} from './operating-curve.js';

/** A set of signals to search over, with the guard options that produced it. */
export interface TargetCandidate {
  /** Detector options the signals were collected with (e.g. `{ learnedIntent: { threshold: 0.9 } }`). */
  guardOptions: Record<string, unknown>;
  collected: readonly CaseSignals[];
}

/** Options of {@link findThresholdsForTarget}. */
export interface ThresholdTargetOptions {
  createPolicy: PolicyFactory;
  baseThresholds: Readonly<Record<string, number>>;
  /** The false escalation rate to reach, in 0..1. */
  target: number;
  /** @default {@link thresholdGrid} */
  grid?: readonly number[];
}

/** Thresholds that reach a false escalation rate, found on the run's cases. */
export interface ThresholdTarget {
  target: number;
  /** False when no setting of the grid reaches the target; the result is then the lowest rate found. */
  reached: boolean;
  /** The policy thresholds that differ from the run's. */
  thresholds: Partial<Record<EscalationReason, number>>;
  /** Detector options that differ from the run's. */
  guardOptions: Record<string, unknown>;
  falseEscalationRate: Rate;
  falseNonEscalationRate: Rate;
}

interface SearchState {
  thresholds: Record<string, number>;
  escalated: boolean[];
  falseEscalations: number;
  missed: number;
}

function indexByReason(collected: readonly CaseSignals[], reasons: readonly EscalationReason[]) {
  const index = new Map<EscalationReason, number[]>(reasons.map((reason) => [reason, []]));
  collected.forEach((item, position) => {
    const seen = new Set(item.turns.flat().map((signal) => signal.reason));
    for (const reason of seen) index.get(reason)?.push(position);
  });
  return index;
}

/** The change in false escalations and misses if `reason` moved to `value`; only cases with such a signal can change. */
function moveDelta(
  state: SearchState,
  collected: readonly CaseSignals[],
  affected: readonly number[],
  policy: ReturnType<PolicyFactory>,
) {
  let falseEscalations = 0;
  let missed = 0;
  const flips: number[] = [];
  for (const position of affected) {
    const item = collected[position]!;
    const now = escalatesUnder(item, policy);
    if (now === state.escalated[position]) continue;
    flips.push(position);
    const change = now ? 1 : -1;
    if (item.case.expect === 'handle') falseEscalations += change;
    else missed -= change;
  }
  return { falseEscalations, missed, flips };
}

/**
 * Greedy search over one candidate: while the false escalation rate is above the target, raise
 * the threshold that removes the most false escalations per miss it adds; then, within the
 * target, lower the threshold that recovers the most misses per false escalation it adds.
 */
function search(candidate: TargetCandidate, options: ThresholdTargetOptions): SearchState {
  const { collected } = candidate;
  const reasons = sweptReasons(collected);
  const affected = indexByReason(collected, reasons);
  const thresholds = { ...options.baseThresholds };
  const base = options.createPolicy(thresholds);
  const escalated = collected.map((item) => escalatesUnder(item, base));
  const handle = collected.filter((item) => item.case.expect === 'handle').length;
  const allowed = Math.floor(options.target * handle + 1e-9);
  const state: SearchState = {
    thresholds,
    escalated,
    falseEscalations: collected.filter((item, position) => item.case.expect === 'handle' && escalated[position]).length,
    missed: collected.filter((item, position) => item.case.expect === 'escalate' && !escalated[position]).length,
  };
  const step = (raise: boolean): boolean => {
    let best: { reason: EscalationReason; value: number; score: number; delta: ReturnType<typeof moveDelta> } | null =
      null;
    for (const reason of reasons) {
      const current = state.thresholds[reason] ?? 0.5;
      for (const value of gridWith(current, options.grid ?? thresholdGrid)) {
        if (raise ? value <= current : value >= current) continue;
        const policy = options.createPolicy({ ...state.thresholds, [reason]: value });
        const delta = moveDelta(state, collected, affected.get(reason) ?? [], policy);
        const gain = raise ? -delta.falseEscalations : -delta.missed;
        if (gain <= 0) continue;
        if (!raise && state.falseEscalations + delta.falseEscalations > allowed) continue;
        const score = gain / (1 + Math.max(0, raise ? delta.missed : delta.falseEscalations));
        const closer = best && best.reason === reason && Math.abs(value - current) < Math.abs(best.value - current);
        if (!best || score > best.score || (score === best.score && closer)) best = { reason, value, score, delta };
      }
    }
    if (!best) return false;
    state.thresholds[best.reason] = best.value;
    for (const position of best.delta.flips) state.escalated[position] = !state.escalated[position];
    state.falseEscalations += best.delta.falseEscalations;
    state.missed += best.delta.missed;
    return true;
  };
  while (state.falseEscalations > allowed && step(true));
  if (state.falseEscalations <= allowed) while (step(false));
  return state;
}

/**
 * Thresholds that bring the guard's false escalation rate on these cases to at most `target`
 * with as few misses as the greedy search finds, over every candidate (each a set of signals
 * collected with other detector options). Pure.
 */
export function findThresholdsForTarget(
  candidates: readonly TargetCandidate[],
  options: ThresholdTargetOptions,
): ThresholdTarget {
  let best: { candidate: TargetCandidate; state: SearchState; reached: boolean } | null = null;
  for (const candidate of candidates) {
    const state = search(candidate, options);
    const handle = candidate.collected.filter((item) => item.case.expect === 'handle').length;
    const reached = state.falseEscalations <= Math.floor(options.target * handle + 1e-9);
    const better =
      !best ||
      (reached && !best.reached) ||
      (reached === best.reached &&
        (reached
          ? state.missed < best.state.missed ||
            (state.missed === best.state.missed && state.falseEscalations < best.state.falseEscalations)
          : state.falseEscalations < best.state.falseEscalations));
    if (better) best = { candidate, state, reached };
  }
  if (!best) throw new RangeError('findThresholdsForTarget needs at least one candidate');
  const { collected } = best.candidate;
  const handle = collected.filter((item) => item.case.expect === 'handle').length;
  const changed: Partial<Record<EscalationReason, number>> = {};
  for (const [reason, value] of Object.entries(best.state.thresholds)) {
    if (options.baseThresholds[reason] !== value) changed[reason as EscalationReason] = value;
  }
  return {
    target: options.target,
    reached: best.reached,
    thresholds: changed,
    guardOptions: best.candidate.guardOptions,
    falseEscalationRate: rate(best.state.falseEscalations, handle),
    falseNonEscalationRate: rate(best.state.missed, collected.length - handle),
  };
}

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);

/** The guard options of a target as code: `{ thresholds: { ... }, learnedIntent: { ... } }`. */
export function targetGuardOptions(target: ThresholdTarget): Record<string, unknown> {
  return {
    ...(Object.keys(target.thresholds).length > 0 ? { thresholds: target.thresholds } : {}),
    ...target.guardOptions,
  };
}

/** The terminal text of `--target-false-escalation`: the thresholds and the options snippet that uses them. */
export function renderThresholdTargetText(target: ThresholdTarget, baseThresholds: Readonly<Record<string, number>>) {
  const fer = target.falseEscalationRate;
  const fner = target.falseNonEscalationRate;
  const out = [
    target.reached
      ? `thresholds for a false escalation rate of at most ${percent(target.target)} on these cases:`
      : `no threshold of the grid reaches a false escalation rate of ${percent(target.target)}; the lowest found:`,
    `  false escalation rate ${percent(fer.rate)} (${fer.count}/${fer.total}), false non-escalation rate ${percent(fner.rate)} (${fner.count}/${fner.total})`,
  ];
  for (const [reason, value] of Object.entries(target.thresholds)) {
    out.push(`  thresholds.${reason}  ${(baseThresholds[reason] ?? 0.5).toFixed(2)} -> ${value.toFixed(2)}`);
  }
  for (const [option, value] of Object.entries(target.guardOptions)) {
    out.push(`  ${option}  ${JSON.stringify(value)}`);
  }
  const options = targetGuardOptions(target);
  if (Object.keys(options).length === 0) {
    out.push('  the run already meets it with as few misses as the search finds: no option to change');
    return out.join('\n');
  }
  // An object literal as code: unquoted keys, spaced.
  const json = JSON.stringify(options)
    .replace(/"([A-Za-z_$][\w$]*)":/g, '$1: ')
    .replaceAll(',', ', ')
    .replaceAll('{', '{ ')
    .replaceAll('}', ' }');
  out.push(
    'use them:',
    `  handrail({ ...yourOptions, guard: { ...yourGuardOptions, ${json.slice(1, -1).trim()} } })`,
    `  createGuard({ ...yourGuardOptions, ${json.slice(1, -1).trim()} })`,
    'found on the cases of this run: confirm them on cases you did not tune on.',
  );
  return out.join('\n');
}
