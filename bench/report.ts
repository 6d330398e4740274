import type { ConversationMemoryResult } from './conversation-memory.js';
import type { EvalSpeedResult } from './eval-speed.js';
import type { FirstTokenResult } from './first-token.js';
import type { GuardBenchResult } from './guard.js';
import type { GuardScalingResult } from './guard-scaling.js';
import type { OverheadResult } from './overhead.js';
import { ratio } from './stats.js';
import type { StoreScaleResult } from './store-scale.js';
import type { WorkerBundleResult } from './worker-bundle.js';

/** The machine a report was measured on. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  arch: string;
  totalMemoryBytes: number;
  /** 1-minute load average before and after the run (the machine may be shared). */
  loadAverageBefore: number;
  loadAverageAfter: number;
}

/** Everything measured in one run. */
export interface BenchDetails {
  overhead: OverheadResult;
  firstToken: FirstTokenResult;
  guard: GuardBenchResult;
  guardScaling: GuardScalingResult;
  evalSpeed: EvalSpeedResult;
  memory: ConversationMemoryResult;
  workerBundle: WorkerBundleResult;
  /** Absent in reports written before it was measured. */
  storeScale?: StoreScaleResult;
}

/** A target and whether this run met it. */
export interface GoalCheck {
  target: string;
  met: boolean | null;
}

/** The machine-readable report `npm run bench -- --json <file>` writes. */
export interface BenchReport {
  /** Handrail requests per second / bare `streamText` route requests per second (goal >= 0.9). */
  overheadRatio: number | null;
  /** Bare server CPU per request / Handrail server CPU per request (the same ratio, from CPU time). */
  cpuOverheadRatio: number | null;
  /** Handrail p50 latency minus the bare route's, under the same load, in milliseconds. */
  addedLatencyMsP50: number;
  /** Guard p99 per turn on 20-turn transcripts with the 2,400-utterance scope (input phase, best round), ms. */
  guardP99Ms: number;
  /** Guard-only evaluation cases per second on all_dev.jsonl. */
  evalCasesPerSecond: number;
  /** Heap per stored conversation in the in-memory store at 10,000 conversations. */
  bytesPerConversation: number;
  /** Gzipped size of the Worker bundle, or null (see details.workerBundle.reason). */
  workerBundleGzipBytes: number | null;
  /** Time to first token, Handrail / bare, with `holdOutput` false and true. */
  firstTokenRatio: { stream: number | null; hold: number | null };
  /** Growth exponents of guard time: 1 is linear. */
  guardGrowth: { turns: number | null; outputTurns: number | null; scope: number | null };
  goals: Record<string, GoalCheck>;
  mode: 'full' | 'quick';
  generatedAt: string;
  durationSeconds: number;
  machine: MachineInfo;
  details: BenchDetails;
}

/** Builds the report from the measured sections: headline figures, ratios and goals. */
export function buildReport(
  details: BenchDetails,
  context: { mode: 'full' | 'quick'; generatedAt: string; durationSeconds: number; machine: MachineInfo },
): BenchReport {
  const firstTokenP50 = (name: string) => details.firstToken.rows.find((row) => row.name === name)?.p50Ms ?? Number.NaN;
  const { guardScaling } = details;
  const notFaster = (exponent: number | null) => (exponent === null ? null : exponent <= 1.1);
  return {
    overheadRatio: details.overhead.overheadRatio,
    cpuOverheadRatio: details.overhead.cpuOverheadRatio,
    addedLatencyMsP50: details.overhead.addedLatencyMsP50,
    guardP99Ms: details.guard.p99Ms,
    evalCasesPerSecond: details.evalSpeed.casesPerSecond,
    bytesPerConversation: details.memory.bytesPerConversation,
    workerBundleGzipBytes: details.workerBundle.gzipBytes,
    firstTokenRatio: {
      stream: ratio(firstTokenP50('handrail-stream'), firstTokenP50('bare')),
      hold: ratio(firstTokenP50('handrail-hold'), firstTokenP50('bare')),
    },
    guardGrowth: {
      turns: guardScaling.turnsGrowthExponent,
      outputTurns: guardScaling.outputTurnsGrowthExponent,
      scope: guardScaling.scopeGrowthExponent,
    },
    goals: {
      overheadRatio: {
        target: '>= 0.9',
        met: details.overhead.overheadRatio === null ? null : details.overhead.overheadRatio >= 0.9,
      },
      guardP99Ms: { target: '< 1 ms (20 turns)', met: details.guard.p99Ms < 1 },
      guardTurnsGrowth: { target: 'exponent <= 1 (at most linear)', met: notFaster(guardScaling.turnsGrowthExponent) },
      guardOutputTurnsGrowth: {
        target: 'exponent <= 1 (at most linear)',
        met: notFaster(guardScaling.outputTurnsGrowthExponent),
      },
      guardScopeGrowth: { target: 'exponent <= 1 (at most linear)', met: notFaster(guardScaling.scopeGrowthExponent) },
      storeScale: {
        target: 'handoff turn and agent queue at 100,000 / 1,000 stored <= 2 (memory and SQLite)',
        met: details.storeScale
          ? Math.max(
              ...Object.values(details.storeScale.handoffRatio),
              ...Object.values(details.storeScale.queueRatio),
            ) <= 2
          : null,
      },
    },
    ...context,
    details,
  };
}

const number = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
const integer = (value: number | null | undefined) =>
  value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : Math.round(value).toLocaleString('en-US');
const kib = (bytes: number | null) => (bytes === null ? 'n/a' : `${(bytes / 1024).toFixed(1)} KiB`);

/** The report as rows of `[figure, Handrail, baseline, ratio or note]`. */
export function reportRows(report: BenchReport): string[][] {
  const { overhead, firstToken, guard, guardScaling, evalSpeed, memory, workerBundle } = report.details;
  const ttft = (name: string) => firstToken.rows.find((row) => row.name === name)?.p50Ms ?? Number.NaN;
  const guardRow = (turns: number) => guard.rows.find((row) => row.turns === turns && row.phase === 'input');
  const rows: string[][] = [
    ['Figure', 'Handrail', 'Baseline', 'Ratio / note'],
    [
      'Throughput POST /api/chat (req/s)',
      integer(overhead.handrail.requestsPerSecond),
      `${integer(overhead.bare.requestsPerSecond)} bare`,
      `overheadRatio ${number(report.overheadRatio)} (goal >= 0.9)`,
    ],
    [
      'Server CPU per request (ms)',
      number(overhead.handrail.serverCpuMsPerRequest, 2),
      `${number(overhead.bare.serverCpuMsPerRequest, 2)} bare`,
      `cpuOverheadRatio ${number(overhead.cpuOverheadRatio)}`,
    ],
    [
      'Latency p50 under load (ms)',
      number(overhead.handrail.latencyP50Ms, 1),
      `${number(overhead.bare.latencyP50Ms, 1)} bare`,
      `+${number(report.addedLatencyMsP50, 1)} ms`,
    ],
    [
      'Latency p99 under load (ms)',
      number(overhead.handrail.latencyP99Ms, 1),
      `${number(overhead.bare.latencyP99Ms, 1)} bare`,
      `+${number(overhead.addedLatencyMsP99, 1)} ms`,
    ],
    [
      'First token, holdOutput false (ms p50)',
      number(ttft('handrail-stream'), 1),
      `${number(ttft('bare'), 1)} bare`,
      `x${number(report.firstTokenRatio.stream)}, +${number(firstToken.addedStreamingMsP50, 1)} ms`,
    ],
    [
      'First token, holdOutput true (ms p50)',
      number(ttft('handrail-hold'), 1),
      `${number(ttft('bare'), 1)} bare`,
      `x${number(report.firstTokenRatio.hold)}, +${number(firstToken.addedHoldingMsP50, 1)} ms`,
    ],
  ];
  for (const turns of [1, 20, 100]) {
    const row = guardRow(turns);
    if (!row) continue;
    rows.push([
      `Guard input, ${turns} turn${turns === 1 ? '' : 's'} (ms p50 / p99)`,
      `${number(row.p50Ms, 3)} / ${number(row.p99Ms, 3)}`,
      '',
      `p99 all rounds ${number(row.p99AllRoundsMs, 3)}`,
    ]);
  }
  rows.push(
    [
      'Guard time 100 / 20 turns',
      number(guardScaling.turnsTimeRatio),
      '5 (linear)',
      `exponent ${number(guardScaling.turnsGrowthExponent)} (output ${number(guardScaling.outputTurnsGrowthExponent)})`,
    ],
    [
      'Guard time 2400 / 600 scope',
      number(guardScaling.scopeTimeRatio),
      '4 (linear)',
      `exponent ${number(guardScaling.scopeGrowthExponent)}`,
    ],
    [
      'Eval, guard only (cases/s)',
      integer(evalSpeed.casesPerSecond),
      '',
      `${evalSpeed.cases} cases, ${evalSpeed.scopeUtterances}-utterance scope`,
    ],
    [
      'Memory per conversation (bytes)',
      integer(memory.bytesPerConversation),
      `${integer(memory.serializedBytesPerConversation)} as JSON`,
      `x${number(ratio(memory.bytesPerConversation, memory.serializedBytesPerConversation))}, ${integer(memory.conversations)} conversations`,
    ],
    ...storeScaleRows(report.details.storeScale),
    [
      'Worker bundle (gzip)',
      kib(workerBundle.gzipBytes),
      `${kib(workerBundle.rawBytes)} raw`,
      workerBundle.reason ??
        `gzip/raw ${number(ratio(workerBundle.gzipBytes ?? Number.NaN, workerBundle.rawBytes ?? Number.NaN))}`,
    ],
  );
  return rows;
}

/** Rows of the store-scale section: each store's handoff turn and queue at the two sizes. */
function storeScaleRows(storeScale: StoreScaleResult | undefined): string[][] {
  if (!storeScale) return [];
  return (['memory', 'sqlite'] as const).map((kind) => {
    const [small, large] = storeScale.rows.filter((row) => row.store === kind);
    return [
      `Handoff turn / queue, ${kind} store (ms p50)`,
      `${number(large?.handoffTurnMsP50)} / ${number(large?.queueMsP50)}`,
      `${number(small?.handoffTurnMsP50)} / ${number(small?.queueMsP50)} at ${integer(small?.stored)}`,
      `x${number(storeScale.handoffRatio[kind])} / x${number(storeScale.queueRatio[kind])} at ${integer(large?.stored)} stored (goal <= 2)`,
    ];
  });
}

/** Formats rows as an aligned plain-text table, the first row a header. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join(' | ')
      .trimEnd();
  const [header, ...body] = rows;
  return [line(header!), widths.map((width) => '-'.repeat(width)).join('-|-'), ...body.map(line)].join('\n');
}
