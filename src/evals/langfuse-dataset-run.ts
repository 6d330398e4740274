import type { LangfuseScore } from '../tracing/langfuse-score-client.js';
import type { CaseResult } from './case-result.js';

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
export type LangfuseDatasetRunStep = 'dataset' | 'dataset-item' | 'ingestion' | 'dataset-run-item';

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

interface IngestionEvent {
  id: string;
  type: 'trace-create' | 'score-create';
  timestamp: string;
  body: unknown;
}

interface HttpOutcome {
  ok: boolean;
  status?: number;
  body: unknown;
  message: string;
}

function basicAuth(publicKey: string, secretKey: string): string {
  const bytes = new TextEncoder().encode(`${publicKey}:${secretKey}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function forEachLimit<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) await task(items[next++] as T);
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Splits events into batches under both limits, keeping each case's events together. */
function batchEvents(groups: readonly IngestionEvent[][], maxEvents: number, maxBytes: number): IngestionEvent[][] {
  const batches: IngestionEvent[][] = [];
  let current: IngestionEvent[] = [];
  let bytes = 0;
  for (const group of groups) {
    const groupBytes = group.reduce((sum, event) => sum + JSON.stringify(event).length + 1, 0);
    if (current.length > 0 && (current.length + group.length > maxEvents || bytes + groupBytes > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(...group);
    bytes += groupBytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function describeFailure(status: number | undefined, body: unknown): string {
  const detail =
    body && typeof body === 'object' && 'message' in body && typeof body.message === 'string'
      ? body.message
      : typeof body === 'string'
        ? body.slice(0, 300)
        : '';
  const prefix = status === undefined ? 'request failed' : `HTTP ${status}`;
  const hint = status === 401 || status === 403 ? ' (check LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY and the host)' : '';
  return `${prefix}${detail ? `: ${detail}` : ''}${hint}`;
}

/**
 * Records an eval run in Langfuse as a dataset run, over `fetch` and Langfuse's public API:
 *
 * 1. upserts the dataset (`POST /api/public/v2/datasets`);
 * 2. upserts one dataset item per case (`POST /api/public/dataset-items`): id = the case id,
 *    input = its messages, expectedOutput = `{ expect, reason }`, metadata = `{ source, note }`;
 * 3. sends a trace per case (input: the messages; output: escalated, fired reason, turn,
 *    evidence) and its scores (see {@link evalCaseScores}) as `trace-create` and
 *    `score-create` events in batches (`POST /api/public/ingestion`);
 * 4. links each trace to its item in the run (`POST /api/public/dataset-run-items`).
 *
 * Requests run at most `concurrency` at a time and are retried on network errors, timeouts,
 * 429 and 5xx. It never rejects: failures are listed in the result's `errors`. When the
 * dataset cannot be upserted nothing else is sent; a case whose item failed gets no run item.
 * Dataset item ids are unique per Langfuse project, so a case id already used by an item of
 * another dataset fails for that case. The ingestion and dataset-run-item endpoints are Langfuse
 * v3 API (deprecated on Langfuse Cloud with v4, where experiments go through OTLP).
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
  const {
    publicKey,
    secretKey,
    datasetName,
    runDescription,
    runMetadata,
    environment,
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
  const authorization = basicAuth(publicKey, secretKey);
  const report: LangfuseDatasetRunResult = {
    datasetName,
    runName,
    datasetItems: 0,
    traces: 0,
    scores: 0,
    runItems: 0,
    requests: 0,
    errors: [],
  };

  async function post(path: string, payload: unknown): Promise<HttpOutcome> {
    const body = JSON.stringify(payload);
    for (let attempt = 0; ; attempt++) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let status: number | undefined;
      let parsed: unknown;
      let retryAfterMs: number | undefined;
      report.requests++;
      try {
        const response = await send(`${baseUrl}${path}`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body,
          signal: controller.signal,
        });
        status = response.status;
        const text = await response.text();
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = text;
        }
        if (response.ok) return { ok: true, status, body: parsed, message: '' };
        const retryAfter = Number(response.headers.get('retry-after'));
        if (Number.isFinite(retryAfter) && retryAfter > 0) retryAfterMs = Math.min(retryAfter * 1000, 10_000);
      } catch (error) {
        parsed = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : (error as Error).message;
      } finally {
        clearTimeout(timer);
      }
      const retryable = status === undefined || status === 429 || status >= 500;
      if (!retryable || attempt >= retries) {
        return {
          ok: false,
          ...(status === undefined ? {} : { status }),
          body: parsed,
          message: describeFailure(status, parsed),
        };
      }
      await sleep(retryAfterMs ?? 500 * 2 ** attempt);
    }
  }

  function fail(step: LangfuseDatasetRunStep, outcome: HttpOutcome, caseId?: string): void {
    report.errors.push({
      step,
      ...(caseId === undefined ? {} : { caseId }),
      ...(outcome.status === undefined ? {} : { status: outcome.status }),
      message: outcome.message,
    });
  }

  const dataset = await post('/api/public/v2/datasets', { name: datasetName });
  if (!dataset.ok) {
    fail('dataset', dataset);
    return report;
  }

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

  const traceIds = new Map<string, string>();
  const eventCase = new Map<string, { caseId: string; type: IngestionEvent['type'] }>();
  const groups: IngestionEvent[][] = [];
  for (const result of results) {
    const { case: evalCase } = result;
    const traceId = await evalTraceId(datasetName, runName, evalCase.id);
    traceIds.set(evalCase.id, traceId);
    const timestamp = new Date(now()).toISOString();
    const correct = result.escalated === (evalCase.expect === 'escalate');
    const verdict = correct ? 'correct' : evalCase.expect === 'escalate' ? 'missed' : 'false-escalation';
    const trace: IngestionEvent = {
      id: randomUUID(),
      type: 'trace-create',
      timestamp,
      body: {
        id: traceId,
        timestamp,
        name: 'eval-case',
        input: evalCase.messages,
        output: {
          escalated: result.escalated,
          firedReason: result.firedReason,
          escalatedAtTurn: result.escalatedAtTurn,
          evidence: result.evidence,
          ...(result.error === undefined ? {} : { error: result.error }),
        },
        metadata: {
          caseId: evalCase.id,
          source: evalCase.source ?? null,
          note: evalCase.note ?? null,
          expect: evalCase.expect,
          expectedReason: evalCase.reason,
          latencyMs: result.latencyMs,
          datasetName,
          runName,
        },
        tags: ['handrail-eval', `expect:${evalCase.expect}`, verdict],
        ...(environment === undefined ? {} : { environment }),
      },
    };
    const scores: IngestionEvent[] = evalCaseScores(result).map((score) => {
      const body: LangfuseScore = {
        id: `${traceId}-${score.name}`,
        traceId,
        name: score.name,
        value: score.value,
        dataType: 'BOOLEAN',
        comment: score.comment,
        ...(environment === undefined ? {} : { environment }),
      };
      return { id: randomUUID(), type: 'score-create', timestamp, body };
    });
    const group = [trace, ...scores];
    for (const event of group) eventCase.set(event.id, { caseId: evalCase.id, type: event.type });
    groups.push(group);
  }

  const count = (event: { caseId: string; type: IngestionEvent['type'] }) => {
    if (event.type === 'trace-create') report.traces++;
    else report.scores++;
  };
  await forEachLimit(batchEvents(groups, maxBatchEvents, maxBatchBytes), concurrency, async (batch) => {
    const outcome = await post('/api/public/ingestion', { batch });
    if (!outcome.ok) {
      const cases = [...new Set(batch.map((event) => eventCase.get(event.id)?.caseId))];
      report.errors.push({
        step: 'ingestion',
        ...(outcome.status === undefined ? {} : { status: outcome.status }),
        message: `${outcome.message} (batch of ${batch.length} events, cases ${cases.join(', ')})`,
      });
      return;
    }
    // Ingestion answers 207 and lists events it rejected instead of failing the request.
    const rejected = new Map<string, { status?: number; message?: string; error?: unknown }>();
    const errors = (outcome.body as { errors?: unknown } | undefined)?.errors;
    if (Array.isArray(errors)) {
      for (const error of errors as Array<{ id?: string; status?: number; message?: string; error?: unknown }>) {
        if (typeof error.id === 'string') rejected.set(error.id, error);
      }
    }
    for (const event of batch) {
      const known = eventCase.get(event.id);
      if (!known) continue;
      const error = rejected.get(event.id);
      if (!error) {
        count(known);
        continue;
      }
      const detail = error.message ?? (typeof error.error === 'string' ? error.error : JSON.stringify(error.error));
      report.errors.push({
        step: 'ingestion',
        caseId: known.caseId,
        ...(typeof error.status === 'number' ? { status: error.status } : {}),
        message: `${event.type} rejected${detail ? `: ${detail}` : ''}`,
      });
    }
  });

  await forEachLimit(
    results.filter((result) => itemOk.has(result.case.id)),
    concurrency,
    async (result) => {
      const caseId = result.case.id;
      const outcome = await post('/api/public/dataset-run-items', {
        runName,
        ...(runDescription === undefined ? {} : { runDescription }),
        ...(runMetadata === undefined ? {} : { metadata: runMetadata }),
        datasetItemId: caseId,
        traceId: traceIds.get(caseId),
      });
      if (outcome.ok) report.runItems++;
      else fail('dataset-run-item', outcome, caseId);
    },
  );

  return report;
}
