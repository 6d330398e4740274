import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/evals/case-result.js';
import { createGuardRunner } from '../../src/evals/guard-runner.js';
import {
  evalCaseScores,
  evalTraceId,
  type LangfuseDatasetRunOptions,
  recordLangfuseDatasetRun,
} from '../../src/evals/langfuse-dataset-run.js';
import { loadDataset } from '../../src/evals/load-dataset.js';
import { runEval } from '../../src/evals/run-eval.js';
import { type FakeLangfuseServer, startFakeLangfuseServer } from '../support/fake-langfuse-server.js';
import { createGuard } from './fixtures/keyword-guard.js';
import { makeCase, makeResult } from './helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const small = 'test/evals/fixtures/small.jsonl';

/** Runs the small fixture dataset in guard-only mode with the keyword guard. */
async function guardOnlyResults(): Promise<CaseResult[]> {
  const { cases } = await loadDataset([`${root}${small}`], { strict: true });
  const guard = createGuard();
  return runEval(
    cases,
    createGuardRunner(() => guard),
    { now: () => 0 },
  );
}

function options(
  server: FakeLangfuseServer,
  extra: Partial<LangfuseDatasetRunOptions> = {},
): LangfuseDatasetRunOptions {
  return {
    baseUrl: server.baseUrl,
    publicKey: server.publicKey,
    secretKey: server.secretKey,
    datasetName: 'handrail-small',
    runName: 'run-1',
    sleep: async () => {},
    ...extra,
  };
}

describe('evalCaseScores', () => {
  it('scores an escalate case with escalation_correct and false_non_escalation', () => {
    const missed = evalCaseScores(makeResult(makeCase('a', 'escalate', 'compliance'), null));
    expect(missed.map(({ name, value }) => [name, value])).toEqual([
      ['escalation_correct', 0],
      ['false_non_escalation', 1],
    ]);
    expect(missed[0]?.comment).toBe('expected escalate (compliance), not escalated');
    const caught = evalCaseScores(makeResult(makeCase('b', 'escalate', 'compliance'), 'high_stakes'));
    expect(caught.map(({ name, value }) => [name, value])).toEqual([
      ['escalation_correct', 1],
      ['false_non_escalation', 0],
    ]);
  });

  it('scores a handle case with escalation_correct and false_escalation', () => {
    const wrong = evalCaseScores(makeResult(makeCase('c', 'handle', 'none'), 'explicit_request'));
    expect(wrong.map(({ name, value }) => [name, value])).toEqual([
      ['escalation_correct', 0],
      ['false_escalation', 1],
    ]);
    expect(wrong[0]?.comment).toBe('expected handle, escalated (explicit_request)');
    const right = evalCaseScores(makeResult(makeCase('d', 'handle', 'none'), null));
    expect(right.map(({ name, value }) => [name, value])).toEqual([
      ['escalation_correct', 1],
      ['false_escalation', 0],
    ]);
  });

  it('derives a stable 32-hex trace id per dataset, run and case', async () => {
    const id = await evalTraceId('d', 'r', 'c');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await evalTraceId('d', 'r', 'c')).toBe(id);
    expect(await evalTraceId('d', 'r2', 'c')).not.toBe(id);
  });
});

describe('recordLangfuseDatasetRun', () => {
  let server: FakeLangfuseServer;
  beforeEach(async () => {
    server = await startFakeLangfuseServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('records a guard-only run: dataset, items, traces, scores and run items, with Basic auth', async () => {
    const results = await guardOnlyResults();
    const recorded = await recordLangfuseDatasetRun(results, options(server, { runMetadata: { mode: 'guard-only' } }));

    expect(recorded).toEqual({
      datasetName: 'handrail-small',
      runName: 'run-1',
      datasetItems: 6,
      traces: 6,
      scores: 12,
      runItems: 6,
      requests: 1 + 6 + 1 + 12 + 6,
      errors: [],
    });
    const expectedAuthorization = `Basic ${Buffer.from(`${server.publicKey}:${server.secretKey}`).toString('base64')}`;
    expect(server.requests).toHaveLength(26);
    for (const request of server.requests) {
      expect(request.method).toBe('POST');
      expect(request.headers.authorization).toBe(expectedAuthorization);
      expect(request.contentType).toBe('application/json');
    }
    expect(server.requests[0]?.path).toBe('/api/public/v2/datasets');
    // Dataset, items, the trace batch, the scores one per request, then the run items.
    expect(server.requests.map((request) => request.path)).toEqual([
      '/api/public/v2/datasets',
      ...Array(6).fill('/api/public/dataset-items'),
      '/api/public/ingestion',
      ...Array(12).fill('/api/public/scores'),
      ...Array(6).fill('/api/public/dataset-run-items'),
    ]);
    expect(server.ingestionEvents().map((event) => event.type)).toEqual(Array(6).fill('trace-create'));

    expect(server.datasets()).toEqual([{ id: 'dataset-1', name: 'handrail-small' }]);
    const items = server.datasetItems();
    expect(items.map((item) => item.id).sort()).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(items.find((item) => item.id === 's2')).toEqual({
      id: 's2',
      datasetName: 'handrail-small',
      input: [
        { role: 'user', content: 'where is my parcel' },
        { role: 'assistant', content: 'It ships tomorrow.' },
        { role: 'user', content: 'this is terrible' },
      ],
      expectedOutput: { expect: 'escalate', reason: 'negative_sentiment' },
      metadata: { source: 'alpha', note: 'anger on the second turn' },
    });
    expect(items.find((item) => item.id === 's4')?.expectedOutput).toEqual({ expect: 'handle', reason: 'none' });

    const traces = server.traces();
    expect(traces).toHaveLength(6);
    const traceOf = async (caseId: string) => {
      const id = await evalTraceId('handrail-small', 'run-1', caseId);
      const trace = traces.find((candidate) => candidate.id === id);
      if (!trace) throw new Error(`no trace for ${caseId}`);
      return trace;
    };
    const s1 = await traceOf('s1');
    expect(s1.name).toBe('eval-case');
    expect(s1.input).toEqual([{ role: 'user', content: 'I want to talk to a human' }]);
    expect(s1.output).toMatchObject({
      escalated: true,
      firedReason: 'explicit_request',
      escalatedAtTurn: 0,
      evidence: [{ reason: 'explicit_request', source: 'keyword', fired: true, turn: 0, text: 'human' }],
    });
    expect(s1.tags).toEqual(['handrail-eval', 'expect:escalate', 'correct']);
    const s2 = await traceOf('s2');
    expect(s2.output).toMatchObject({ escalated: true, firedReason: 'negative_sentiment', escalatedAtTurn: 2 });
    const s3 = await traceOf('s3');
    expect(s3.output).toMatchObject({ escalated: false, firedReason: null, escalatedAtTurn: null });
    expect(s3.metadata).toMatchObject({
      caseId: 's3',
      expect: 'escalate',
      expectedReason: 'compliance',
      runName: 'run-1',
    });
    expect(s3.tags).toContain('missed');
    expect((await traceOf('s5')).tags).toContain('false-escalation');

    const s1TraceId = await evalTraceId('handrail-small', 'run-1', 's1');
    const scoreBodies = server.requests
      .filter((request) => request.path === '/api/public/scores')
      .map((request) => request.body);
    expect(scoreBodies.filter((body) => (body as { traceId: string }).traceId === s1TraceId)).toEqual([
      {
        id: `${s1TraceId}-escalation_correct`,
        traceId: s1TraceId,
        name: 'escalation_correct',
        value: 1,
        dataType: 'BOOLEAN',
        comment: 'expected escalate (explicit_request), escalated (explicit_request)',
      },
      {
        id: `${s1TraceId}-false_non_escalation`,
        traceId: s1TraceId,
        name: 'false_non_escalation',
        value: 0,
        dataType: 'BOOLEAN',
        comment: 'expected escalate (explicit_request), escalated (explicit_request)',
      },
    ]);
    const scores = server.scores();
    expect(scores).toHaveLength(12);
    const scoreValues = async (caseId: string, name: string) => {
      const traceId = await evalTraceId('handrail-small', 'run-1', caseId);
      return scores.filter((score) => score.traceId === traceId && score.name === name).map((score) => score.value);
    };
    expect(scores.every((score) => score.dataType === 'BOOLEAN')).toBe(true);
    // s1, s2 caught; s3 missed; s4, s6 handled; s5 falsely escalated (keyword "agent").
    expect(await scoreValues('s1', 'escalation_correct')).toEqual([1]);
    expect(await scoreValues('s1', 'false_non_escalation')).toEqual([0]);
    expect(await scoreValues('s1', 'false_escalation')).toEqual([]);
    expect(await scoreValues('s3', 'escalation_correct')).toEqual([0]);
    expect(await scoreValues('s3', 'false_non_escalation')).toEqual([1]);
    expect(await scoreValues('s4', 'false_escalation')).toEqual([0]);
    expect(await scoreValues('s4', 'false_non_escalation')).toEqual([]);
    expect(await scoreValues('s5', 'escalation_correct')).toEqual([0]);
    expect(await scoreValues('s5', 'false_escalation')).toEqual([1]);
    const falseNonEscalation = scores.filter((score) => score.name === 'false_non_escalation');
    const falseEscalation = scores.filter((score) => score.name === 'false_escalation');
    expect(falseNonEscalation.map((score) => score.value).sort()).toEqual([0, 0, 1]);
    expect(falseEscalation.map((score) => score.value).sort()).toEqual([0, 0, 1]);

    const runItems = server.datasetRunItems();
    expect(runItems).toHaveLength(6);
    for (const runItem of runItems) {
      expect(runItem.runName).toBe('run-1');
      expect(runItem.metadata).toEqual({ mode: 'guard-only' });
      expect(runItem.traceId).toBe(await evalTraceId('handrail-small', 'run-1', runItem.datasetItemId));
    }
  });

  it('names the run eval-<ISO time> by default', async () => {
    const results = await guardOnlyResults();
    const now = Date.parse('2026-03-04T05:06:07.000Z');
    const recorded = await recordLangfuseDatasetRun(results, {
      ...options(server),
      runName: undefined,
      now: () => now,
    });
    expect(recorded.runName).toBe('eval-2026-03-04T05:06:07.000Z');
    expect(new Set(server.datasetRunItems().map((runItem) => runItem.runName))).toEqual(
      new Set(['eval-2026-03-04T05:06:07.000Z']),
    );
  });

  it('updates the scores of a run recorded again instead of adding new ones', async () => {
    const results = await guardOnlyResults();
    await recordLangfuseDatasetRun(results, options(server, { environment: 'ci' }));
    const first = server.scores();
    const recorded = await recordLangfuseDatasetRun(results, options(server, { environment: 'ci' }));
    expect(recorded.scores).toBe(12);
    expect(recorded.errors).toEqual([]);
    expect(server.requests.filter((request) => request.path === '/api/public/scores')).toHaveLength(24);
    expect(server.scores()).toHaveLength(12);
    expect(
      server
        .scores()
        .map((score) => score.id)
        .sort(),
    ).toEqual(first.map((score) => score.id).sort());
    expect(server.scores().every((score) => score.environment === 'ci')).toBe(true);
  });

  it('batches trace events by count and bounds concurrency', async () => {
    const results = await guardOnlyResults();
    let inFlight = 0;
    let maxInFlight = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const recorded = await recordLangfuseDatasetRun(
      results,
      options(server, { maxBatchEvents: 4, concurrency: 2, fetch: countingFetch }),
    );
    expect(recorded.errors).toEqual([]);
    expect(recorded.traces).toBe(6);
    const batches = server.requests.filter((request) => request.path === '/api/public/ingestion');
    const batchTypes = batches.map((batch) =>
      (batch.body as { batch: Array<{ type: string }> }).batch.map((e) => e.type),
    );
    expect(batchTypes).toEqual([Array(4).fill('trace-create'), Array(2).fill('trace-create')]);
    expect(maxInFlight).toBe(2);
  });

  it('sends nothing more when the dataset cannot be upserted (wrong keys)', async () => {
    const results = await guardOnlyResults();
    const recorded = await recordLangfuseDatasetRun(results, { ...options(server), secretKey: 'sk-lf-wrong' });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.authorized).toBe(false);
    expect(recorded.errors).toEqual([
      {
        step: 'dataset',
        status: 401,
        message: 'HTTP 401: Invalid credentials (check LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY and the host)',
      },
    ]);
    expect(recorded).toMatchObject({ datasetItems: 0, traces: 0, scores: 0, runItems: 0 });
  });

  it('retries a 5xx, then reports a request that keeps failing', async () => {
    const results = await guardOnlyResults();
    const waits: number[] = [];
    server.failNext('/api/public/ingestion', 503, 1);
    server.failNext('/api/public/scores', 500, 1);
    server.failNext('/api/public/dataset-run-items', 500, 3);
    const recorded = await recordLangfuseDatasetRun(
      results,
      options(server, { concurrency: 1, sleep: async (milliseconds) => void waits.push(milliseconds) }),
    );
    expect(recorded.traces).toBe(6);
    expect(recorded.scores).toBe(12);
    expect(server.scores()).toHaveLength(12);
    expect(server.traces()).toHaveLength(6);
    expect(recorded.runItems).toBe(5);
    expect(recorded.errors).toEqual([
      { step: 'dataset-run-item', caseId: 's1', status: 500, message: 'HTTP 500: injected failure 500' },
    ]);
    // ingestion once, the first score once, the first run item twice.
    expect(waits).toEqual([500, 500, 500, 1000]);
    expect(recorded.requests).toBe(1 + 6 + 2 + 13 + 8);
  });

  it('reports a score Langfuse refuses, without retrying it, and sends the others', async () => {
    const results = await guardOnlyResults();
    const waits: number[] = [];
    server.failNext('/api/public/scores', 400, 1);
    const recorded = await recordLangfuseDatasetRun(
      results,
      options(server, { concurrency: 1, sleep: async (milliseconds) => void waits.push(milliseconds) }),
    );
    expect(recorded.errors).toEqual([
      { step: 'score', caseId: 's1', status: 400, message: 'escalation_correct: HTTP 400: injected failure 400' },
    ]);
    expect(recorded).toMatchObject({ traces: 6, scores: 11, runItems: 6, requests: 1 + 6 + 1 + 12 + 6 });
    expect(waits).toEqual([]);
    const s1TraceId = await evalTraceId('handrail-small', 'run-1', 's1');
    expect(
      server
        .scores()
        .filter((score) => score.traceId === s1TraceId)
        .map((score) => score.name),
    ).toEqual(['false_non_escalation']);
  });

  it('reports every score the scores API validates away, per case', async () => {
    const results = await guardOnlyResults();
    const recorded = await recordLangfuseDatasetRun(results, options(server, { environment: 'langfuse-internal' }));
    expect(recorded.scores).toBe(0);
    expect(server.scores()).toEqual([]);
    expect(recorded.errors.filter((error) => error.step === 'score')).toHaveLength(12);
    expect(recorded.errors[0]).toEqual({
      step: 'score',
      caseId: 's1',
      status: 400,
      message: 'escalation_correct: HTTP 400: invalid environment langfuse-internal',
    });
    expect(new Set(recorded.errors.map((error) => error.caseId))).toEqual(
      new Set(['s1', 's2', 's3', 's4', 's5', 's6']),
    );
  });

  it('reports events the ingestion API rejects in its 207 answer', async () => {
    const results = await guardOnlyResults();
    const s2Trace = await evalTraceId('handrail-small', 'run-1', 's2');
    server.rejectEvent = (event) => ((event.body as { id?: string }).id === s2Trace ? 'invalid trace' : undefined);
    const recorded = await recordLangfuseDatasetRun(results, options(server));
    expect(recorded.traces).toBe(5);
    // Langfuse takes scores before their trace exists: those of s2 are still sent.
    expect(recorded.scores).toBe(12);
    expect(recorded.errors).toEqual([
      { step: 'ingestion', caseId: 's2', status: 400, message: 'trace-create rejected: invalid trace' },
    ]);
  });

  it('skips the run item of a case whose item id belongs to another dataset', async () => {
    const results = await guardOnlyResults();
    await recordLangfuseDatasetRun(results.slice(0, 1), options(server, { datasetName: 'other', runName: 'run-0' }));
    const recorded = await recordLangfuseDatasetRun(results, options(server));
    expect(recorded.datasetItems).toBe(5);
    expect(recorded.runItems).toBe(5);
    expect(recorded.errors).toEqual([
      {
        step: 'dataset-item',
        caseId: 's1',
        status: 409,
        message: 'HTTP 409: dataset item s1 already exists in dataset other',
      },
    ]);
    expect(
      server.datasetRunItems().filter((runItem) => runItem.runName === 'run-1' && runItem.datasetItemId === 's1'),
    ).toEqual([]);
  });

  it('reports a network error without a status', async () => {
    const results = await guardOnlyResults();
    const failing: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const recorded = await recordLangfuseDatasetRun(results, options(server, { fetch: failing, retries: 1 }));
    expect(recorded.errors).toEqual([{ step: 'dataset', message: 'request failed: fetch failed' }]);
    expect(recorded.requests).toBe(2);
  });
});

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('LANGFUSE_')));
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'evals/cli.ts', ...args],
      { cwd: root, timeout: 60_000, env: { ...inherited, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('eval CLI --langfuse-dataset', () => {
  const guardArgs = [small, '--guard-only', '--guard-module', 'test/evals/fixtures/keyword-guard.ts'];
  let server: FakeLangfuseServer;
  beforeEach(async () => {
    server = await startFakeLangfuseServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('records the run when the keys are set', async () => {
    const run = await runCli([...guardArgs, '--langfuse-dataset', 'cli-set', '--langfuse-run', 'ci-42'], {
      LANGFUSE_PUBLIC_KEY: server.publicKey,
      LANGFUSE_SECRET_KEY: server.secretKey,
      LANGFUSE_BASE_URL: server.baseUrl,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('false non-escalation rate  33.3%  1/3');
    expect(run.stderr).toContain(
      'langfuse: recorded run "ci-42" of dataset "cli-set": 6 items, 6 traces, 12 scores, 6 run items',
    );
    expect(server.requests.every((request) => request.authorized)).toBe(true);
    expect(server.datasets().map((dataset) => dataset.name)).toEqual(['cli-set']);
    expect(server.datasetRunItems()).toHaveLength(6);
    expect(server.scores()).toHaveLength(12);
    expect(server.ingestionEvents().every((event) => event.type === 'trace-create')).toBe(true);
    expect(server.datasetRunItems()[0]?.metadata).toMatchObject({
      mode: 'guard-only',
      cases: 6,
      falseNonEscalationRate: 1 / 3,
    });
  }, 60_000);

  it('says the keys are missing and sends nothing without them', async () => {
    const run = await runCli([...guardArgs, '--langfuse-dataset', 'cli-set'], { LANGFUSE_BASE_URL: server.baseUrl });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'LANGFUSE_PUBLIC_KEY and LANGFUSE_SECRET_KEY not set; the run will not be recorded in Langfuse',
    );
    expect(run.stdout).toContain('cases 6');
    expect(server.requests).toEqual([]);
  }, 60_000);

  it('warns on a Langfuse failure, and exits 3 only with --langfuse-required', async () => {
    const env = {
      LANGFUSE_PUBLIC_KEY: server.publicKey,
      LANGFUSE_SECRET_KEY: 'sk-lf-wrong',
      LANGFUSE_BASE_URL: server.baseUrl,
    };
    const lenient = await runCli([...guardArgs, '--langfuse-dataset', 'cli-set'], env);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('warning: langfuse:');
    expect(lenient.stderr).toContain('dataset: HTTP 401');
    const required = await runCli([...guardArgs, '--langfuse-dataset', 'cli-set', '--langfuse-required'], env);
    expect(required.code).toBe(3);
    expect(required.stdout).toContain('cases 6');
    expect(required.stderr).toContain('--langfuse-required: the run was not fully recorded in Langfuse');
  }, 60_000);

  it('rejects --langfuse-run without --langfuse-dataset', async () => {
    const run = await runCli([...guardArgs, '--langfuse-run', 'x'], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--langfuse-run and --langfuse-required need --langfuse-dataset');
  }, 60_000);
});
