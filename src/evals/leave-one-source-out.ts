import { z } from 'zod';
import { type IntentModel, loadIntentModel } from '../guard/model/intent-model.js';
import { intentExamples, trainIntentModel } from '../guard/model/train-intent-model.js';
import type { EvalCase } from './eval-case.js';
import { createGuardRunner, type GuardLike } from './guard-runner.js';
import { computeMetrics, type EvalReport, rate } from './metrics.js';
import { runEval } from './run-eval.js';
import { formatTable } from './text-report.js';

/** One source of a leave-one-source-out run: its cases and, when its bot has one, its scope. */
export interface LosoSource {
  name: string;
  cases: readonly EvalCase[];
  scope?: readonly string[];
}

/** What the guard under test is built from in one fold. */
export interface LosoGuardOptions {
  /** The intent model trained without the held-out source. */
  model: IntentModel;
  scope?: readonly string[];
}

/** The figures of one held-out source. */
export interface LosoRow {
  source: string;
  /** Training messages the fold's model learned from (all other sources). */
  trainingExamples: number;
  /** The fold's cross-validated threshold. */
  threshold: number;
  report: EvalReport;
}

/** The manifest that names the sources (`evals/loso-sources.json`). */
export const losoManifestSchema = z.object({
  sources: z
    .array(
      z
        .object({
          name: z.string().min(1),
          files: z.array(z.string().min(1)).min(1),
          scope: z.string().min(1).optional(),
        })
        .strict(),
    )
    .min(2, 'leave-one-source-out needs at least two sources'),
});

export type LosoManifest = z.infer<typeof losoManifestSchema>;

/**
 * Leave one source out: for each source, the learned parts of the guard (the intent model and its
 * threshold) are trained on every other source, and the guard is measured on the one left out,
 * with that source's scope. No figure comes from data its model saw.
 */
export async function leaveOneSourceOut(
  sources: readonly LosoSource[],
  createGuard: (options: LosoGuardOptions) => GuardLike,
  onFold?: (row: LosoRow) => void,
): Promise<LosoRow[]> {
  const rows: LosoRow[] = [];
  for (const heldOut of sources) {
    const training = intentExamples(sources.filter((source) => source !== heldOut).flatMap((source) => source.cases));
    const data = trainIntentModel(training);
    const guard = createGuard({ model: loadIntentModel(data), ...(heldOut.scope ? { scope: heldOut.scope } : {}) });
    const results = await runEval(
      heldOut.cases,
      createGuardRunner(() => guard),
    );
    const row = {
      source: heldOut.name,
      trainingExamples: training.length,
      threshold: data.threshold,
      report: computeMetrics(results),
    };
    rows.push(row);
    onFold?.(row);
  }
  return rows;
}

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);

/** The terminal table of a leave-one-source-out run: one row a held-out source, then all of them together. */
export function renderLosoText(rows: readonly LosoRow[]): string {
  const line = (source: string, report: EvalReport, threshold: string, training: string) => {
    const missed = report.falseNonEscalationRate;
    const wrong = report.falseEscalationRate;
    return [
      source,
      `${missed.count}/${missed.total}`,
      percent(missed.rate),
      `[${percent(missed.interval[0])}, ${percent(missed.interval[1])}]`,
      `${wrong.count}/${wrong.total}`,
      percent(wrong.rate),
      `[${percent(wrong.interval[0])}, ${percent(wrong.interval[1])}]`,
      threshold,
      training,
    ];
  };
  const body = rows.map((row) => line(row.source, row.report, row.threshold.toFixed(2), String(row.trainingExamples)));
  const total = computeTotals(rows);
  body.push(line('all sources, each held out', total, '', ''));
  return formatTable(
    ['held-out source', 'missed', 'FNE', '95% CI', 'false esc.', 'FE', '95% CI', 'threshold', 'trained on'],
    body,
  );
}

/** The held-out figures of every fold together (each case judged by the fold that left its source out). */
export function computeTotals(rows: readonly LosoRow[]): EvalReport {
  const escalate = rows.reduce((sum, row) => sum + row.report.escalateCases, 0);
  const missed = rows.reduce((sum, row) => sum + row.report.falseNonEscalationRate.count, 0);
  const handle = rows.reduce((sum, row) => sum + row.report.handleCases, 0);
  const wrong = rows.reduce((sum, row) => sum + row.report.falseEscalationRate.count, 0);
  const empty = computeMetrics([]);
  return {
    ...empty,
    cases: escalate + handle,
    escalateCases: escalate,
    handleCases: handle,
    falseNonEscalationRate: rate(missed, escalate),
    falseEscalationRate: rate(wrong, handle),
    recall: rate(escalate - missed, escalate),
    misses: rows.flatMap((row) => row.report.misses),
    falseEscalations: rows.flatMap((row) => row.report.falseEscalations),
  };
}
