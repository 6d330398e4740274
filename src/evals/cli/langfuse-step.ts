import { type CaseResult, computeMetrics, type LangfuseDatasetRunResult, recordLangfuseDatasetRun } from '../index.js';
import { UsageError } from './cli-errors.js';
import type { EvalValues } from './eval-arguments.js';

/** The --langfuse-* options and the keys read from the environment. */
export interface LangfuseSettings {
  datasetName: string;
  runName: string | undefined;
  /** Undefined when a key is missing: nothing is sent. */
  keys: { publicKey: string; secretKey: string; baseUrl: string | undefined } | undefined;
}

/** Reads the --langfuse-* options and the keys from the environment; undefined without --langfuse-dataset. */
export function langfuseSettings(values: EvalValues, hasDatasets: boolean): LangfuseSettings | undefined {
  const datasetName = values['langfuse-dataset']?.trim();
  if (values['langfuse-dataset'] === undefined) {
    if (values['langfuse-run'] !== undefined || values['langfuse-required'])
      throw new UsageError('--langfuse-run and --langfuse-required need --langfuse-dataset');
    return undefined;
  }
  if (!datasetName) throw new UsageError('--langfuse-dataset needs a dataset name');
  if (!hasDatasets) throw new UsageError('--langfuse-dataset records a run of dataset files: give at least one');
  const runName = values['langfuse-run']?.trim();
  if (values['langfuse-run'] !== undefined && !runName) throw new UsageError('--langfuse-run needs a run name');
  const publicKey = process.env.LANGFUSE_PUBLIC_KEY?.trim();
  const secretKey = process.env.LANGFUSE_SECRET_KEY?.trim();
  if (!publicKey || !secretKey) {
    const missing = [publicKey ? '' : 'LANGFUSE_PUBLIC_KEY', secretKey ? '' : 'LANGFUSE_SECRET_KEY'].filter(Boolean);
    process.stderr.write(
      `eval: --langfuse-dataset: ${missing.join(' and ')} not set; the run will not be recorded in Langfuse (nothing is sent)\n`,
    );
    return { datasetName, runName, keys: undefined };
  }
  const baseUrl = process.env.LANGFUSE_BASE_URL?.trim() || process.env.LANGFUSE_BASEURL?.trim() || undefined;
  return { datasetName, runName, keys: { publicKey, secretKey, baseUrl } };
}

/** Records the run in Langfuse and prints what was recorded; resolves to true when it failed. */
export async function recordInLangfuse(
  results: CaseResult[],
  settings: LangfuseSettings,
  mode: string,
  datasets: string[],
): Promise<boolean> {
  const { keys } = settings;
  if (!keys) return true;
  const report = computeMetrics(results);
  const recorded: LangfuseDatasetRunResult = await recordLangfuseDatasetRun(results, {
    publicKey: keys.publicKey,
    secretKey: keys.secretKey,
    ...(keys.baseUrl ? { baseUrl: keys.baseUrl } : {}),
    datasetName: settings.datasetName,
    ...(settings.runName ? { runName: settings.runName } : {}),
    runMetadata: {
      mode,
      datasets,
      cases: report.cases,
      recall: report.recall.rate,
      falseNonEscalationRate: report.falseNonEscalationRate.rate,
      falseEscalationRate: report.falseEscalationRate.rate,
    },
  });
  const where = `run "${recorded.runName}" of dataset "${recorded.datasetName}"`;
  if (recorded.errors.length === 0) {
    process.stderr.write(
      `langfuse: recorded ${where}: ${recorded.datasetItems} items, ${recorded.traces} traces, ${recorded.scores} scores, ${recorded.runItems} run items\n`,
    );
    return false;
  }
  process.stderr.write(
    `warning: langfuse: ${where} recorded with ${recorded.errors.length} error(s): ${recorded.datasetItems}/${results.length} items, ${recorded.traces} traces, ${recorded.scores} scores, ${recorded.runItems} run items\n`,
  );
  for (const error of recorded.errors.slice(0, 5)) {
    process.stderr.write(`  ${error.step}${error.caseId ? ` ${error.caseId}` : ''}: ${error.message}\n`);
  }
  if (recorded.errors.length > 5) process.stderr.write(`  ... and ${recorded.errors.length - 5} more\n`);
  return true;
}
