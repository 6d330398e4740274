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
}

/**
 * Settings from the command line: `--quick` for a short run (about a fifth of the time),
 * `--json <file>` for the machine-readable report (`--json` alone: on standard output). Throws on an unknown option.
 */
export function parseBenchArgs(args: readonly string[]): BenchSettings {
  // `--json` without a file name (last, or before another option) prints the report to stdout.
  const jsonAt = args.indexOf('--json');
  const toStdout = jsonAt >= 0 && (jsonAt === args.length - 1 || args[jsonAt + 1]!.startsWith('--'));
  const { values } = parseArgs({
    args: toStdout ? [...args.slice(0, jsonAt), '--json', '-', ...args.slice(jsonAt + 1)] : [...args],
    options: { json: { type: 'string' }, quick: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const quick = values.quick === true;
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
  };
}
