import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { LanguageModel } from 'ai';
import type { AutocannonOptions, AutocannonResult } from 'autocannon';
import type { Hono } from 'hono';
import { type BenchServer, createBareApp, createHandrailApp, startBenchServer } from './bench-apps.js';
import { readSse } from './read-sse.js';
import { median, ratio } from './stats.js';

/** Ordinary, in-scope banking questions: none may start a handoff (checked before the load test). */
export const benchQuestions = [
  'what is the balance on my checking account',
  'how do I order new checks',
  'when is my credit card payment due',
  'what is the interest rate on my savings account',
  'how many rewards points do I have',
  'what is the routing number for my account',
  'what is my credit limit',
  'how long does it take to get a replacement card',
];

/** One load-test run against one app. */
export interface LoadRun {
  kind: 'bare' | 'handrail';
  round: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** CPU time (user + system) the server's process spent per answered request, in milliseconds. */
  serverCpuMsPerRequest: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** Options of {@link measureOverhead}. */
export interface OverheadOptions {
  model: LanguageModel;
  scope?: string[];
  /** Pairs of runs (bare, then Handrail). @default 6 */
  rounds?: number;
  /** Seconds per run. @default 2 */
  durationSeconds?: number;
  /** Seconds of warm-up per app before the first round. @default 2 */
  warmupSeconds?: number;
  /** Concurrent connections. @default 10 */
  connections?: number;
}

/** Medians of one kind's runs. */
export interface LoadSummary {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  serverCpuMsPerRequest: number;
}

/** Throughput and latency of Handrail against the bare route, medians over alternating runs. */
export interface OverheadResult {
  /**
   * Handrail requests per second / bare requests per second: the median over rounds of each
   * round's ratio (a round is a bare run and the Handrail run right after it).
   */
  overheadRatio: number | null;
  /** Each round's throughput ratio, in order. */
  roundRatios: number[];
  /**
   * Median bare server CPU per request / median Handrail server CPU per request: the throughput
   * ratio a CPU-bound server would reach, less sensitive than wall-clock throughput to other load.
   */
  cpuOverheadRatio: number | null;
  /** Median Handrail p50 latency minus median bare p50 latency, in milliseconds. */
  addedLatencyMsP50: number;
  /** Median Handrail p99 latency minus median bare p99 latency, in milliseconds. */
  addedLatencyMsP99: number;
  bare: LoadSummary;
  handrail: LoadSummary;
  /** Every run, in the order they ran. */
  runs: LoadRun[];
  connections: number;
  durationSeconds: number;
  /** Parts of the checked sample answers: each must have text and no `data-handoff`. */
  sampleCheck: { questions: number; handoffs: number; textDeltas: number };
}

/** The body `useChat` would send for a new conversation; `[<id>]` is replaced by autocannon per request. */
export function chatBody(question: string, id = '[<id>]'): string {
  return JSON.stringify({
    id: `bench-${id}`,
    messages: [{ id: `m-${id}`, role: 'user', parts: [{ type: 'text', text: question }] }],
  });
}

/**
 * Sends every question once to the Handrail app and throws when an answer carries a
 * `data-handoff` part or no text: the comparison is only fair when nobody is handed off.
 */
export async function checkNoHandoff(server: BenchServer, questions: readonly string[]) {
  let handoffs = 0;
  let textDeltas = 0;
  for (const [index, question] of questions.entries()) {
    const response = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chatBody(question, `sample-check-${index}`),
    });
    if (response.status !== 200)
      throw new Error(`sample request answered ${response.status}: ${await response.text()}`);
    const events = await readSse(response);
    const types = events.map((event) => String((event as { type?: unknown }).type));
    if (types.includes('data-handoff')) {
      handoffs++;
      throw new Error(`"${question}" was handed off; the benchmark needs questions the guard lets through`);
    }
    const deltas = types.filter((type) => type === 'text-delta').length;
    if (deltas === 0) throw new Error(`"${question}" got no text: ${types.join(', ')}`);
    textDeltas += deltas;
  }
  return { questions: questions.length, handoffs, textDeltas };
}

/** The autocannon child process: one per measurement, reused by every run. */
function startLoadClient(): { run(options: AutocannonOptions): Promise<AutocannonResult>; stop(): void } {
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'load-client.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return {
    run: (options) =>
      new Promise((done, fail) => {
        const onExit = (code: number | null) => fail(new Error(`the load client exited (${code})`));
        child.once('exit', onExit);
        child.once('message', (message: { result?: AutocannonResult; error?: string }) => {
          child.off('exit', onExit);
          if (message.result) done(message.result);
          else fail(new Error(`load client: ${message.error}`));
        });
        child.send({ options });
      }),
    stop: () => {
      if (child.connected) child.disconnect();
    },
  };
}

async function load(
  client: ReturnType<typeof startLoadClient>,
  server: BenchServer,
  connections: number,
  durationSeconds: number,
): Promise<{ result: AutocannonResult; cpuMs: number }> {
  const cpuBefore = process.cpuUsage();
  const result = await client.run({
    url: `${server.url}/api/chat`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: benchQuestions.map((question) => ({ body: chatBody(question) })),
    idReplacement: true,
    connections,
    duration: durationSeconds,
  });
  const cpu = process.cpuUsage(cpuBefore);
  return { result, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function toRun(
  kind: LoadRun['kind'],
  round: number,
  { result, cpuMs }: { result: AutocannonResult; cpuMs: number },
): LoadRun {
  const ok = result['2xx'];
  return {
    kind,
    round,
    requestsPerSecond: ok / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    serverCpuMsPerRequest: ok > 0 ? cpuMs / ok : Number.NaN,
    requests: ok + result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/**
 * Load-tests `POST /api/chat` on one local server, alternating a bare `streamText` route and
 * Handrail (a fresh engine and store each run) with the same mock model, and compares medians.
 * autocannon runs in a child process, so the server has this process (and its CPU clock) to itself.
 */
export async function measureOverhead({
  model,
  scope,
  rounds = 6,
  durationSeconds = 2,
  warmupSeconds = 2,
  connections = 10,
}: OverheadOptions): Promise<OverheadResult> {
  const bareApp = createBareApp(model);
  const handrailApp = (): Hono => createHandrailApp({ model, ...(scope ? { scope } : {}) });
  const server = await startBenchServer(handrailApp());
  const client = startLoadClient();
  try {
    const sampleCheck = await checkNoHandoff(server, benchQuestions);
    for (const app of [bareApp, handrailApp()]) {
      server.use(app);
      await load(client, server, connections, warmupSeconds);
    }
    const runs: LoadRun[] = [];
    for (let round = 1; round <= rounds; round++) {
      server.use(bareApp);
      runs.push(toRun('bare', round, await load(client, server, connections, durationSeconds)));
      server.use(handrailApp());
      runs.push(toRun('handrail', round, await load(client, server, connections, durationSeconds)));
    }
    const failed = runs.filter((run) => run.non2xx > 0 || run.errors > 0);
    if (failed.length > 0) {
      throw new Error(`load test had failed requests: ${JSON.stringify(failed)}`);
    }
    const summary = (kind: LoadRun['kind']): LoadSummary => {
      const own = runs.filter((run) => run.kind === kind);
      return {
        requestsPerSecond: median(own.map((run) => run.requestsPerSecond)),
        latencyP50Ms: median(own.map((run) => run.latencyP50Ms)),
        latencyP99Ms: median(own.map((run) => run.latencyP99Ms)),
        serverCpuMsPerRequest: median(own.map((run) => run.serverCpuMsPerRequest)),
      };
    };
    const bare = summary('bare');
    const handrail = summary('handrail');
    const roundRatios = pairRatios(runs);
    return {
      overheadRatio: roundRatios.length > 0 ? median(roundRatios) : null,
      roundRatios,
      cpuOverheadRatio: ratio(bare.serverCpuMsPerRequest, handrail.serverCpuMsPerRequest),
      addedLatencyMsP50: handrail.latencyP50Ms - bare.latencyP50Ms,
      addedLatencyMsP99: handrail.latencyP99Ms - bare.latencyP99Ms,
      bare,
      handrail,
      runs,
      connections,
      durationSeconds,
      sampleCheck,
    };
  } finally {
    client.stop();
    await server.close();
  }
}

/** Throughput ratio (Handrail / bare) of each round that has both runs, in round order. */
export function pairRatios(runs: readonly LoadRun[]): number[] {
  const ratios: number[] = [];
  for (const round of new Set(runs.map((run) => run.round))) {
    const bare = runs.find((run) => run.round === round && run.kind === 'bare');
    const handrail = runs.find((run) => run.round === round && run.kind === 'handrail');
    const value = bare && handrail ? ratio(handrail.requestsPerSecond, bare.requestsPerSecond) : null;
    if (value !== null) ratios.push(value);
  }
  return ratios;
}
