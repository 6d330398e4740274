import type { AdversarialResult } from './adversarial.js';
import type { ConversationMemoryResult } from './conversation-memory.js';
import type { EvalSpeedResult } from './eval-speed.js';
import type { FirstTokenResult } from './first-token.js';
import type { GuardBenchResult } from './guard.js';
import type { GuardScalingResult } from './guard-scaling.js';
import type { GuardTurnsResult } from './guard-turns.js';
import type { LongMessageResult } from './long-message.js';
import type { OverheadResult } from './overhead.js';
import type { RealisticOverheadResult } from './realistic-overhead.js';
import type { ScopeIndexResult } from './scope-index.js';
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
  /** The realistic shapes against the same bare route (absent in earlier reports). */
  realisticOverhead?: RealisticOverheadResult;
  /** Guard per turn in growing conversations, every text new (absent in earlier reports). */
  guardTurns?: GuardTurnsResult;
  /** The turns after an 8,000-character message (absent in earlier reports). */
  longMessage?: LongMessageResult;
  /** The slowest adversarial text per guard pattern (absent in earlier reports). */
  adversarial?: AdversarialResult;
  /** A large scope index built offline and loaded (absent in earlier reports). */
  scopeIndex?: ScopeIndexResult;
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
  /** Handrail / bare turns per second in the realistic shapes (null when not measured). */
  realisticOverheadRatio: { hold: number | null; stream: number | null };
  /** Growth exponent of the guard per turn, 10 to 1,000 turns, every text new, and its p99 at the longest. */
  guardTurns: { growthExponent: number | null; longestTurns: number | null; p99Ms: number | null };
  /** Slowest guard pattern on its slowest adversarial text, ms. */
  adversarialWorstMs: number | null;
  /** p99 of the turns after an 8,000-character message, ms. */
  longMessageP99Ms: number | null;
  /**
   * The large scope index: utterances, load time (ms), heap + array buffers it adds and of the whole
   * process under tsx, and of the whole process with the child bundled as a Worker runs it (bytes).
   */
  scopeIndex: {
    utterances: number;
    loadMs: number;
    addedMemoryBytes: number;
    totalMemoryBytes: number;
    bundledTotalMemoryBytes: number;
    /** The whole app a Worker's isolate holds with the index, bundled, after 200 conversations (absent in earlier reports). */
    workerAppTotalMemoryBytes: number | null;
  } | null;
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
  const shapeRatio = (name: string) =>
    details.realisticOverhead?.shapes.find((shape) => shape.name === name)?.overheadRatio ?? null;
  const longest = details.guardTurns?.points.at(-1) ?? null;
  const { scopeIndex } = details;
  const realistic = [shapeRatio('realistic-hold'), shapeRatio('realistic-stream')];
  const atMost = (value: number | null | undefined, limit: number) =>
    value === null || value === undefined || !Number.isFinite(value) ? null : value <= limit;
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
    realisticOverheadRatio: { hold: realistic[0]!, stream: realistic[1]! },
    guardTurns: {
      growthExponent: details.guardTurns?.growthExponent ?? null,
      longestTurns: longest?.turns ?? null,
      p99Ms: longest?.p99Ms ?? null,
    },
    adversarialWorstMs: details.adversarial?.worst.ms ?? null,
    longMessageP99Ms: details.longMessage?.laterTurnP99Ms ?? null,
    scopeIndex: scopeIndex
      ? {
          utterances: scopeIndex.utterances,
          loadMs: scopeIndex.loadMs,
          addedMemoryBytes: scopeIndex.loadedAddedMemoryBytes,
          totalMemoryBytes: scopeIndex.loadedTotalMemoryBytes,
          bundledTotalMemoryBytes: scopeIndex.bundledTotalMemoryBytes,
          workerAppTotalMemoryBytes: scopeIndex.workerApp?.totalMemoryBytes ?? null,
        }
      : null,
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
      realisticOverheadRatio: {
        target: '>= 0.85 (held and streamed)',
        met: realistic.some((value) => value === null) ? null : realistic.every((value) => value! >= 0.85),
      },
      guardTurnsGrowthNewTexts: {
        target: 'exponent <= 0.1 and p99 < 1 ms at 1,000 turns',
        met:
          details.guardTurns && longest?.turns === 1000
            ? (atMost(details.guardTurns.growthExponent, 0.1) ?? false) && longest.p99Ms < 1
            : null,
      },
      adversarialWorstMs: { target: '< 5 ms per pattern', met: atMost(details.adversarial?.worst.ms, 5 - 1e-9) },
      longMessageP99Ms: {
        target: '< 2 ms after an 8,000-character message',
        met: atMost(details.longMessage?.laterTurnP99Ms, 2 - 1e-9),
      },
      scopeIndex: {
        target:
          '100,000 utterances load < 1 s, heap + buffers of the bundled Worker app (or, in older reports, guard) < 128 MB',
        met:
          scopeIndex && scopeIndex.utterances >= 100_000
            ? scopeIndex.loadMs < 1000 &&
              (scopeIndex.workerApp?.totalMemoryBytes ?? scopeIndex.bundledTotalMemoryBytes) < 128 * 2 ** 20
            : null,
      },
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
    ...realisticRows(report.details),
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

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** Rows of the sections added for realistic shapes, growth on new texts, adversarial texts and the scope index. */
export function realisticRows(details: BenchDetails): string[][] {
  const rows: string[][] = [];
  for (const shape of details.realisticOverhead?.shapes ?? []) {
    rows.push([
      `Turns/s, ${shape.name} (token auth, ${details.realisticOverhead!.turnsPerConversation} turns)`,
      integer(shape.handrail.turnsPerSecond),
      `${integer(shape.bare.turnsPerSecond)} bare`,
      `ratio ${number(shape.overheadRatio)} (goal >= 0.85), CPU ${number(shape.cpuOverheadRatio)}, handoffs ${(100 * shape.handoffShare).toFixed(0)}%`,
    ]);
  }
  for (const point of details.guardTurns?.points ?? []) {
    rows.push([
      `Guard per turn, new texts, ${point.turns} turns (ms p50 / p99)`,
      `${number(point.p50Ms, 3)} / ${number(point.p99Ms, 3)}`,
      '',
      `${point.samples} checks`,
    ]);
  }
  if (details.guardTurns) {
    rows.push([
      'Guard growth, new texts (exponent)',
      number(details.guardTurns.growthExponent),
      '0 (constant)',
      'goal <= 0.1',
    ]);
  }
  if (details.longMessage) {
    const long = details.longMessage;
    rows.push([
      `Turn after a ${integer(long.characters)}-character message (ms p50 / p99)`,
      `${number(long.laterTurnP50Ms, 3)} / ${number(long.laterTurnP99Ms, 3)}`,
      `${number(long.longMessageMaxMs, 1)} the message itself (max)`,
      'goal p99 < 2 ms',
    ]);
  }
  if (details.adversarial) {
    const { worst, patterns, texts, guardWorst } = details.adversarial;
    rows.push([
      'Slowest adversarial text per pattern (ms)',
      number(worst.ms, 3),
      `${patterns} patterns x ${texts} texts`,
      `${worst.pattern} on "${worst.text}"; whole guard ${number(guardWorst.ms, 2)} ms (goal < 5 ms)`,
    ]);
  }
  if (details.scopeIndex) {
    const index = details.scopeIndex;
    const agreement = index.agreement.map((item) => `${item.scope} ${(100 * item.decisionAgreement).toFixed(2)}%`);
    rows.push(
      [
        `Scope index, ${integer(index.utterances)} utterances: load (ms)`,
        number(index.loadMs, 0),
        `${number(index.buildMs / 1000, 1)} s to build offline`,
        `file ${mib(index.fileBytes)}; check p50 ${number(index.checkP50Ms, 2)} / p99 ${number(index.checkP99Ms, 2)} ms`,
      ],
      [
        'Scope index memory (heap + buffers)',
        mib(index.loadedAddedMemoryBytes),
        `whole process ${mib(index.bundledTotalMemoryBytes)} bundled, ${mib(index.loadedTotalMemoryBytes)} under tsx`,
        `decisions as in memory: ${agreement.join(', ')}${index.inMemory ? `; in memory ${mib(index.inMemory.addedMemoryBytes)}, ${number(index.inMemory.buildMs / 1000, 1)} s` : ''}`,
      ],
    );
    if (index.workerApp) {
      const app = index.workerApp;
      rows.push([
        'Worker app with the index (heap + buffers)',
        mib(app.totalMemoryBytes),
        'goal < 128 MB',
        `bundled; Handrail at /api after ${integer(app.conversations)} conversations (${integer(app.turns)} turns, ${integer(app.handoffs)} handoffs); built in ${number(app.loadMs, 0)} ms`,
      ]);
    }
  }
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
