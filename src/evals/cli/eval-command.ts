import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type BaselineReport,
  baselineReportSchema,
  type CaseResult,
  type CaseRunner,
  caseOutcomeRecords,
  compareRuns,
  computeMetrics,
  createGuardRunner,
  DatasetError,
  type EvalReport,
  formatDatasetIssue,
  type GuardLike,
  loadDataset,
  loadScope,
  type RunComparison,
  renderHtmlReport,
  renderJunitReport,
  renderOperatingCurveText,
  renderReplayText,
  renderTextReport,
  renderThresholdTargetText,
  replayConversations,
  runEval,
  storeExportSchema,
} from '../index.js';
import { RunError, UsageError } from './cli-errors.js';
import { progressBar, writeOutput } from './cli-output.js';
import { type CurveResult, computeCurve, type GuardModule } from './curve-step.js';
import { type EvalValues, evalExitCodes, evalUsage, parseEvalArguments, parseFraction } from './eval-arguments.js';
import { langfuseSettings, recordInLangfuse } from './langfuse-step.js';
import { runLoso } from './loso-step.js';

/** Builds the full-pipeline runner; the repository's dev CLI passes one that serves the demo app. */
export type PipelineFactory = (settings: {
  model: 'offline' | 'openai';
  scopeUtterances: string[] | undefined;
}) => Promise<CaseRunner>;

/** Options of {@link runEvalCommand}. */
export interface EvalCommandOptions {
  /** How the command is invoked, for the help text. @default 'handrail eval' */
  program?: string;
  /** The manifest `--loso` reads without `--loso-manifest`; without one, `--loso-manifest` is required. */
  defaultLosoManifest?: string;
  /** The full pipeline; without it, only `--guard-only` and `--replay` run. */
  pipeline?: PipelineFactory;
}

/** Imports a guard module by URL and checks it exports `createGuard`. */
async function importGuardModule(href: string): Promise<GuardModule> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(href)) as Record<string, unknown>;
  } catch (error) {
    throw new RunError(`could not load ${href}: ${(error as Error).message}`);
  }
  if (typeof loaded.createGuard !== 'function') throw new RunError(`${href} does not export createGuard()`);
  return loaded as unknown as GuardModule;
}

/**
 * The eval command: runs `argv` (the arguments after `eval`) and resolves to the exit code
 * ({@link evalExitCodes}). Writes the reports to stdout and files, messages to stderr.
 */
export async function runEvalCommand(argv: string[], options: EvalCommandOptions = {}): Promise<number> {
  const usage = evalUsage(options.program ?? 'handrail eval');
  try {
    return await run(argv, options, usage);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`eval: ${error.message}\n\n${usage}\n`);
      return evalExitCodes.usage;
    }
    if (error instanceof DatasetError) {
      process.stderr.write(`eval: ${error.message}\n`);
      return evalExitCodes.usage;
    }
    if (error instanceof RunError) {
      process.stderr.write(`eval: ${error.message}\n`);
      return evalExitCodes.runError;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      process.stderr.write(`eval: ${(error as Error).message}\n`);
      return evalExitCodes.usage;
    }
    process.stderr.write(`eval: ${(error as Error).stack ?? String(error)}\n`);
    return evalExitCodes.runError;
  }
}

/** The validated settings of a dataset run. */
interface RunSettings {
  values: EvalValues;
  datasets: string[];
  model: 'offline' | 'openai';
  concurrency: number;
  minRecall: number | undefined;
  maxFalseEscalation: number | undefined;
  targetFalseEscalation: number | undefined;
  curve: boolean;
  strict: boolean;
}

function readSettings(values: EvalValues, datasets: string[]): RunSettings {
  if (datasets.length === 0 && !values.replay) throw new UsageError('give at least one dataset file or --replay');
  const model = values.model ?? 'offline';
  if (model !== 'offline' && model !== 'openai') throw new UsageError('--model must be offline or openai');
  const concurrency = Number(values.concurrency ?? '4');
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError('--concurrency must be a positive integer');
  const targetFalseEscalation = parseFraction('target-false-escalation', values['target-false-escalation']);
  const curve = values.curve === true || targetFalseEscalation !== undefined;
  if (datasets.length === 0 && (curve || values.compare)) {
    throw new UsageError('--compare, --curve and --target-false-escalation need dataset files');
  }
  return {
    values,
    datasets,
    model,
    concurrency,
    minRecall: parseFraction('fail-under-recall', values['fail-under-recall']),
    maxFalseEscalation: parseFraction('max-false-escalation', values['max-false-escalation']),
    targetFalseEscalation,
    curve,
    strict: values.strict ?? false,
  };
}

async function run(argv: string[], options: EvalCommandOptions, usage: string): Promise<number> {
  let parsed: ReturnType<typeof parseEvalArguments>;
  try {
    parsed = parseEvalArguments(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return evalExitCodes.ok;
  }
  if (values.loso) {
    if (positionals.length > 0 || values.replay) throw new UsageError('--loso takes its sources from the manifest');
    const manifest = values['loso-manifest'] ?? options.defaultLosoManifest;
    if (!manifest) throw new UsageError('--loso needs --loso-manifest <file.json>');
    return runLoso(manifest, {
      minRecall: parseFraction('fail-under-recall', values['fail-under-recall']),
      maxFalseEscalation: parseFraction('max-false-escalation', values['max-false-escalation']),
      json: values.json,
    });
  }
  const settings = readSettings(values, positionals);
  const langfuse = langfuseSettings(values, positionals.length > 0);
  const baseline = values.compare ? await readBaseline(values.compare) : undefined;
  const scopeUtterances = await readScope(values.scope, settings.strict);
  const scopeOptions = scopeUtterances ? { scope: { utterances: scopeUtterances } } : {};
  let guardModule: GuardModule | undefined;
  const loadGuard = async () => {
    guardModule ??= await importGuardModule(
      values['guard-module']
        ? pathToFileURL(resolve(values['guard-module'])).href
        : new URL('../../guard/index.js', import.meta.url).href,
    );
    return guardModule;
  };

  if (values.replay) {
    await runReplay(
      values.replay,
      (await loadGuard()).createGuard(scopeOptions),
      positionals.length === 0 && values.json,
    );
    if (positionals.length === 0) return evalExitCodes.ok;
  }

  const { cases, issues } = await loadDataset(positionals, { strict: settings.strict });
  for (const issue of issues) process.stderr.write(`warning: skipped ${formatDatasetIssue(issue)}\n`);
  if (cases.length === 0) throw new UsageError('no valid cases to run');

  let runner: CaseRunner;
  let mode: string;
  if (values['guard-only']) {
    // The guard judges the transcript it is given and keeps no state between calls, so one
    // instance (with its scope index built once) serves every case.
    const shared = (await loadGuard()).createGuard(scopeOptions);
    runner = createGuardRunner(() => shared);
    mode = 'guard-only';
  } else {
    ({ runner, mode } = await pipelineRunner(options.pipeline, settings.model, scopeUtterances));
  }

  const bar = process.stderr.isTTY ? progressBar(process.stderr) : undefined;
  const results: CaseResult[] = await runEval(cases, runner, {
    concurrency: settings.concurrency,
    onProgress: (done, total) => bar?.update(done, total),
  });
  bar?.done();

  const report = computeMetrics(results);
  const comparison = baseline ? compareRuns(baseline, results) : undefined;
  const curve = settings.curve
    ? await computeCurve(await loadGuard(), cases, scopeOptions, settings.targetFalseEscalation)
    : undefined;
  await writeReports({ settings, results, report, comparison, curve, mode, issues });
  const langfuseFailed = langfuse ? await recordInLangfuse(results, langfuse, mode, positionals) : false;
  let exitCode = gate(settings, report, comparison);
  if (langfuseFailed && values['langfuse-required']) {
    process.stderr.write('eval: --langfuse-required: the run was not fully recorded in Langfuse\n');
    exitCode = evalExitCodes.runError;
  }
  return exitCode;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new UsageError(`${file}: invalid JSON: ${error.message}`);
    throw error;
  }
}

async function readBaseline(file: string): Promise<BaselineReport> {
  const parsed = baselineReportSchema.safeParse(await readJson(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      `${file}: not an eval --json report: ${issue ? `${issue.path.join('.') || 'report'}: ${issue.message}` : 'invalid'}`,
    );
  }
  return parsed.data;
}

async function readScope(files: string[] | undefined, strict: boolean): Promise<string[] | undefined> {
  if (!files || files.length === 0) return undefined;
  const scope = await loadScope(files, { strict });
  for (const issue of scope.issues) process.stderr.write(`warning: skipped ${formatDatasetIssue(issue)}\n`);
  return scope.utterances.map((utterance) => utterance.text);
}

async function runReplay(file: string, guard: GuardLike, json: string | false | undefined): Promise<void> {
  const exported = storeExportSchema.safeParse(await readJson(file));
  if (!exported.success) {
    throw new UsageError(`${file}: not a store export: ${exported.error.issues[0]?.message ?? 'invalid'}`);
  }
  const replay = await replayConversations(exported.data, () => guard);
  process.stdout.write(`${renderReplayText(replay)}\n`);
  if (json) await writeOutput(json, `${JSON.stringify(replay, null, 2)}\n`);
}

async function pipelineRunner(
  pipeline: PipelineFactory | undefined,
  model: 'offline' | 'openai',
  scopeUtterances: string[] | undefined,
): Promise<{ runner: CaseRunner; mode: string }> {
  if (!pipeline) {
    throw new UsageError(
      'the full pipeline runs the repository demo app, which the package does not ship: pass --guard-only, or run your own app through runEval() with createPipelineRunner({ createApp })',
    );
  }
  try {
    return { runner: await pipeline({ model, scopeUtterances }), mode: `pipeline (${model} model)` };
  } catch (error) {
    if (error instanceof RunError || error instanceof UsageError) throw error;
    throw new RunError(`could not create the pipeline: ${(error as Error).message}`);
  }
}

interface ReportInputs {
  settings: RunSettings;
  results: CaseResult[];
  report: EvalReport;
  comparison: RunComparison | undefined;
  curve: CurveResult | undefined;
  mode: string;
  issues: unknown[];
}

async function writeReports({ settings, results, report, comparison, curve, mode, issues }: ReportInputs) {
  const { values, datasets } = settings;
  process.stdout.write(`${renderTextReport(report, comparison ? { comparison } : {})}\n`);
  if (curve) {
    process.stdout.write(`${renderOperatingCurveText(curve.curve)}\n`);
    if (curve.target)
      process.stdout.write(`\n${renderThresholdTargetText(curve.target, curve.curve.baseThresholds)}\n`);
  }
  const generatedAt = new Date().toISOString();
  if (values.json) {
    const json = {
      ...report,
      outcomes: caseOutcomeRecords(results),
      ...(comparison ? { comparison } : {}),
      ...(curve ? { operatingCurve: curve.curve } : {}),
      ...(curve?.target ? { thresholdTarget: curve.target } : {}),
      meta: { mode, datasets, generatedAt, datasetIssues: issues },
    };
    await writeOutput(values.json, `${JSON.stringify(json, null, 2)}\n`);
  }
  if (values.html) {
    await writeOutput(
      values.html,
      renderHtmlReport(report, {
        mode,
        datasets,
        generatedAt,
        ...(comparison ? { comparison } : {}),
        ...(curve ? { curve: curve.curve } : {}),
        ...(curve?.target ? { target: curve.target } : {}),
      }),
    );
  }
  if (values.junit)
    await writeOutput(values.junit, renderJunitReport(results, undefined, comparison ? { comparison } : {}));
}

/** The exit code: run errors, then thresholds, then new misses since the baseline. */
function gate(settings: RunSettings, report: EvalReport, comparison: RunComparison | undefined): number {
  let exitCode: number = evalExitCodes.ok;
  if (report.errors.length > 0) {
    process.stderr.write(`eval: ${report.errors.length} case(s) failed to run\n`);
    exitCode = evalExitCodes.runError;
  }
  const recall = report.recall.rate;
  const { minRecall, maxFalseEscalation } = settings;
  if (minRecall !== undefined && recall !== null && recall < minRecall) {
    process.stderr.write(`eval: recall ${recall.toFixed(4)} is under --fail-under-recall ${minRecall}\n`);
    if (exitCode === evalExitCodes.ok) exitCode = evalExitCodes.thresholdFailed;
  }
  const falseEscalation = report.falseEscalationRate.rate;
  if (maxFalseEscalation !== undefined && falseEscalation !== null && falseEscalation > maxFalseEscalation) {
    process.stderr.write(
      `eval: false escalation rate ${falseEscalation.toFixed(4)} is above --max-false-escalation ${maxFalseEscalation}\n`,
    );
    if (exitCode === evalExitCodes.ok) exitCode = evalExitCodes.thresholdFailed;
  }
  if (comparison && comparison.newlyMissed.length > 0) {
    process.stderr.write(
      `eval: ${comparison.newlyMissed.length} case(s) newly missed since the --compare baseline: ${comparison.newlyMissed
        .slice(0, 10)
        .map((change) => change.id)
        .join(', ')}${comparison.newlyMissed.length > 10 ? ', ...' : ''}\n`,
    );
    if (exitCode === evalExitCodes.ok) exitCode = evalExitCodes.newMisses;
  }
  return exitCode;
}
