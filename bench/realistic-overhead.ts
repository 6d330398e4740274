import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { LanguageModel } from 'ai';
import type { Hono } from 'hono';
import { createMemoryStore } from '../src/store/memory-store.js';
import type { Store } from '../src/store/store.js';
import { createBareApp, createHandrailApp, startBenchServer } from './bench-apps.js';
import { benchConversation } from './bench-conversation.js';
import type { ConversationRun, ConversationRunResult } from './conversation-client.js';
import { median, percentile, ratio } from './stats.js';

/** One realistic shape: how Handrail is configured and how its users talk. */
export interface RealisticShape {
  name: string;
  holdOutput: boolean;
}

/** The shapes measured by default: held output and streaming, otherwise the same. */
export const realisticShapes: readonly RealisticShape[] = [
  { name: 'realistic-hold', holdOutput: true },
  { name: 'realistic-stream', holdOutput: false },
];

/** One run of one app in one shape. */
export interface RealisticRun {
  kind: 'bare' | 'handrail';
  round: number;
  turnsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  serverCpuMsPerTurn: number;
  turns: number;
  conversations: number;
  handoffs: number;
  /** Handoffs by their first reason. */
  handoffReasons: Record<string, number>;
}

/** A shape's runs against the bare baseline. */
export interface RealisticShapeResult {
  name: string;
  holdOutput: boolean;
  /** Median over rounds of Handrail turns/s / bare turns/s (a round: a bare run, then Handrail). */
  overheadRatio: number | null;
  roundRatios: number[];
  /** Median bare server CPU per turn / median Handrail server CPU per turn. */
  cpuOverheadRatio: number | null;
  bare: { turnsPerSecond: number; latencyP50Ms: number; latencyP99Ms: number };
  handrail: { turnsPerSecond: number; latencyP50Ms: number; latencyP99Ms: number };
  /** Share of Handrail conversations that ended in a handoff (asked: one in `handoffEvery`). */
  handoffShare: number;
  /** Handrail handoffs by their first reason, over all runs (`explicit_request`: the ones asked for). */
  handoffReasons: Record<string, number>;
  runs: RealisticRun[];
}

/** Result of {@link measureRealisticOverhead}. */
export interface RealisticOverheadResult {
  users: number;
  turnsPerConversation: number;
  handoffEvery: number;
  /** Conversations in the store before the first run (it keeps every later one too). */
  storedBefore: number;
  conversationAuth: 'token';
  durationSeconds: number;
  shapes: RealisticShapeResult[];
}

function startClient(): { run(run: ConversationRun): Promise<ConversationRunResult>; stop(): void } {
  const child: ChildProcess = fork(resolve(import.meta.dirname, 'conversation-client.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return {
    run: (run) =>
      new Promise((done, fail) => {
        const onExit = (code: number | null) => fail(new Error(`the conversation client exited (${code})`));
        child.once('exit', onExit);
        child.once('message', (message: { result?: ConversationRunResult; error?: string }) => {
          child.off('exit', onExit);
          if (message.result) done(message.result);
          else fail(new Error(`conversation client: ${message.error}`));
        });
        child.send({ run });
      }),
    stop: () => {
      if (child.connected) child.disconnect();
    },
  };
}

/** A memory store already holding `count` conversations (one in ten with a handoff and brief). */
export async function filledStore(count: number): Promise<Store> {
  const store = createMemoryStore();
  for (let index = 0; index < count; index++) await store.putConversation(benchConversation(index), null);
  return store;
}

/** Options of {@link measureRealisticOverhead}. */
export interface RealisticOverheadOptions {
  model: LanguageModel;
  scope: string[];
  /** Questions are made from these, one group per intent (the guard lets them through: see `ordinaryUtterances`). */
  groups: string[][];
  rounds?: number;
  durationSeconds?: number;
  users?: number;
  turns?: number;
  handoffEvery?: number;
  stored?: number;
  shapes?: readonly RealisticShape[];
}

/**
 * Handrail against the bare `streamText` route in realistic shapes, in this process: token auth
 * on, conversations of `turns` turns with the whole history in every request, one in
 * `handoffEvery` handed off half-way, a store already holding `stored` conversations, every
 * question new. Per shape, bare and Handrail runs alternate (bare first in odd rounds, Handrail
 * first in even ones, against drift), on one Handrail engine as a server keeps one; the ratio is
 * the median of the rounds' throughput ratios (turns per second), as in the cheap shape.
 */
export async function measureRealisticOverhead({
  model,
  scope,
  groups,
  rounds = 5,
  durationSeconds = 2,
  users = 10,
  turns = 10,
  handoffEvery = 10,
  stored = 10_000,
  shapes = realisticShapes,
}: RealisticOverheadOptions): Promise<RealisticOverheadResult> {
  const bareApp = createBareApp(model);
  const server = await startBenchServer(bareApp);
  const client = startClient();
  let runNumber = 0;
  const load = async (kind: RealisticRun['kind'], round: number, seconds: number) => {
    const cpuBefore = process.cpuUsage();
    const result = await client.run({
      url: server.url,
      users,
      turns,
      durationSeconds: seconds,
      handoffEvery,
      groups,
      prefix: `realistic-${kind}-${++runNumber}`,
      seed: runNumber,
    });
    const cpu = process.cpuUsage(cpuBefore);
    if (result.failures > 0) throw new Error(`${kind} run had ${result.failures} failed turns: ${result.firstFailure}`);
    return {
      kind,
      round,
      turnsPerSecond: result.turnsPerSecond,
      latencyP50Ms: percentile(result.latenciesMs, 0.5),
      latencyP99Ms: percentile(result.latenciesMs, 0.99),
      serverCpuMsPerTurn: (cpu.user + cpu.system) / 1000 / Math.max(1, result.turns),
      turns: result.turns,
      conversations: result.conversations,
      handoffs: result.handoffs,
      handoffReasons: result.handoffReasons,
    } satisfies RealisticRun;
  };
  try {
    const results: RealisticShapeResult[] = [];
    for (const shape of shapes) {
      const store = await filledStore(stored);
      // One engine for the shape's runs, as a server keeps one for its lifetime (the bare app is one too).
      const handrailApp: Hono = createHandrailApp({
        model,
        scope,
        holdOutput: shape.holdOutput,
        conversationAuth: 'token',
        store,
      });
      // Warm-up of both sides, not counted.
      server.use(bareApp);
      await load('bare', 0, 1);
      server.use(handrailApp);
      await load('handrail', 0, 1);
      const runs: RealisticRun[] = [];
      const run = async (kind: RealisticRun['kind'], round: number) => {
        server.use(kind === 'bare' ? bareApp : handrailApp);
        runs.push(await load(kind, round, durationSeconds));
      };
      // The order alternates (bare first in odd rounds, Handrail first in even ones), so that a
      // process still speeding up (or slowing down) from run to run favours neither side.
      for (let round = 1; round <= rounds; round++) {
        const order: RealisticRun['kind'][] = round % 2 === 1 ? ['bare', 'handrail'] : ['handrail', 'bare'];
        for (const kind of order) await run(kind, round);
      }
      results.push(summarize(shape, runs));
    }
    return {
      users,
      turnsPerConversation: turns,
      handoffEvery,
      storedBefore: stored,
      conversationAuth: 'token',
      durationSeconds,
      shapes: results,
    };
  } finally {
    client.stop();
    await server.close();
  }
}

function summarize(shape: RealisticShape, runs: RealisticRun[]): RealisticShapeResult {
  const own = (kind: RealisticRun['kind']) => runs.filter((run) => run.kind === kind);
  const side = (kind: RealisticRun['kind']) => ({
    turnsPerSecond: median(own(kind).map((run) => run.turnsPerSecond)),
    latencyP50Ms: median(own(kind).map((run) => run.latencyP50Ms)),
    latencyP99Ms: median(own(kind).map((run) => run.latencyP99Ms)),
  });
  const roundRatios: number[] = [];
  for (const run of own('handrail')) {
    const bare = runs.find((other) => other.kind === 'bare' && other.round === run.round);
    const value = bare ? ratio(run.turnsPerSecond, bare.turnsPerSecond) : null;
    if (value !== null) roundRatios.push(value);
  }
  const handrailRuns = own('handrail');
  const conversations = handrailRuns.reduce((sum, run) => sum + run.conversations, 0);
  return {
    name: shape.name,
    holdOutput: shape.holdOutput,
    overheadRatio: roundRatios.length > 0 ? median(roundRatios) : null,
    roundRatios,
    cpuOverheadRatio: ratio(
      median(own('bare').map((run) => run.serverCpuMsPerTurn)),
      median(handrailRuns.map((run) => run.serverCpuMsPerTurn)),
    ),
    bare: side('bare'),
    handrail: side('handrail'),
    handoffShare: conversations > 0 ? handrailRuns.reduce((sum, run) => sum + run.handoffs, 0) / conversations : 0,
    handoffReasons: sumReasons(handrailRuns),
    runs,
  };
}

function sumReasons(runs: readonly RealisticRun[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const run of runs) {
    for (const [reason, count] of Object.entries(run.handoffReasons)) total[reason] = (total[reason] ?? 0) + count;
  }
  return total;
}
