import type { CaseResult, OutcomeEvidence } from './case-result.js';
import type { EvalCase } from './eval-case.js';
import { type WeekRates, weeklyRates } from './weekly-rates.js';
import { wilsonInterval } from './wilson-interval.js';

/** A proportion with its count, its total and a 95% Wilson score interval. */
export interface Rate {
  count: number;
  total: number;
  /** `count / total`, or null when `total` is 0. */
  rate: number | null;
  interval: [number, number];
}

/** Recall on the escalate cases of one expected reason. */
export interface ReasonMetrics {
  cases: number;
  missed: number;
  /** Share of these cases that escalated (for any reason); null without cases. */
  recall: number | null;
  /** 95% Wilson interval of `recall`. */
  interval: [number, number];
  falseNonEscalationRate: Rate;
  /** Escalated, but for another reason than the label. */
  otherReason: number;
}

/** Both error rates on the cases of one source. */
export interface SourceMetrics {
  cases: number;
  escalateCases: number;
  missed: number;
  falseNonEscalationRate: Rate;
  handleCases: number;
  falseEscalations: number;
  falseEscalationRate: Rate;
}

/** A miss or a false escalation, with what the runner saw. */
export interface CaseReportEntry {
  id: string;
  source: string;
  expect: EvalCase['expect'];
  expectedReason: EvalCase['reason'];
  firedReason: string | null;
  escalatedAtTurn: number | null;
  note?: string;
  messages: EvalCase['messages'];
  evidence: OutcomeEvidence[];
  error?: string;
}

/** The JSON report of a run. */
export interface EvalReport {
  cases: number;
  escalateCases: number;
  handleCases: number;
  /** Escalate cases that were not escalated, over all escalate cases. */
  falseNonEscalationRate: Rate;
  /** Handle cases that were escalated, over all handle cases. */
  falseEscalationRate: Rate;
  /** Escalate cases that were escalated (1 - false non-escalation rate). */
  recall: Rate;
  byReason: Record<string, ReasonMetrics>;
  bySource: Record<string, SourceMetrics>;
  /** `confusion[expected][fired]`: how many cases labelled `expected` escalated for `fired` (`none`: not escalated). */
  confusion: Record<string, Record<string, number>>;
  latency: { p50Ms: number; p99Ms: number; meanMs: number; maxMs: number };
  misses: CaseReportEntry[];
  falseEscalations: CaseReportEntry[];
  /** Cases whose run failed (they count as not escalated). */
  errors: CaseReportEntry[];
  /** Per ISO week of judgement, for cases exported from production judgements (`judgedAt`); absent otherwise. */
  byWeek?: WeekRates[];
}

/** The source a case is grouped under: its `source`, or `unknown`. */
export function sourceOf(evalCase: EvalCase): string {
  return evalCase.source ?? 'unknown';
}

/** Builds a {@link Rate} from a count and a total. */
export function rate(count: number, total: number): Rate {
  return { count, total, rate: total === 0 ? null : count / total, interval: wilsonInterval(count, total) };
}

/**
 * Nearest-rank percentile (`p` in 0..100) of a list of numbers; 0 for an empty list.
 * p50 of 1..10 is 5, p99 of 1..10 is 10.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

function entry(result: CaseResult): CaseReportEntry {
  const { case: evalCase } = result;
  return {
    id: evalCase.id,
    source: sourceOf(evalCase),
    expect: evalCase.expect,
    expectedReason: evalCase.reason,
    firedReason: result.firedReason,
    escalatedAtTurn: result.escalatedAtTurn,
    ...(evalCase.note === undefined ? {} : { note: evalCase.note }),
    messages: evalCase.messages,
    evidence: result.evidence,
    ...(result.error === undefined ? {} : { error: result.error }),
  };
}

/** Computes every figure of a run from its case results. Pure. */
export function computeMetrics(results: readonly CaseResult[]): EvalReport {
  const escalate = results.filter((result) => result.case.expect === 'escalate');
  const handle = results.filter((result) => result.case.expect === 'handle');
  const missedResults = escalate.filter((result) => !result.escalated);
  const falseEscalationResults = handle.filter((result) => result.escalated);

  const byReason: Record<string, ReasonMetrics> = {};
  const reasons = [...new Set(escalate.map((result) => result.case.reason))].sort();
  for (const reason of reasons) {
    const group = escalate.filter((result) => result.case.reason === reason);
    const escalated = group.filter((result) => result.escalated);
    byReason[reason] = {
      cases: group.length,
      missed: group.length - escalated.length,
      recall: group.length === 0 ? null : escalated.length / group.length,
      interval: wilsonInterval(escalated.length, group.length),
      falseNonEscalationRate: rate(group.length - escalated.length, group.length),
      otherReason: escalated.filter((result) => result.firedReason !== reason).length,
    };
  }

  const bySource: Record<string, SourceMetrics> = {};
  const sources = [...new Set(results.map((result) => sourceOf(result.case)))].sort();
  for (const source of sources) {
    const group = results.filter((result) => sourceOf(result.case) === source);
    const groupEscalate = group.filter((result) => result.case.expect === 'escalate');
    const groupHandle = group.filter((result) => result.case.expect === 'handle');
    const missed = groupEscalate.filter((result) => !result.escalated).length;
    const falseEscalations = groupHandle.filter((result) => result.escalated).length;
    bySource[source] = {
      cases: group.length,
      escalateCases: groupEscalate.length,
      missed,
      falseNonEscalationRate: rate(missed, groupEscalate.length),
      handleCases: groupHandle.length,
      falseEscalations,
      falseEscalationRate: rate(falseEscalations, groupHandle.length),
    };
  }

  const confusion: Record<string, Record<string, number>> = {};
  for (const result of results) {
    const row = confusion[result.case.reason] ?? {};
    confusion[result.case.reason] = row;
    const fired = result.escalated ? (result.firedReason ?? 'unknown') : 'none';
    row[fired] = (row[fired] ?? 0) + 1;
  }

  const latencies = results.map((result) => result.latencyMs);
  const total = latencies.reduce((sum, value) => sum + value, 0);
  const byWeek = weeklyRates(results);

  return {
    cases: results.length,
    escalateCases: escalate.length,
    handleCases: handle.length,
    falseNonEscalationRate: rate(missedResults.length, escalate.length),
    falseEscalationRate: rate(falseEscalationResults.length, handle.length),
    recall: rate(escalate.length - missedResults.length, escalate.length),
    byReason,
    bySource,
    confusion,
    latency: {
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      meanMs: latencies.length === 0 ? 0 : total / latencies.length,
      maxMs: latencies.length === 0 ? 0 : Math.max(...latencies),
    },
    misses: missedResults.map(entry),
    falseEscalations: falseEscalationResults.map(entry),
    errors: results.filter((result) => result.error !== undefined).map(entry),
    ...(byWeek.length > 0 ? { byWeek } : {}),
  };
}
