import type { CaseResult } from './case-result.js';
import { createLangfusePost, type HttpOutcome, type LangfusePost } from './langfuse-http.js';
import {
  batchEvents,
  caseTraceEvent,
  type EventCase,
  type IngestionEvent,
  readIngestionOutcome,
} from './langfuse-ingestion.js';
import { type CaseScoreRequest, caseScoreRequests } from './langfuse-scores.js';

/** Options of {@link recordLangfuseDatasetRun}. */
export interface LangfuseDatasetRunOptions {
  /** Langfuse host. @default 'https://cloud.langfuse.com' */
  baseUrl?: string;
  publicKey: string;
  secretKey: string;
  /** Dataset to upsert; its items are the cases. */
  datasetName: string;
  /** Name of the dataset run; running again with the same name updates it. @default `eval-<ISO time>` */
  runName?: string;
  /** Description of the dataset run. */
  runDescription?: string;
  /** Metadata of the dataset run (sent with every run item; Langfuse keeps the last). */
  runMetadata?: Record<string, unknown>;
  /** Langfuse environment of the traces and scores. */
  environment?: string;
  /** Requests in flight at once. @default 4 */
  concurrency?: number;
  /** Most events in one ingestion batch. @default 100 */
  maxBatchEvents?: number;
  /** Most bytes of events in one ingestion batch (Langfuse accepts up to 3.5 MB). @default 3000000 */
  maxBatchBytes?: number;
  /** Timeout of each request. @default 10000 */
  timeoutMs?: number;
  /** Retries of a request that failed on the network, timed out, or got 429 or 5xx. @default 2 */
  retries?: number;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Wall clock in milliseconds, for timestamps and the default run name. @default Date.now */
  now?: () => number;
  /** Id of each ingestion event. @default crypto.randomUUID */
  randomUUID?: () => string;
  /** Waits between retries. @default setTimeout */
  sleep?: (milliseconds: number) => Promise<void>;
}

/** The step of a recording that failed. */
export type LangfuseDatasetRunStep = 'dataset' | 'dataset-item' | 'ingestion' | 'score' | 'dataset-run-item';

/** One failure while recording; the case id is set when it concerns one case. */
export interface LangfuseDatasetRunError {
  step: LangfuseDatasetRunStep;
  caseId?: string;
  /** HTTP status, or undefined for a network error or a timeout. */
  status?: number;
  message: string;
}

/** What {@link recordLangfuseDatasetRun} recorded. Counts are of what Langfuse accepted. */
export interface LangfuseDatasetRunResult {
  datasetName: string;
  runName: string;
  datasetItems: number;
  traces: number;
  scores: number;
  runItems: number;
  /** HTTP requests sent, retries included. */
  requests: number;
  errors: LangfuseDatasetRunError[];
}

/** Names of the scores put on each case's trace. */
export type EvalScoreName = 'escalation_correct' | 'false_non_escalation' | 'false_escalation';

/** One score of a case, before it is addressed to a trace. */
export interface EvalCaseScore {
  name: EvalScoreName;
  /** 1 or 0. */
  value: 0 | 1;
  comment: string;
}

/**
 * The scores of one case, pure: `escalation_correct` (1 when the outcome matches the label) on
 * every case, `false_non_escalation` (1 when missed) on escalate cases, and `false_escalation`
 * (1 when escalated) on handle cases. Averaged over a run they are accuracy, the false
 * non-escalation rate and the false escalation rate.
 */
export function evalCaseScores(result: CaseResult): EvalCaseScore[] {
  const { case: evalCase, escalated } = result;
  const expected = evalCase.expect === 'escalate' ? `escalate (${evalCase.reason})` : 'handle';
  const got = escalated ? `escalated (${result.firedReason ?? 'unknown'})` : 'not escalated';
  const comment = `expected ${expected}, ${got}${result.error === undefined ? '' : `; run error: ${result.error}`}`;
  const correct = escalated === (evalCase.expect === 'escalate');
  const scores: EvalCaseScore[] = [{ name: 'escalation_correct', value: correct ? 1 : 0, comment }];
  if (evalCase.expect === 'escalate') scores.push({ name: 'false_non_escalation', value: escalated ? 0 : 1, comment });
  else scores.push({ name: 'false_escalation', value: escalated ? 1 : 0, comment });
  return scores;
}

/**
 * The trace id of a case in a run: the first 32 hex digits of SHA-256 over the dataset, run
 * and case id, so recording the same run again updates its traces instead of adding new ones.
 */
export async function evalTraceId(datasetName: string, runName: string, caseId: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${datasetName}\u0000${runName}\u0000${caseId}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function forEachLimit<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) await task(items[next++] as T);
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Records an eval run in Langfuse as a dataset run, over `fetch` and Langfuse's public API:
 *
 * 1. upserts the dataset (`POST /api/public/v2/datasets`);
 * 2. upserts one dataset item per case (`POST /api/public/dataset-items`): id = the case id,
 *    input = its messages, expectedOutput = `{ expect, reason }`, metadata = `{ source, note }`;
 * 3. sends a trace per case (input: the messages; output: escalated, fired reason, turn,
 *    evidence) as `trace-create` events in batches (`POST /api/public/ingestion`);
 * 4. posts each case's scores (see {@link evalCaseScores}) on its trace, one request each
 *    (`POST /api/public/scores`, with stable ids so a re-run updates them); they are sent even
 *    when the trace was rejected, as Langfuse takes scores before their trace;
 * 5. links each trace to its item in the run (`POST /api/public/dataset-run-items`).
 *
 * Requests run at most `concurrency` at a time and are retried on network errors, timeouts,
 * 429 and 5xx. It never rejects: failures are listed in the result's `errors`. When the
 * dataset cannot be upserted nothing else is sent; a case whose item failed gets no run item.
 * Dataset item ids are unique per Langfuse project, so a case id already used by an item of
 * another dataset fails for that case. The ingestion and dataset-run-item endpoints are Langfuse
 * v3 API (deprecated on Langfuse Cloud with v4, where experiments go through OTLP); the scores
 * endpoint is not.
 *
 * @example
 * const results = await runEval(cases, runner);
 * const recorded = await recordLangfuseDatasetRun(results, {
 *   publicKey: 'pk-lf-...',
 *   secretKey: 'sk-lf-...',
 *   datasetName: 'handrail-escalation',
 * });
 * if (recorded.errors.length > 0) console.warn(recorded.errors);
 */
export async function recordLangfuseDatasetRun(
  results: readonly CaseResult[],
  options: LangfuseDatasetRunOptions,
): Promise<LangfuseDatasetRunResult> {
  const run = startRun(results, options);
  const { report } = run;
  const dataset = await run.post('/api/public/v2/datasets', { name: run.datasetName });
  if (!dataset.ok) {
    run.fail('dataset', dataset);
    return report;
  }
  const itemOk = await upsertDatasetItems(run);
  const traceIds = await ingestTraces(run);
  await postScores(run, traceIds);
  await linkRunItems(run, itemOk, traceIds);
  return report;
}

/** A recording under way: its settings, how it posts, and the report it fills in. */
interface Run {
  results: readonly CaseResult[];
  datasetName: string;
  runName: string;
  options: LangfuseDatasetRunOptions;
  concurrency: number;
  maxBatchEvents: number;
  maxBatchBytes: number;
  now: () => number;
  randomUUID: () => string;
  post: LangfusePost;
  report: LangfuseDatasetRunResult;
  fail(step: LangfuseDatasetRunStep, outcome: HttpOutcome, caseId?: string): void;
}

/** The run of `options`, its defaults filled in and checked, with an empty report. */
function startRun(results: readonly CaseResult[], options: LangfuseDatasetRunOptions): Run {
  const {
    publicKey,
    secretKey,
    datasetName,
    concurrency = 4,
    maxBatchEvents = 100,
    maxBatchBytes = 3_000_000,
    timeoutMs = 10_000,
    retries = 2,
    now = Date.now,
    randomUUID = () => crypto.randomUUID(),
    sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds)),
  } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer (got ${concurrency})`);
  }
  if (!Number.isInteger(maxBatchEvents) || maxBatchEvents < 1) {
    throw new RangeError(`maxBatchEvents must be a positive integer (got ${maxBatchEvents})`);
  }
  if (!datasetName.trim()) throw new RangeError('datasetName must not be empty');
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const baseUrl = (options.baseUrl ?? 'https://cloud.langfuse.com').replace(/\/+$/, '');
  const runName = options.runName ?? `eval-${new Date(now()).toISOString()}`;
  const report = emptyReport(datasetName, runName);
  const onRequest = () => {
    report.requests++;
  };
  const post = createLangfusePost({ send, baseUrl, publicKey, secretKey, timeoutMs, retries, sleep, onRequest });
  const fail: Run['fail'] = (step, outcome, caseId) => {
    report.errors.push({
      step,
      ...(caseId === undefined ? {} : { caseId }),
      ...(outcome.status === undefined ? {} : { status: outcome.status }),
      message: outcome.message,
    });
  };
  return {
    results,
    datasetName,
    runName,
    options,
    concurrency,
    maxBatchEvents,
    maxBatchBytes,
    now,
    randomUUID,
    post,
    report,
    fail,
  };
}

function emptyReport(datasetName: string, runName: string): LangfuseDatasetRunResult {
  return { datasetName, runName, datasetItems: 0, traces: 0, scores: 0, runItems: 0, requests: 0, errors: [] };
}

/** Upserts one dataset item per case; answers the ids of the cases whose item Langfuse took. */
async function upsertDatasetItems({
  results,
  concurrency,
  datasetName,
  post,
  report,
  fail,
}: Run): Promise<Set<string>> {
  const itemOk = new Set<string>();
  await forEachLimit(results, concurrency, async (result) => {
    const { case: evalCase } = result;
    const outcome = await post('/api/public/dataset-items', {
      datasetName,
      id: evalCase.id,
      input: evalCase.messages,
      expectedOutput: { expect: evalCase.expect, reason: evalCase.reason },
      metadata: { source: evalCase.source ?? null, note: evalCase.note ?? null },
    });
    if (outcome.ok) {
      itemOk.add(evalCase.id);
      report.datasetItems++;
    } else fail('dataset-item', outcome, evalCase.id);
  });
  return itemOk;
}

/** Sends each case's trace in batches of `trace-create` events; answers the trace id of each case. */
async function ingestTraces(run: Run): Promise<Map<string, string>> {
  const { results, datasetName, runName, options, now, randomUUID, post, report } = run;
  const traceIds = new Map<string, string>();
  const eventCase = new Map<string, EventCase>();
  const events: IngestionEvent[] = [];
  for (const result of results) {
    const caseId = result.case.id;
    const traceId = await evalTraceId(datasetName, runName, caseId);
    traceIds.set(caseId, traceId);
    const timestamp = new Date(now()).toISOString();
    const context = { datasetName, runName, environment: options.environment, traceId, timestamp, randomUUID };
    const event = caseTraceEvent(result, context);
    eventCase.set(event.id, { caseId, type: event.type });
    events.push(event);
  }
  const batches = batchEvents(events, run.maxBatchEvents, run.maxBatchBytes);
  await forEachLimit(batches, run.concurrency, async (batch) => {
    const reading = readIngestionOutcome(batch, await post('/api/public/ingestion', { batch }), eventCase);
    report.traces += reading.accepted.length;
    report.errors.push(...reading.errors);
  });
  return traceIds;
}

/** Posts the scores of every case on its trace, one `POST /api/public/scores` each. */
async function postScores(run: Run, traceIds: ReadonlyMap<string, string>): Promise<void> {
  const requests: CaseScoreRequest[] = run.results.flatMap((result) => {
    const caseId = result.case.id;
    const traceId = traceIds.get(caseId) as string;
    return caseScoreRequests(caseId, evalCaseScores(result), traceId, run.options.environment);
  });
  await forEachLimit(requests, run.concurrency, async ({ caseId, score }) => {
    const outcome = await run.post('/api/public/scores', score);
    if (outcome.ok) run.report.scores++;
    else run.fail('score', { ...outcome, message: `${score.name}: ${outcome.message}` }, caseId);
  });
}

/** Links the trace of each case whose item was taken to its item in the run. */
async function linkRunItems(run: Run, itemOk: ReadonlySet<string>, traceIds: ReadonlyMap<string, string>) {
  const { runDescription, runMetadata } = run.options;
  await forEachLimit(
    run.results.filter((result) => itemOk.has(result.case.id)),
    run.concurrency,
    async (result) => {
      const caseId = result.case.id;
      const outcome = await run.post('/api/public/dataset-run-items', {
        runName: run.runName,
        ...(runDescription === undefined ? {} : { runDescription }),
        ...(runMetadata === undefined ? {} : { metadata: runMetadata }),
        datasetItemId: caseId,
        traceId: traceIds.get(caseId),
      });
      if (outcome.ok) run.report.runItems++;
      else run.fail('dataset-run-item', outcome, caseId);
    },
  );
}
