/**
 * The eval CLI: `npm run eval -- <dataset.jsonl>... [options]`. See docs/evals.md.
 *
 * Exit codes: 0 all thresholds met; 1 a threshold not met; 2 usage or input error (bad
 * option, unreadable file, invalid line with --strict, nothing to run); 3 run error (the
 * guard or pipeline could not be loaded, or a case failed to run).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type CaseResult,
  type CaseRunner,
  computeMetrics,
  createGuardRunner,
  createPipelineRunner,
  DatasetError,
  type EvalReport,
  formatDatasetIssue,
  type GuardLike,
  type LangfuseDatasetRunResult,
  type LosoManifest,
  type LosoSource,
  leaveOneSourceOut,
  loadDataset,
  loadScope,
  losoManifestSchema,
  recordLangfuseDatasetRun,
  renderHtmlReport,
  renderJunitReport,
  renderLosoText,
  renderReplayText,
  renderTextReport,
  replayConversations,
  runEval,
  storeExportSchema,
} from '../src/evals/index.js';
import { createMemoryStore } from '../src/store/index.js';

/** Exit codes of the CLI. */
export const exitCodes = { ok: 0, thresholdFailed: 1, usage: 2, runError: 3 } as const;

const usage = `Usage: npm run eval -- <dataset.jsonl>... [options]
       npm run eval -- --loso [--loso-manifest <file.json>] [--fail-under-recall R] [--max-false-escalation F]

  --scope <file.jsonl>         in-scope utterances ({text,intent} per line); repeatable
  --guard-only                 run the guard alone instead of the full chat pipeline
  --model offline|openai       model of the full pipeline (default offline)
  --concurrency <N>            cases run at once (default 4)
  --json <file>                write the JSON report
  --html <file>                write the self-contained HTML report
  --junit <file>               write JUnit XML (one testcase per case)
  --fail-under-recall <R>      exit 1 when recall on escalate cases is below R (0..1)
  --max-false-escalation <F>   exit 1 when the false escalation rate is above F (0..1)
  --strict                     fail (exit 2) on any invalid dataset line instead of skipping it
  --replay <export.json>       run the guard over a store export; list conversations never
                               handed off that should have been
  --guard-module <file>        module exporting createGuard() to evaluate instead of src/guard
  --loso                       leave one source out: for each source of the manifest, train the
                               guard's learned model on the others and measure the guard alone
                               on it; the thresholds apply to every source
  --loso-manifest <file.json>  the sources (default evals/loso-sources.json)
  --langfuse-dataset <name>    record the run in Langfuse as a run of this dataset (needs
                               LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY; LANGFUSE_BASE_URL)
  --langfuse-run <name>        name of the Langfuse dataset run (default eval-<ISO time>)
  --langfuse-required          exit 3 when the run could not be recorded in Langfuse
  --help                       show this help

Exit codes: 0 ok, 1 threshold not met, 2 usage/input error, 3 run error.`;

class UsageError extends Error {}
class RunError extends Error {}

interface GuardModule {
  createGuard(options?: { scope?: { utterances: string[] } }): GuardLike;
}
type HandrailModule = typeof import('../src/handrail.js');
type DemoModule = typeof import('../src/demo/demo-app.js');

/** Imports a module by a URL or a path relative to this file, checking it exports `names`. */
async function importProject<T>(relative: string, names: string[]): Promise<T> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(new URL(relative, import.meta.url).href)) as Record<string, unknown>;
  } catch (error) {
    throw new RunError(`could not load ${relative}: ${(error as Error).message}`);
  }
  for (const name of names) {
    if (typeof loaded[name] !== 'function') throw new RunError(`${relative} does not export ${name}()`);
  }
  return loaded as T;
}

function parseFraction(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > 1) throw new UsageError(`--${name} must be a number in 0..1`);
  return number;
}

function progressBar(stream: NodeJS.WriteStream) {
  let last = 0;
  return {
    update(done: number, total: number) {
      const now = Date.now();
      if (done !== total && now - last < 80) return;
      last = now;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 30));
      const filled = Math.round((done / total) * width);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${((done / total) * 100).toFixed(0)}%`,
      );
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}

async function writeOutput(file: string, text: string) {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`eval: ${error.message}\n\n${usage}\n`);
      return exitCodes.usage;
    }
    if (error instanceof DatasetError) {
      process.stderr.write(`eval: ${error.message}\n`);
      return exitCodes.usage;
    }
    if (error instanceof RunError) {
      process.stderr.write(`eval: ${error.message}\n`);
      return exitCodes.runError;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      process.stderr.write(`eval: ${(error as Error).message}\n`);
      return exitCodes.usage;
    }
    process.stderr.write(`eval: ${(error as Error).stack ?? String(error)}\n`);
    return exitCodes.runError;
  }
}

async function run(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseCli>;
  try {
    parsed = parseCli(argv);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return exitCodes.ok;
  }
  if (values.loso) {
    if (positionals.length > 0 || values.replay) throw new UsageError('--loso takes its sources from the manifest');
    return runLoso(values['loso-manifest'] ?? defaultLosoManifest, {
      minRecall: parseFraction('fail-under-recall', values['fail-under-recall']),
      maxFalseEscalation: parseFraction('max-false-escalation', values['max-false-escalation']),
      json: values.json,
    });
  }
  if (positionals.length === 0 && !values.replay) throw new UsageError('give at least one dataset file or --replay');
  const model = values.model ?? 'offline';
  if (model !== 'offline' && model !== 'openai') throw new UsageError('--model must be offline or openai');
  const concurrency = Number(values.concurrency ?? '4');
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError('--concurrency must be a positive integer');
  const minRecall = parseFraction('fail-under-recall', values['fail-under-recall']);
  const maxFalseEscalation = parseFraction('max-false-escalation', values['max-false-escalation']);
  const strict = values.strict ?? false;
  const langfuse = langfuseSettings(values, positionals.length > 0);

  let scopeUtterances: string[] | undefined;
  if (values.scope && values.scope.length > 0) {
    const scope = await loadScope(values.scope, { strict });
    for (const issue of scope.issues) process.stderr.write(`warning: skipped ${formatDatasetIssue(issue)}\n`);
    scopeUtterances = scope.utterances.map((utterance) => utterance.text);
  }

  let guardModule: GuardModule | undefined;
  const loadGuard = async () => {
    guardModule ??= await importProject<GuardModule>(
      values['guard-module'] ? pathToFileURL(resolve(values['guard-module'])).href : '../src/guard/index.js',
      ['createGuard'],
    );
    const module = guardModule;
    return () => module.createGuard(scopeUtterances ? { scope: { utterances: scopeUtterances } } : {});
  };

  let exitCode: number = exitCodes.ok;

  if (values.replay) {
    const createGuardForConversation = await loadGuard();
    let conversations: unknown;
    try {
      conversations = JSON.parse(await readFile(values.replay, 'utf8'));
    } catch (error) {
      if (error instanceof SyntaxError) throw new UsageError(`${values.replay}: invalid JSON: ${error.message}`);
      throw error;
    }
    const exported = storeExportSchema.safeParse(conversations);
    if (!exported.success) {
      throw new UsageError(`${values.replay}: not a store export: ${exported.error.issues[0]?.message ?? 'invalid'}`);
    }
    const shared = createGuardForConversation();
    const replay = await replayConversations(exported.data, () => shared);
    process.stdout.write(`${renderReplayText(replay)}\n`);
    if (values.json && positionals.length === 0) await writeOutput(values.json, `${JSON.stringify(replay, null, 2)}\n`);
    if (positionals.length === 0) return exitCode;
  }

  const { cases, issues } = await loadDataset(positionals, { strict });
  for (const issue of issues) process.stderr.write(`warning: skipped ${formatDatasetIssue(issue)}\n`);
  if (cases.length === 0) throw new UsageError('no valid cases to run');

  let runner: CaseRunner;
  let mode: string;
  if (values['guard-only']) {
    const createGuardForCase = await loadGuard();
    // The guard judges the transcript it is given and keeps no state between calls, so one
    // instance (with its scope index built once) serves every case.
    const shared = createGuardForCase();
    runner = createGuardRunner(() => shared);
    mode = 'guard-only';
  } else {
    const { handrail } = await importProject<HandrailModule>('../src/handrail.js', ['handrail']);
    const demo = await importProject<DemoModule>('../src/demo/demo-app.js', ['demoHandrailOptions', 'createDemoModel']);
    let languageModel: ReturnType<DemoModule['createDemoModel']>['model'];
    try {
      // The demo's model: offline unless a key or base URL is set; --model offline ignores them.
      const resolved = demo.createDemoModel(model === 'openai' ? process.env : {});
      if (resolved.kind !== model) throw new Error('set OPENAI_API_KEY (or OPENAI_BASE_URL) to use --model openai');
      languageModel = resolved.model;
    } catch (error) {
      throw new RunError(`could not create the ${model} model: ${(error as Error).message}`);
    }
    // The app the demo serves (prompt variables, teams, guard options), with the store scope when given.
    const demoOptions = demo.demoHandrailOptions(process.env, scopeUtterances ? { scopeUtterances } : {});
    runner = createPipelineRunner({
      createApp: () =>
        handrail({
          ...demoOptions,
          model: languageModel,
          store: createMemoryStore(),
          conversationAuth: 'none',
          // Node has no execution context: background work (notifications) runs detached.
          waitUntil: (promise: Promise<unknown>) => {
            promise.catch(() => {});
          },
        }),
    });
    mode = `pipeline (${model} model)`;
  }

  const bar = process.stderr.isTTY ? progressBar(process.stderr) : undefined;
  const results: CaseResult[] = await runEval(cases, runner, {
    concurrency,
    onProgress: (done, total) => bar?.update(done, total),
  });
  bar?.done();

  const report: EvalReport = computeMetrics(results);
  const meta = { mode, datasets: positionals, generatedAt: new Date().toISOString(), datasetIssues: issues };
  process.stdout.write(`${renderTextReport(report)}\n`);
  if (values.json) await writeOutput(values.json, `${JSON.stringify({ ...report, meta }, null, 2)}\n`);
  if (values.html)
    await writeOutput(
      values.html,
      renderHtmlReport(report, { mode, datasets: positionals, generatedAt: meta.generatedAt }),
    );
  if (values.junit) await writeOutput(values.junit, renderJunitReport(results));
  const langfuseFailed = langfuse ? await recordInLangfuse(results, langfuse, mode, positionals) : false;

  if (report.errors.length > 0) {
    process.stderr.write(`eval: ${report.errors.length} case(s) failed to run\n`);
    exitCode = exitCodes.runError;
  }
  const recall = report.recall.rate;
  if (minRecall !== undefined && recall !== null && recall < minRecall) {
    process.stderr.write(`eval: recall ${recall.toFixed(4)} is under --fail-under-recall ${minRecall}\n`);
    if (exitCode === exitCodes.ok) exitCode = exitCodes.thresholdFailed;
  }
  const falseEscalation = report.falseEscalationRate.rate;
  if (maxFalseEscalation !== undefined && falseEscalation !== null && falseEscalation > maxFalseEscalation) {
    process.stderr.write(
      `eval: false escalation rate ${falseEscalation.toFixed(4)} is above --max-false-escalation ${maxFalseEscalation}\n`,
    );
    if (exitCode === exitCodes.ok) exitCode = exitCodes.thresholdFailed;
  }
  if (langfuseFailed && values['langfuse-required']) {
    process.stderr.write('eval: --langfuse-required: the run was not fully recorded in Langfuse\n');
    exitCode = exitCodes.runError;
  }
  return exitCode;
}

const defaultLosoManifest = fileURLToPath(new URL('./loso-sources.json', import.meta.url));

/** `--loso`: every source of the manifest held out in turn; sources whose files are absent are skipped, said so. */
async function runLoso(
  manifestFile: string,
  gates: { minRecall: number | undefined; maxFalseEscalation: number | undefined; json: string | undefined },
): Promise<number> {
  let manifest: LosoManifest;
  try {
    manifest = losoManifestSchema.parse(JSON.parse(await readFile(manifestFile, 'utf8')));
  } catch (error) {
    throw new UsageError(`${manifestFile}: not a leave-one-source-out manifest: ${(error as Error).message}`);
  }
  const root = resolve(dirname(manifestFile), '..');
  const sources: LosoSource[] = [];
  for (const entry of manifest.sources) {
    const files = entry.files.map((file) => resolve(root, file));
    const missing = [...files, ...(entry.scope ? [resolve(root, entry.scope)] : [])].filter(
      (file) => !existsSync(file),
    );
    if (missing.length > 0) {
      process.stderr.write(`loso: skipped source ${entry.name}: ${missing.join(', ')} not found\n`);
      continue;
    }
    const { cases, issues } = await loadDataset(files);
    for (const issue of issues) process.stderr.write(`warning: skipped ${formatDatasetIssue(issue)}\n`);
    const scope = entry.scope
      ? (await loadScope([resolve(root, entry.scope)])).utterances.map((item) => item.text)
      : undefined;
    sources.push({ name: entry.name, cases, ...(scope ? { scope } : {}) });
  }
  if (sources.length < 2) throw new UsageError('leave-one-source-out needs at least two sources whose files exist');
  const { createGuard } = await importProject<typeof import('../src/guard/index.js')>('../src/guard/index.js', [
    'createGuard',
  ]);
  const rows = await leaveOneSourceOut(
    sources,
    ({ model, scope }) =>
      createGuard({ learnedIntent: { model }, ...(scope ? { scope: { utterances: [...scope] } } : {}) }),
    (row) => process.stderr.write(`loso: ${row.source} done\n`),
  );
  process.stdout.write(`${renderLosoText(rows)}\n`);
  if (gates.json) {
    const summary = rows.map((row) => ({
      source: row.source,
      threshold: row.threshold,
      trainingExamples: row.trainingExamples,
      falseNonEscalationRate: row.report.falseNonEscalationRate,
      falseEscalationRate: row.report.falseEscalationRate,
      misses: row.report.misses,
      falseEscalations: row.report.falseEscalations,
    }));
    await writeOutput(gates.json, `${JSON.stringify({ rows: summary }, null, 2)}\n`);
  }
  let exitCode: number = exitCodes.ok;
  for (const row of rows) {
    const recall = row.report.recall.rate;
    const wrong = row.report.falseEscalationRate.rate;
    if (gates.minRecall !== undefined && recall !== null && recall < gates.minRecall) {
      process.stderr.write(
        `eval: ${row.source}: recall ${recall.toFixed(4)} is under --fail-under-recall ${gates.minRecall}\n`,
      );
      exitCode = exitCodes.thresholdFailed;
    }
    if (gates.maxFalseEscalation !== undefined && wrong !== null && wrong > gates.maxFalseEscalation) {
      process.stderr.write(
        `eval: ${row.source}: false escalation rate ${wrong.toFixed(4)} is above --max-false-escalation ${gates.maxFalseEscalation}\n`,
      );
      exitCode = exitCodes.thresholdFailed;
    }
  }
  return exitCode;
}

interface LangfuseSettings {
  datasetName: string;
  runName: string | undefined;
  /** Undefined when a key is missing: nothing is sent. */
  keys: { publicKey: string; secretKey: string; baseUrl: string | undefined } | undefined;
}

/** Reads the --langfuse-* options and the keys from the environment; undefined without --langfuse-dataset. */
function langfuseSettings(
  values: ReturnType<typeof parseCli>['values'],
  hasDatasets: boolean,
): LangfuseSettings | undefined {
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
async function recordInLangfuse(
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

function parseCli(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      scope: { type: 'string', multiple: true },
      'guard-only': { type: 'boolean' },
      model: { type: 'string' },
      concurrency: { type: 'string' },
      json: { type: 'string' },
      html: { type: 'string' },
      junit: { type: 'string' },
      'fail-under-recall': { type: 'string' },
      'max-false-escalation': { type: 'string' },
      strict: { type: 'boolean' },
      replay: { type: 'string' },
      'guard-module': { type: 'string' },
      loso: { type: 'boolean' },
      'loso-manifest': { type: 'string' },
      'langfuse-dataset': { type: 'string' },
      'langfuse-run': { type: 'string' },
      'langfuse-required': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

const entry = process.argv[1];
if (entry && resolve(entry) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
