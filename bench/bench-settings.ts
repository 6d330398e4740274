import { parseArgs } from 'node:util';

/** How long and how often each section measures. */
export interface BenchSettings {
  mode: 'full' | 'quick';
  /** Write the JSON report here; `-` for standard output. */
  jsonFile: string | null;
  overhead: { rounds: number; durationSeconds: number; warmupSeconds: number; connections: number };
  firstToken: { samples: number; chunkDelayMs: number };
  guard: { iterations: number; rounds: number };
  guardScaling: { batches: number };
  evalSpeed: { passes: number };
  memory: { conversations: number };
  storeScale: { sizes: [number, number]; samples: number };
  /** `--long`: longer realistic runs, more growing conversations, the large scope also built in memory. */
  long: boolean;
  realistic: {
    rounds: number;
    durationSeconds: number;
    users: number;
    turns: number;
    handoffEvery: number;
    stored: number;
  };
  guardTurns: { lengths: number[]; conversations: number };
  longMessage: { conversations: number };
  scopeIndex: { utterances: number; agreementUtterances: number; queries: number };
}

/**
 * Settings from the command line: `--quick` for a short run (about a fifth of the time), `--long`
 * for longer realistic runs and the 100,000-utterance scope also indexed in memory,
 * `--json <file>` for the machine-readable report (`--json` alone: on standard output). Throws on an unknown option.
 */
export function parseBenchArgs(args: readonly string[]): BenchSettings {
  // `--json` without a file name (last, or before another option) prints the report to stdout.
  const jsonAt = args.indexOf('--json');
  const toStdout = jsonAt >= 0 && (jsonAt === args.length - 1 || args[jsonAt + 1]!.startsWith('--'));
  const { values } = parseArgs({
    args: toStdout ? [...args.slice(0, jsonAt), '--json', '-', ...args.slice(jsonAt + 1)] : [...args],
    options: {
      json: { type: 'string' },
      quick: { type: 'boolean', default: false },
      long: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const quick = values.quick === true;
  const long = values.long === true && !quick;
  return {
    mode: quick ? 'quick' : 'full',
    jsonFile: values.json ?? null,
    overhead: quick
      ? { rounds: 3, durationSeconds: 1, warmupSeconds: 1, connections: 10 }
      : { rounds: 8, durationSeconds: 2, warmupSeconds: 2, connections: 10 },
    firstToken: { samples: quick ? 10 : 30, chunkDelayMs: 2 },
    guard: quick ? { iterations: 300, rounds: 3 } : { iterations: 1000, rounds: 5 },
    guardScaling: { batches: quick ? 3 : 7 },
    evalSpeed: { passes: quick ? 2 : 5 },
    memory: { conversations: 10_000 },
    storeScale: { sizes: quick ? [1_000, 20_000] : [1_000, 100_000], samples: quick ? 30 : 100 },
    long,
    realistic: {
      rounds: quick ? 2 : long ? 9 : 7,
      durationSeconds: quick ? 1 : long ? 3 : 2,
      users: 10,
      turns: 10,
      handoffEvery: 10,
      stored: 10_000,
    },
    guardTurns: {
      lengths: quick ? [1, 10, 50, 200] : [1, 10, 50, 200, 1000],
      conversations: long ? 40 : quick ? 4 : 20,
    },
    longMessage: { conversations: quick ? 10 : 20 },
    scopeIndex: {
      utterances: quick ? 20_000 : 100_000,
      agreementUtterances: quick ? 5_000 : 10_000,
      queries: quick ? 500 : 2_000,
    },
  };
}
