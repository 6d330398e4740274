import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { seededRandom } from '../src/evals/seeded-random.js';
import { createOutOfScopeDetector } from '../src/guard/detectors/out-of-scope.js';
import { buildScopeIndex } from '../src/guard/scope-index/encode-scope-index.js';
import { loadScopeIndex } from '../src/guard/scope-index/load-scope-index.js';
import { syntheticQueries, syntheticScope } from './synthetic-scope.js';

const run = promisify(execFile);

/** How often a loaded (16-bit) index decides as the in-memory (32-bit) one on the same queries. */
export interface ScopeAgreement {
  scope: string;
  utterances: number;
  queries: number;
  /** Share of queries on which the out-of-scope detector fires (or not) the same. */
  decisionAgreement: number;
  /** Queries it fires on, in memory. */
  outOfScopeQueries: number;
  /** Largest difference of the mean similarity between the two. */
  maxSimilarityDifference: number;
}

/** Result of {@link measureScopeIndex}. */
export interface ScopeIndexResult {
  utterances: number;
  fileBytes: number;
  /** Offline build (`buildScopeIndex`): time and peak RSS of its process. */
  buildMs: number;
  buildPeakRssBytes: number;
  /** `loadScopeIndex` + `createGuard` from the file's bytes. */
  loadMs: number;
  /** Heap + array buffers the loaded index adds to a guard without scope, after GC. */
  loadedAddedMemoryBytes: number;
  /** Heap + array buffers of the whole process with the loaded guard (a Worker allows 128 MB). */
  loadedTotalMemoryBytes: number;
  loadedRssBytes: number;
  /** The same two figures with the child bundled into one module, as a Worker runs it (no tsx loader). */
  bundledAddedMemoryBytes: number;
  bundledTotalMemoryBytes: number;
  /**
   * The whole app a Worker's isolate holds, bundled (`bench/worker-memory-child.ts`): Handrail at
   * `/api` with the loaded index, after its conversations ran (absent in earlier reports).
   */
  workerApp?: WorkerAppMemory;
  /** Guard input check, one-turn, every text new, on the loaded index. */
  checkP50Ms: number;
  checkP99Ms: number;
  /** The same scope indexed at startup (`--long` only): build time, added memory, peak RSS. */
  inMemory: { buildMs: number; addedMemoryBytes: number; peakRssBytes: number } | null;
  agreement: ScopeAgreement[];
}

/** What `bench/worker-memory-child.ts` prints. */
export interface WorkerAppMemory {
  /** Loading the index and building the app, ms. */
  loadMs: number;
  conversations: number;
  turns: number;
  handoffs: number;
  /** Heap + array buffers of the whole process after the conversations, after GC. */
  totalMemoryBytes: number;
}

const childSource = resolve(import.meta.dirname, 'scope-index-child.ts');
const workerChildSource = resolve(import.meta.dirname, 'worker-memory-child.ts');

/** Runs the child: its TypeScript source under tsx, or `bundle`, a plain-JavaScript build of it. */
async function child<T>(args: string[], bundle?: string): Promise<T> {
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', ...(bundle ? [bundle] : ['--import', 'tsx', childSource]), ...args],
    { cwd: resolve(import.meta.dirname, '..'), timeout: 600_000, maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as T;
}

/**
 * The child and the guard it imports bundled into one ES module, as a Worker runs them (one
 * bundle, no TypeScript loader in the process): what the loader itself holds stays out of the
 * whole-process figure.
 */
async function bundleChild(folder: string, source = childSource, minify = false): Promise<string> {
  const outfile = join(folder, basename(source).replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    // The Worker app is measured minified with its names kept, as `wrangler.toml` builds the Worker
    // (V8 keeps a script's source for lazy compilation: an unminified bundle holds 1.6 MiB more).
    minify,
    keepNames: minify,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    // CommonJS dependencies of the AI SDK require Node built-ins; an ES module bundle needs a `require` for them.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}

/** Queries for a real scope: its utterances with one word swapped, and salads of its words. */
export function perturbedQueries(scope: readonly string[], count: number, seed = 17): string[] {
  const random = seededRandom(seed);
  const words = [...new Set(scope.flatMap((text) => text.toLowerCase().split(/\s+/)))];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, index) => {
    if (index % 3 === 2) return Array.from({ length: 2 + Math.floor(random() * 6) }, () => pick(words)).join(' ');
    const tokens = pick(scope).split(' ');
    tokens[Math.floor(random() * tokens.length)] = pick(words);
    return tokens.join(' ');
  });
}

/**
 * Decisions of the out-of-scope detector with the scope indexed in memory and loaded from a
 * scope index file, on the same queries.
 */
export function measureAgreement(name: string, scope: readonly string[], queries: readonly string[]): ScopeAgreement {
  const inMemory = createOutOfScopeDetector({ utterances: scope });
  const loaded = createOutOfScopeDetector({ prepared: loadScopeIndex(buildScopeIndex(scope)) });
  let same = 0;
  let fired = 0;
  let maxDifference = 0;
  for (const query of queries) {
    const transcript = [{ role: 'user' as const, content: query }];
    const expected = inMemory(transcript, { phase: 'input' }).length > 0;
    const actual = loaded(transcript, { phase: 'input' }).length > 0;
    if (expected === actual) same++;
    if (expected) fired++;
    maxDifference = Math.max(maxDifference, Math.abs(inMemory.similarity(query) - loaded.similarity(query)));
  }
  return {
    scope: name,
    utterances: scope.length,
    queries: queries.length,
    decisionAgreement: same / queries.length,
    outOfScopeQueries: fired,
    maxSimilarityDifference: maxDifference,
  };
}

/**
 * A synthetic scope of `utterances` (100,000 by default) built offline into a scope index file,
 * then loaded into a guard in a fresh process: file size, build and load time, memory, check
 * time. Agreement of loaded and in-memory decisions on the real CLINC150 scope and a synthetic
 * one of `agreementUtterances`. `long` also indexes the large scope in memory for comparison.
 */
export async function measureScopeIndex({
  clinc,
  utterances = 100_000,
  agreementUtterances = 20_000,
  queries = 2_000,
  long = false,
}: {
  clinc: readonly string[];
  utterances?: number;
  agreementUtterances?: number;
  queries?: number;
  long?: boolean;
}): Promise<ScopeIndexResult> {
  const folder = await mkdtemp(join(tmpdir(), 'handrail-bench-scope-'));
  try {
    const file = join(folder, 'scope.bin');
    const build = await child<{ buildMs: number; fileBytes: number; peakRssBytes: number }>([
      'build',
      String(utterances),
      file,
    ]);
    const load = await child<{
      loadMs: number;
      addedMemoryBytes: number;
      totalMemoryBytes: number;
      rssBytes: number;
      checkP50Ms: number;
      checkP99Ms: number;
    }>(['load', file, '500']);
    const bundled = await child<{ totalMemoryBytes: number; addedMemoryBytes: number }>(
      ['load', file, '500'],
      await bundleChild(folder),
    );
    const workerApp = await child<WorkerAppMemory>([file, '200'], await bundleChild(folder, workerChildSource, true));
    const inMemory = long
      ? await child<{ buildMs: number; addedMemoryBytes: number; peakRssBytes: number }>(['memory', String(utterances)])
      : null;
    const agreement = [
      measureAgreement('clinc150', clinc, perturbedQueries(clinc, queries)),
      measureAgreement('synthetic', syntheticScope(agreementUtterances), syntheticQueries(queries)),
    ];
    return {
      utterances,
      fileBytes: build.fileBytes,
      buildMs: build.buildMs,
      buildPeakRssBytes: build.peakRssBytes,
      loadMs: load.loadMs,
      loadedAddedMemoryBytes: load.addedMemoryBytes,
      loadedTotalMemoryBytes: load.totalMemoryBytes,
      loadedRssBytes: load.rssBytes,
      bundledAddedMemoryBytes: bundled.addedMemoryBytes,
      bundledTotalMemoryBytes: bundled.totalMemoryBytes,
      workerApp,
      checkP50Ms: load.checkP50Ms,
      checkP99Ms: load.checkP99Ms,
      inMemory,
      agreement,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
