import { z } from 'zod';
import type { CaseResult } from './case-result.js';
import type { EvalCase } from './eval-case.js';
import { sourceOf } from './metrics.js';

/** One case's outcome as the JSON report lists it (`outcomes`), matched by id across runs. */
export interface CaseOutcomeRecord {
  id: string;
  source: string;
  expect: EvalCase['expect'];
  expectedReason: EvalCase['reason'];
  escalated: boolean;
  firedReason: string | null;
  error?: string;
}

/** The per-case outcomes of a run, in case order, for the JSON report. Pure. */
export function caseOutcomeRecords(results: readonly CaseResult[]): CaseOutcomeRecord[] {
  return results.map((result) => ({
    id: result.case.id,
    source: sourceOf(result.case),
    expect: result.case.expect,
    expectedReason: result.case.reason,
    escalated: result.escalated,
    firedReason: result.firedReason,
    ...(result.error === undefined ? {} : { error: result.error }),
  }));
}

const idEntry = z.looseObject({ id: z.string() });

/**
 * What `--compare` reads of a previous `--json` report: `outcomes` (every case, written since
 * `--compare` exists) or, in older reports, only `misses` and `falseEscalations`.
 */
export const baselineReportSchema = z.looseObject({
  outcomes: z.array(z.looseObject({ id: z.string(), escalated: z.boolean() })).optional(),
  misses: z.array(idEntry, { message: 'misses must be a list of cases with an id' }),
  falseEscalations: z.array(idEntry, { message: 'falseEscalations must be a list of cases with an id' }),
});

/** A baseline report as `--compare` reads it. */
export type BaselineReport = z.infer<typeof baselineReportSchema>;

/** A case whose outcome changed since the baseline run. */
export interface CaseChange {
  id: string;
  source: string;
  expect: EvalCase['expect'];
  expectedReason: EvalCase['reason'];
  /** Reason that fired in this run, or null. */
  firedReason: string | null;
  /** The user's last words, to recognise the case. */
  lastUserText: string;
}

/** The cases whose outcome changed between a baseline run and this one, judged on this run's labels. */
export interface RunComparison {
  /** False when the baseline has no per-case outcomes: cases absent from its lists count as handled right. */
  perCaseBaseline: boolean;
  /** Escalate cases the baseline escalated that this run missed. */
  newlyMissed: CaseChange[];
  /** Handle cases the baseline kept that this run escalated. */
  newlyEscalated: CaseChange[];
  /** Cases the baseline got wrong (missed or falsely escalated) that this run gets right. */
  fixed: CaseChange[];
  /** Cases of this run the baseline does not have (per-case baseline only; not compared). */
  added: number;
  /** Cases of the baseline this run does not have. */
  removed: number;
}

function change(result: CaseResult): CaseChange {
  return {
    id: result.case.id,
    source: sourceOf(result.case),
    expect: result.case.expect,
    expectedReason: result.case.reason,
    firedReason: result.firedReason,
    lastUserText: result.case.messages.filter((message) => message.role === 'user').at(-1)?.content ?? '',
  };
}

/** Whether the baseline escalated each case, or undefined for a case it does not have. */
function baselineEscalation(baseline: BaselineReport): (evalCase: EvalCase) => boolean | undefined {
  if (baseline.outcomes) {
    const escalated = new Map(baseline.outcomes.map((outcome) => [outcome.id, outcome.escalated]));
    return (evalCase) => escalated.get(evalCase.id);
  }
  const missed = new Set(baseline.misses.map((entry) => entry.id));
  const falselyEscalated = new Set(baseline.falseEscalations.map((entry) => entry.id));
  return (evalCase) => {
    if (missed.has(evalCase.id)) return false;
    if (falselyEscalated.has(evalCase.id)) return true;
    return evalCase.expect === 'escalate';
  };
}

/**
 * Compares this run's results with a baseline report, case by case (matched by id), on this
 * run's labels: newly missed, newly escalated and fixed cases. Pure.
 */
export function compareRuns(baseline: BaselineReport, results: readonly CaseResult[]): RunComparison {
  const escalatedBefore = baselineEscalation(baseline);
  const comparison: RunComparison = {
    perCaseBaseline: baseline.outcomes !== undefined,
    newlyMissed: [],
    newlyEscalated: [],
    fixed: [],
    added: 0,
    removed: 0,
  };
  for (const result of results) {
    const before = escalatedBefore(result.case);
    if (before === undefined) {
      comparison.added++;
      continue;
    }
    if (before === result.escalated) continue;
    const wanted = result.case.expect === 'escalate';
    if (result.escalated === wanted) comparison.fixed.push(change(result));
    else if (wanted) comparison.newlyMissed.push(change(result));
    else comparison.newlyEscalated.push(change(result));
  }
  if (baseline.outcomes) {
    const ids = new Set(results.map((result) => result.case.id));
    comparison.removed = baseline.outcomes.filter((outcome) => !ids.has(outcome.id)).length;
  }
  return comparison;
}

/** How each case changed, by id, for the reports that mark cases. */
export function comparisonStatus(comparison: RunComparison): Map<string, 'newly-missed' | 'newly-escalated' | 'fixed'> {
  const status = new Map<string, 'newly-missed' | 'newly-escalated' | 'fixed'>();
  for (const item of comparison.newlyMissed) status.set(item.id, 'newly-missed');
  for (const item of comparison.newlyEscalated) status.set(item.id, 'newly-escalated');
  for (const item of comparison.fixed) status.set(item.id, 'fixed');
  return status;
}
