/**
 * Guard latency benchmark: times `guard.check` per turn (input phase on the latest user message,
 * output phase on the latest answer) on 1-, 20- and 100-turn transcripts with the 2,400-utterance
 * CLINC150 banking scope from ../shared/evaldata. Target: p99 < 1 ms on 20 turns.
 *
 * Run: npx tsx bench/guard.ts
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGuard } from '../src/guard/index.js';
import type { Transcript, TranscriptTurn } from '../src/guard/types.js';

/** Latency of one configuration, in milliseconds. */
export interface GuardBenchRow {
  turns: number;
  phase: 'input' | 'output';
  iterations: number;
  p50Ms: number;
  /** p99 of the least disturbed round (the machine may be shared; other processes add tail noise). */
  p99Ms: number;
  /** p99 over every timed call of every round. */
  p99AllRoundsMs: number;
  maxMs: number;
}

/** Result of {@link benchGuard}: the 20-turn input figures at top level, every row in `rows`. */
export interface GuardBenchResult {
  p50Ms: number;
  p99Ms: number;
  scopeUtterances: number;
  buildMs: number;
  rows: GuardBenchRow[];
}

const userMessages = [
  'what is the balance on my checking account',
  'can you move 200 dollars from savings to checking',
  'when is my credit card payment due this month',
  'that is not what I asked, I want the due date',
  'why is my interest rate so high, this is getting annoying',
  'how do I order new checks for my account',
  'what is the best dog food for a puppy',
  'I think there is a payment on my card I do not recognise',
  'thanks, and what about my rewards points?',
  'I want to talk to a real person please',
];
const botMessages = [
  'Your checking balance is $1,240.50.',
  'Done: $200 moved from savings to checking.',
  "I'm not sure about that, let me check.",
  'Your payment is due on the 15th.',
  'Your APR is 19.9%.',
];

function transcriptOf(turns: number, variant: number): Transcript {
  const transcript: TranscriptTurn[] = [];
  for (let index = 0; index < turns; index++) {
    const role = index % 2 === turns % 2 ? 'assistant' : 'user';
    const pool = role === 'user' ? userMessages : botMessages;
    transcript.push({ role, content: pool[(index + variant) % pool.length]!, confidence: 0.8 });
  }
  // The judged turn is the last one: a user turn for the input phase.
  if (transcript[transcript.length - 1]!.role !== 'user') transcript.reverse();
  return transcript;
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Runs the benchmark and returns latency percentiles in milliseconds. */
export async function benchGuard(
  options: { iterations?: number; rounds?: number; evaldata?: string } = {},
): Promise<GuardBenchResult> {
  const iterations = options.iterations ?? 2000;
  const rounds = options.rounds ?? 5;
  const folder = options.evaldata ?? resolve(process.cwd(), '../shared/evaldata');
  const scope = readFileSync(resolve(folder, 'clinc150_scope.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const started = performance.now();
  const guard = createGuard({ scope: { utterances: scope } });
  const buildMs = performance.now() - started;
  const rows: GuardBenchRow[] = [];
  for (const turns of [1, 20, 100]) {
    for (const phase of ['input', 'output'] as const) {
      const variants = Array.from({ length: userMessages.length }, (_, variant) => {
        const transcript = transcriptOf(turns, variant);
        return phase === 'output'
          ? [...transcript, { role: 'assistant' as const, content: botMessages[variant % botMessages.length]! }]
          : transcript;
      });
      // Warm-up so the JIT and caches settle.
      for (let index = 0; index < 200; index++) guard.check(variants[index % variants.length]!, phase);
      const all: number[] = [];
      const roundP99: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const times: number[] = [];
        for (let index = 0; index < iterations; index++) {
          const transcript = variants[index % variants.length]!;
          const start = performance.now();
          guard.check(transcript, phase);
          times.push(performance.now() - start);
        }
        all.push(...times);
        times.sort((a, b) => a - b);
        roundP99.push(percentile(times, 0.99));
      }
      all.sort((a, b) => a - b);
      rows.push({
        turns,
        phase,
        iterations: iterations * rounds,
        p50Ms: percentile(all, 0.5),
        p99Ms: Math.min(...roundP99),
        p99AllRoundsMs: percentile(all, 0.99),
        maxMs: all[all.length - 1]!,
      });
    }
  }
  const headline = rows.find((row) => row.turns === 20 && row.phase === 'input')!;
  return { p50Ms: headline.p50Ms, p99Ms: headline.p99Ms, scopeUtterances: scope.length, buildMs, rows };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchGuard();
  console.log(`guard built over ${result.scopeUtterances} scope utterances in ${result.buildMs.toFixed(1)} ms`);
  console.table(
    result.rows.map((row) => ({
      turns: row.turns,
      phase: row.phase,
      iterations: row.iterations,
      'p50 ms': Number(row.p50Ms.toFixed(4)),
      'p99 ms (best round)': Number(row.p99Ms.toFixed(4)),
      'p99 ms (all rounds)': Number(row.p99AllRoundsMs.toFixed(4)),
      'max ms': Number(row.maxMs.toFixed(3)),
    })),
  );
  console.log(`20-turn input p99: ${result.p99Ms.toFixed(4)} ms (best of 5 rounds; target < 1 ms)`);
  console.log(
    `load average: ${(await import('node:os'))
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
}
