import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createHandrailApp, startBenchServer } from '../../bench/bench-apps.js';
import { benchConversation, handoffEvery } from '../../bench/bench-conversation.js';
import { benchAnswer, createBenchModel } from '../../bench/bench-model.js';
import { parseBenchArgs } from '../../bench/bench-settings.js';
import { compareReports } from '../../bench/compare-reports.js';
import { benchTranscript, thinScope } from '../../bench/guard-scaling.js';
import { longMessage } from '../../bench/long-message.js';
import { newQuestions } from '../../bench/new-texts.js';
import { benchQuestions, chatBody, checkNoHandoff, pairRatios } from '../../bench/overhead.js';
import { readSse, timeToFirstTextDelta } from '../../bench/read-sse.js';
import {
  type BenchDetails,
  type BenchReport,
  buildReport,
  formatTable,
  type MachineInfo,
  reportRows,
} from '../../bench/report.js';
import {
  growthExponent,
  growthVersusLinear,
  median,
  percentile,
  ratio,
  relativeDifference,
  summarizeLatencies,
} from '../../bench/stats.js';
import { syntheticQueries, syntheticScope } from '../../bench/synthetic-scope.js';
import { chatRequestSchema, defaultLimits } from '../../src/http/chat-request.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

describe('bench statistics', () => {
  it('interpolates percentiles between closest ranks, unsorted input', () => {
    expect(percentile([3, 1, 2, 4], 0)).toBe(1);
    expect(percentile([3, 1, 2, 4], 1)).toBe(4);
    expect(percentile([3, 1, 2, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 20], 0.25)).toBe(12.5);
    expect(
      percentile(
        Array.from({ length: 101 }, (_, index) => index),
        0.99,
      ),
    ).toBe(99);
    expect(percentile([], 0.5)).toBeNaN();
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
    expect(median([5, 1, 3])).toBe(3);
  });

  it('computes ratios, growth exponents and run-to-run differences', () => {
    expect(ratio(90, 100)).toBe(0.9);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(Number.NaN, 1)).toBeNull();
    expect(growthExponent(20, 1, 100, 5)).toBeCloseTo(1, 10);
    expect(growthExponent(20, 1, 100, 25)).toBeCloseTo(2, 10);
    expect(growthExponent(20, 2, 100, 2)).toBe(0);
    expect(growthExponent(20, 0, 100, 1)).toBeNull();
    expect(growthVersusLinear(600, 1, 2400, 2)).toBe(0.5);
    expect(relativeDifference(100, 115)).toBeCloseTo(15 / 107.5, 10);
    expect(relativeDifference(0, 0)).toBe(0);
    const summary = summarizeLatencies([1, 2, 3, 4]);
    expect(summary).toMatchObject({ count: 4, p50Ms: 2.5, meanMs: 2.5 });
  });
});

describe('bench settings', () => {
  it('reads --quick and --json and rejects unknown options', () => {
    const full = parseBenchArgs([]);
    expect(full).toMatchObject({ mode: 'full', jsonFile: null });
    const quick = parseBenchArgs(['--quick', '--json', 'out/report.json']);
    expect(quick).toMatchObject({ mode: 'quick', jsonFile: 'out/report.json' });
    expect(quick.overhead.durationSeconds).toBeLessThan(full.overhead.durationSeconds);
    expect(quick.memory.conversations).toBe(10_000);
    expect(() => parseBenchArgs(['--fast'])).toThrow();
  });

  it('prints the JSON report to stdout for --json without a file name', () => {
    expect(parseBenchArgs(['--json']).jsonFile).toBe('-');
    expect(parseBenchArgs(['--json', '--quick'])).toMatchObject({ jsonFile: '-', mode: 'quick' });
  });
});

describe('bench inputs', () => {
  it('sends bodies that pass Handrail request validation, with an autocannon-like id', () => {
    const schema = chatRequestSchema(defaultLimits);
    for (const question of benchQuestions) {
      const body = JSON.parse(chatBody(question, 'a1B2c3D4e5F6g7H8i9J0k1L2m3-')) as unknown;
      expect(schema.safeParse(body).success).toBe(true);
    }
  });

  it('builds transcripts whose last turn is the judged one', () => {
    for (const turns of [1, 20, 100]) {
      const input = benchTranscript(turns, 0, 'input');
      const output = benchTranscript(turns, 3, 'output');
      expect(input).toHaveLength(turns);
      expect(input.at(-1)?.role).toBe('user');
      expect(output.at(-1)?.role).toBe('assistant');
    }
  });

  it('thins the scope evenly across intents', () => {
    const scope = Array.from({ length: 2400 }, (_, index) => `utterance ${index}`);
    const small = thinScope(scope, 4);
    expect(small).toHaveLength(600);
    expect(small[1]).toBe('utterance 4');
  });

  it('builds distinct stored conversations, one in ten with a handoff, that the memory store accepts', async () => {
    const store = createMemoryStore();
    for (let index = 0; index < 20; index++) await store.putConversation(benchConversation(index), null);
    const summaries = await store.listConversations();
    expect(summaries).toHaveLength(20);
    expect(summaries.filter((summary) => summary.handoff !== null)).toHaveLength(20 / handoffEvery);
    expect(benchConversation(1).messages[0]).not.toEqual(benchConversation(2).messages[0]);
    expect(benchConversation(1).tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the bench model streams the fixed answer word by word, with and without a delay', async () => {
    for (const chunkDelayMs of [0, 1]) {
      const result = streamText({ model: createBenchModel({ chunkDelayMs }), prompt: 'hello' });
      expect(await result.text).toBe(benchAnswer);
    }
  });
});

describe('bench fairness check', () => {
  const evaldata = resolve(import.meta.dirname, '../../../shared/evaldata/clinc150_scope.jsonl');
  const haveScope = existsSync(evaldata);
  if (!haveScope) console.log(`skipped: the bench fairness check needs ${evaldata} (../shared/evaldata)`);

  it.skipIf(!haveScope)(
    'the benchmark questions get an answer from Handrail (2,400-utterance scope) and no handoff',
    async () => {
      const scope = readFileSync(evaldata, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => (JSON.parse(line) as { text: string }).text);
      const server = await startBenchServer(createHandrailApp({ model: createBenchModel(), scope }));
      try {
        const check = await checkNoHandoff(server, benchQuestions);
        expect(check).toMatchObject({ questions: benchQuestions.length, handoffs: 0 });
        expect(check.textDeltas).toBeGreaterThan(benchQuestions.length);
      } finally {
        await server.close();
      }
    },
  );

  it('the check refuses an answer the output guard holds back (low confidence)', async () => {
    const server = await startBenchServer(createHandrailApp({ model: createBenchModel({ confidence: 0.1 }) }));
    try {
      await expect(checkNoHandoff(server, benchQuestions.slice(0, 1))).rejects.toThrow(/handed off/);
    } finally {
      await server.close();
    }
  });
});

describe('SSE reading', () => {
  const sse = (events: string[]) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          const encoder = new TextEncoder();
          for (const event of events) controller.enqueue(encoder.encode(`data: ${event}\n\n`));
          controller.close();
        },
      }),
    );

  it('parses data events and skips [DONE]', async () => {
    const events = await readSse(sse(['{"type":"start"}', '{"type":"text-delta","delta":"hi"}', '[DONE]']));
    expect(events).toEqual([{ type: 'start' }, { type: 'text-delta', delta: 'hi' }]);
  });

  it('finds the first text-delta, or null without one', async () => {
    expect(await timeToFirstTextDelta(sse(['{"type":"start"}', '{"type":"text-delta","delta":"a"}']), 0)).toEqual(
      expect.any(Number),
    );
    expect(await timeToFirstTextDelta(sse(['{"type":"start"}', '[DONE]']), 0)).toBeNull();
  });
});

describe('bench report', () => {
  const machine: MachineInfo = {
    cpus: 2,
    cpuModel: 'Test CPU',
    node: 'v22.0.0',
    platform: 'linux',
    arch: 'x64',
    totalMemoryBytes: 2 ** 30,
    loadAverageBefore: 0.5,
    loadAverageAfter: 0.7,
  };
  const details: BenchDetails = {
    overhead: {
      overheadRatio: 0.8,
      roundRatios: [0.8],
      cpuOverheadRatio: 0.75,
      addedLatencyMsP50: 5,
      addedLatencyMsP99: 9,
      bare: { requestsPerSecond: 1000, latencyP50Ms: 10, latencyP99Ms: 20, serverCpuMsPerRequest: 0.9 },
      handrail: { requestsPerSecond: 800, latencyP50Ms: 15, latencyP99Ms: 29, serverCpuMsPerRequest: 1.2 },
      runs: [],
      connections: 10,
      durationSeconds: 5,
      sampleCheck: { questions: 8, handoffs: 0, textDeltas: 296 },
    },
    firstToken: {
      chunkDelayMs: 2,
      rows: [
        { name: 'bare', p50Ms: 10, p90Ms: 12, samples: 30 },
        { name: 'handrail-stream', p50Ms: 12, p90Ms: 14, samples: 30 },
        { name: 'handrail-hold', p50Ms: 90, p90Ms: 95, samples: 30 },
      ],
      addedStreamingMsP50: 2,
      addedHoldingMsP50: 80,
      holdingAloneMsP50: 78,
    },
    guard: {
      p50Ms: 0.2,
      p99Ms: 0.4,
      scopeUtterances: 2400,
      buildMs: 300,
      rows: [1, 20, 100].map((turns) => ({
        turns,
        phase: 'input' as const,
        iterations: 100,
        p50Ms: 0.2,
        p99Ms: 0.4,
        p99AllRoundsMs: 0.6,
        maxMs: 1,
      })),
    },
    guardScaling: {
      points: [],
      turnsTimeRatio: 1.2,
      turnsVersusLinear: 0.24,
      turnsGrowthExponent: 0.11,
      outputTurnsGrowthExponent: 1.6,
      scopeTimeRatio: 1.5,
      scopeVersusLinear: 0.375,
      scopeGrowthExponent: 0.29,
      atMostLinear: false,
    },
    evalSpeed: {
      dataset: 'all_dev.jsonl',
      cases: 1476,
      scopeUtterances: 2400,
      casesPerSecond: 4000,
      passes: [4000],
      guardBuildMs: 300,
      escalated: 500,
      errors: 0,
    },
    memory: {
      conversations: 10_000,
      withHandoff: 1000,
      bytesPerConversation: 3000,
      serializedBytesPerConversation: 1500,
    },
    workerBundle: { gzipBytes: null, rawBytes: null, buildMs: null, reason: 'src/worker.ts is missing' },
  };

  it('puts the headline figures at the top level, with ratios and goals', () => {
    const report = buildReport(details, {
      mode: 'quick',
      generatedAt: '2026-01-01T00:00:00.000Z',
      durationSeconds: 30,
      machine,
    });
    expect(report).toMatchObject({
      overheadRatio: 0.8,
      cpuOverheadRatio: 0.75,
      addedLatencyMsP50: 5,
      guardP99Ms: 0.4,
      evalCasesPerSecond: 4000,
      bytesPerConversation: 3000,
      workerBundleGzipBytes: null,
      mode: 'quick',
      machine: { cpus: 2, cpuModel: 'Test CPU', node: 'v22.0.0' },
    });
    expect(report.firstTokenRatio.stream).toBeCloseTo(1.2, 10);
    expect(report.firstTokenRatio.hold).toBeCloseTo(9, 10);
    expect(report.goals.overheadRatio?.met).toBe(false);
    expect(report.goals.guardP99Ms?.met).toBe(true);
    expect(report.goals.guardTurnsGrowth?.met).toBe(true);
    expect(report.goals.guardOutputTurnsGrowth?.met).toBe(false);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('compares two reports figure by figure against a tolerance', () => {
    const context = { mode: 'full' as const, generatedAt: '2026-01-01T00:00:00.000Z', durationSeconds: 90, machine };
    const first = buildReport(details, context);
    const second = buildReport({ ...details, evalSpeed: { ...details.evalSpeed, casesPerSecond: 5000 } }, context);
    const rows = compareReports(first, second, 0.15);
    expect(rows.find((row) => row.figure === 'overheadRatio')).toMatchObject({
      relativeDifference: 0,
      withinTolerance: true,
    });
    const evalRow = rows.find((row) => row.figure === 'evalCasesPerSecond');
    expect(evalRow?.relativeDifference).toBeCloseTo(1000 / 4500, 10);
    expect(evalRow?.withinTolerance).toBe(false);
    expect(rows.find((row) => row.figure === 'workerBundleGzipBytes')).toMatchObject({ withinTolerance: null });
  });

  it('compares the added latency relative to the bare latency it is added to', () => {
    const context = { mode: 'full' as const, generatedAt: '2026-01-01T00:00:00.000Z', durationSeconds: 90, machine };
    const withLatency = (bareP50: number, handrailP50: number) =>
      buildReport(
        {
          ...details,
          overhead: {
            ...details.overhead,
            addedLatencyMsP50: handrailP50 - bareP50,
            bare: { ...details.overhead.bare, latencyP50Ms: bareP50 },
            handrail: { ...details.overhead.handrail, latencyP50Ms: handrailP50 },
          },
        },
        context,
      );
    const added = (first: BenchReport, second: BenchReport) =>
      compareReports(first, second, 0.15).find((row) => row.figure === 'addedLatencyMsP50');
    // 1 ms and 0.5 ms added to a 20 ms p50: 2.5% of the latency, not 67% of the difference.
    expect(added(withLatency(20, 21), withLatency(20, 20.5))).toMatchObject({ withinTolerance: true });
    expect(added(withLatency(20, 21), withLatency(20, 20.5))?.relativeDifference).toBeCloseTo(0.025, 10);
    // 4 ms more on a 20 ms p50 is a real change.
    expect(added(withLatency(20, 21), withLatency(20, 25))).toMatchObject({ withinTolerance: false });
  });

  it('prints an aligned table with the reason when the worker bundle is missing', () => {
    const report = buildReport(details, {
      mode: 'full',
      generatedAt: '2026-01-01T00:00:00.000Z',
      durationSeconds: 90,
      machine,
    });
    const rows = reportRows(report);
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
    const table = formatTable(rows);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^Figure\s+\| Handrail/);
    expect(lines[1]).toMatch(/^-+-\|-/);
    expect(table).toContain('overheadRatio 0.80');
    expect(table).toContain('src/worker.ts is missing');
    expect(lines[2]!.indexOf('|')).toBe(lines[0]!.indexOf('|'));
  });
});

describe('bench report, realistic sections', () => {
  const machine: MachineInfo = {
    cpus: 2,
    cpuModel: 'Test CPU',
    node: 'v22.0.0',
    platform: 'linux',
    arch: 'x64',
    totalMemoryBytes: 2 ** 30,
    loadAverageBefore: 0.5,
    loadAverageAfter: 0.7,
  };
  const context = { mode: 'full' as const, generatedAt: '2026-01-01T00:00:00.000Z', durationSeconds: 170, machine };
  const shape = (name: string, holdOutput: boolean, overheadRatio: number) => ({
    name,
    holdOutput,
    overheadRatio,
    roundRatios: [overheadRatio],
    cpuOverheadRatio: overheadRatio - 0.05,
    bare: { turnsPerSecond: 200, latencyP50Ms: 40, latencyP99Ms: 90 },
    handrail: { turnsPerSecond: 200 * overheadRatio, latencyP50Ms: 50, latencyP99Ms: 120 },
    handoffShare: 0.12,
    handoffReasons: { explicit_request: 10, repeat_failure: 2 },
    runs: [],
  });
  const base = (): BenchDetails => ({
    overhead: {
      overheadRatio: 0.93,
      roundRatios: [0.93],
      cpuOverheadRatio: 0.9,
      addedLatencyMsP50: 1,
      addedLatencyMsP99: 2,
      bare: { requestsPerSecond: 1000, latencyP50Ms: 10, latencyP99Ms: 20, serverCpuMsPerRequest: 0.9 },
      handrail: { requestsPerSecond: 930, latencyP50Ms: 11, latencyP99Ms: 22, serverCpuMsPerRequest: 1 },
      runs: [],
      connections: 10,
      durationSeconds: 2,
      sampleCheck: { questions: 8, handoffs: 0, textDeltas: 296 },
    },
    firstToken: { chunkDelayMs: 2, rows: [], addedStreamingMsP50: 0, addedHoldingMsP50: 0, holdingAloneMsP50: 0 },
    guard: { p50Ms: 0.2, p99Ms: 0.4, scopeUtterances: 2400, buildMs: 300, rows: [] },
    guardScaling: {
      points: [],
      turnsTimeRatio: 1,
      turnsVersusLinear: 0.2,
      turnsGrowthExponent: 0.1,
      outputTurnsGrowthExponent: 0.1,
      scopeTimeRatio: 1,
      scopeVersusLinear: 0.25,
      scopeGrowthExponent: 0.1,
      atMostLinear: true,
    },
    evalSpeed: {
      dataset: 'all_dev.jsonl',
      cases: 1,
      scopeUtterances: 2400,
      casesPerSecond: 1,
      passes: [1],
      guardBuildMs: 1,
      escalated: 0,
      errors: 0,
    },
    memory: { conversations: 1, withHandoff: 0, bytesPerConversation: 1, serializedBytesPerConversation: 1 },
    workerBundle: { gzipBytes: 500_000, rawBytes: 2_000_000, buildMs: 1 },
    realisticOverhead: {
      users: 10,
      turnsPerConversation: 10,
      handoffEvery: 10,
      storedBefore: 10_000,
      conversationAuth: 'token',
      durationSeconds: 2,
      shapes: [shape('realistic-hold', true, 0.87), shape('realistic-stream', false, 0.9)],
    },
    guardTurns: {
      conversations: 6,
      points: [1, 10, 50, 200, 1000].map((turns) => ({ turns, samples: 60, p50Ms: 0.2, p99Ms: 0.5 })),
      growthExponent: 0.02,
    },
    longMessage: {
      characters: 8000,
      conversations: 20,
      longMessageP50Ms: 3,
      longMessageMaxMs: 9,
      laterTurns: 200,
      laterTurnP50Ms: 0.3,
      laterTurnP99Ms: 1.2,
    },
    adversarial: {
      patterns: 160,
      texts: 230,
      worst: { pattern: 'guardPatterns[3]: /x/', text: 'bye bye ... card', ms: 1.5 },
      patternsOver5Ms: 0,
      slowest: [],
      guardWorst: { text: 'CJK', ms: 4 },
    },
    scopeIndex: {
      utterances: 100_000,
      fileBytes: 53 * 2 ** 20,
      buildMs: 14_000,
      buildPeakRssBytes: 800 * 2 ** 20,
      loadMs: 170,
      loadedAddedMemoryBytes: 62 * 2 ** 20,
      loadedTotalMemoryBytes: 110 * 2 ** 20,
      loadedRssBytes: 220 * 2 ** 20,
      bundledAddedMemoryBytes: 60 * 2 ** 20,
      bundledTotalMemoryBytes: 100 * 2 ** 20,
      workerApp: { loadMs: 400, conversations: 200, turns: 750, handoffs: 40, totalMemoryBytes: 120 * 2 ** 20 },
      checkP50Ms: 1,
      checkP99Ms: 3,
      inMemory: null,
      agreement: [
        {
          scope: 'clinc150',
          utterances: 2400,
          queries: 2000,
          decisionAgreement: 1,
          outOfScopeQueries: 500,
          maxSimilarityDifference: 3e-6,
        },
      ],
    },
  });

  it('reports the realistic ratios, growth on new texts, adversarial texts and the scope index, with goals', () => {
    const report = buildReport(base(), context);
    expect(report.realisticOverheadRatio).toEqual({ hold: 0.87, stream: 0.9 });
    expect(report.guardTurns).toEqual({ growthExponent: 0.02, longestTurns: 1000, p99Ms: 0.5 });
    expect(report.adversarialWorstMs).toBe(1.5);
    expect(report.longMessageP99Ms).toBe(1.2);
    expect(report.scopeIndex).toEqual({
      utterances: 100_000,
      loadMs: 170,
      addedMemoryBytes: 62 * 2 ** 20,
      totalMemoryBytes: 110 * 2 ** 20,
      bundledTotalMemoryBytes: 100 * 2 ** 20,
      workerAppTotalMemoryBytes: 120 * 2 ** 20,
    });
    for (const goal of [
      'realisticOverheadRatio',
      'guardTurnsGrowthNewTexts',
      'adversarialWorstMs',
      'longMessageP99Ms',
      'scopeIndex',
    ]) {
      expect(report.goals[goal]?.met, goal).toBe(true);
    }
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('fails each new goal on a figure past its target', () => {
    const details = base();
    details.realisticOverhead!.shapes[1] = shape('realistic-stream', false, 0.84);
    details.guardTurns!.points[4] = { turns: 1000, samples: 60, p50Ms: 2, p99Ms: 3 };
    details.guardTurns!.growthExponent = 0.5;
    details.adversarial!.worst = { pattern: 'p', text: 't', ms: 5 };
    details.longMessage!.laterTurnP99Ms = 2;
    details.scopeIndex!.workerApp!.totalMemoryBytes = 130 * 2 ** 20;
    const report = buildReport(details, context);
    for (const goal of [
      'realisticOverheadRatio',
      'guardTurnsGrowthNewTexts',
      'adversarialWorstMs',
      'longMessageP99Ms',
      'scopeIndex',
    ]) {
      expect(report.goals[goal]?.met, goal).toBe(false);
    }
  });

  it('judges the scope index of an earlier report, without the Worker app, by its bundled guard', () => {
    const details = base();
    const { workerApp: _app, ...earlier } = details.scopeIndex!;
    const fits = buildReport({ ...details, scopeIndex: earlier }, context);
    expect(fits.scopeIndex?.workerAppTotalMemoryBytes).toBeNull();
    expect(fits.goals.scopeIndex?.met).toBe(true);
    const tooLarge = buildReport(
      { ...details, scopeIndex: { ...earlier, bundledTotalMemoryBytes: 130 * 2 ** 20 } },
      context,
    );
    expect(tooLarge.goals.scopeIndex?.met).toBe(false);
  });

  it('leaves the new goals open for a report without the sections, or a run too short to judge them', () => {
    const {
      realisticOverhead: _realistic,
      guardTurns: _turns,
      longMessage: _long,
      adversarial: _adversarial,
      scopeIndex: _scope,
      ...earlier
    } = base();
    const report = buildReport(earlier, context);
    expect(report.realisticOverheadRatio).toEqual({ hold: null, stream: null });
    expect(report.scopeIndex).toBeNull();
    for (const goal of ['realisticOverheadRatio', 'guardTurnsGrowthNewTexts', 'adversarialWorstMs', 'scopeIndex']) {
      expect(report.goals[goal]?.met, goal).toBeNull();
    }
    const quick = base();
    quick.guardTurns!.points.pop();
    quick.scopeIndex!.utterances = 20_000;
    const quickReport = buildReport(quick, { ...context, mode: 'quick' });
    expect(quickReport.goals.guardTurnsGrowthNewTexts?.met).toBeNull();
    expect(quickReport.goals.scopeIndex?.met).toBeNull();
  });

  it('prints a row per shape, turn length and new section, aligned with the rest', () => {
    const rows = reportRows(buildReport(base(), context));
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
    const table = formatTable(rows);
    expect(table).toContain('Turns/s, realistic-hold (token auth, 10 turns)');
    expect(table).toContain('ratio 0.90 (goal >= 0.85)');
    expect(table).toContain('handoffs 12%');
    expect(table).toContain('Guard per turn, new texts, 1000 turns (ms p50 / p99)');
    expect(table).toContain('Turn after a 8,000-character message');
    expect(table).toContain('on "bye bye ... card"');
    expect(table).toContain('Scope index, 100,000 utterances: load (ms)');
    expect(table).toContain('clinc150 100.00%');
  });
});

describe('bench inputs for the realistic shapes', () => {
  it('makes new questions from groups, never the same text twice, and long messages of the asked size', () => {
    const generator = newQuestions([['what is my balance'], ['order new checks', 'what is my routing number']], 5);
    const texts = Array.from({ length: 300 }, (_, index) => generator.next(index % 2));
    expect(new Set(texts).size).toBe(300);
    expect(texts[1]).toMatch(/order new checks|what is my routing number/);
    expect(() => newQuestions([[]])).toThrow(/at least one utterance/);
    const long = longMessage(1, 8000);
    expect(long).toHaveLength(8000);
    expect(long).not.toBe(longMessage(2, 8000));
    expect(long).toMatch(/\p{Script=Han}/u);
  });

  it('generates the same synthetic scope for the same seed, and queries that are not scope utterances', () => {
    expect(syntheticScope(50, 3)).toEqual(syntheticScope(50, 3));
    expect(syntheticScope(50, 3)).not.toEqual(syntheticScope(50, 4));
    const scope = new Set(syntheticScope(2000));
    expect(syntheticQueries(200).filter((query) => scope.has(query))).toEqual([]);
  });

  it('reads --long, and keeps --quick short', () => {
    expect(parseBenchArgs(['--long']).long).toBe(true);
    expect(parseBenchArgs([]).long).toBe(false);
    expect(parseBenchArgs(['--quick', '--long']).long).toBe(false);
    expect(parseBenchArgs(['--quick']).scopeIndex.utterances).toBeLessThan(parseBenchArgs([]).scopeIndex.utterances);
    expect(parseBenchArgs([]).guardTurns.lengths).toEqual([1, 10, 50, 200, 1000]);
  });
});

describe('overhead rounds', () => {
  const run = (kind: 'bare' | 'handrail', round: number, requestsPerSecond: number) => ({
    kind,
    round,
    requestsPerSecond,
    latencyP50Ms: 1,
    latencyP99Ms: 2,
    serverCpuMsPerRequest: 1,
    requests: 100,
    non2xx: 0,
    errors: 0,
  });

  it('pairs each bare run with the Handrail run of the same round', () => {
    const runs = [
      run('bare', 1, 100),
      run('handrail', 1, 80),
      run('bare', 2, 50),
      run('handrail', 2, 45),
      run('bare', 3, 10),
    ];
    expect(pairRatios(runs)).toEqual([0.8, 0.9]);
    expect(pairRatios([run('bare', 1, 0), run('handrail', 1, 5)])).toEqual([]);
  });
});
