/**
 * Child process of the scope-index benchmark (run with `node --expose-gc --import tsx`), so each
 * measurement has a process of its own and its memory figures are not another section's:
 *
 *   scope-index-child.ts build <utterances> <out.bin>   build a synthetic scope's index file
 *   scope-index-child.ts load <file.bin> <queries>      load it into a guard and time checks
 *   scope-index-child.ts memory <utterances>            build the same scope in memory (for comparison)
 *
 * Prints one JSON line.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createGuard } from '../src/guard/index.js';
import { buildScopeIndex } from '../src/guard/scope-index/encode-scope-index.js';
import { loadScopeIndex } from '../src/guard/scope-index/load-scope-index.js';
import { settledMemory } from './settled-memory.js';
import { percentile } from './stats.js';
import { syntheticQueries, syntheticScope } from './synthetic-scope.js';

if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with node --expose-gc');

const [command, argument, extra] = process.argv.slice(2);
const print = (value: object) => process.stdout.write(`${JSON.stringify(value)}\n`);

if (command === 'build') {
  const utterances = syntheticScope(Number(argument));
  const started = performance.now();
  const bytes = buildScopeIndex(utterances);
  const buildMs = performance.now() - started;
  writeFileSync(extra!, bytes);
  print({ buildMs, fileBytes: bytes.byteLength, peakRssBytes: process.resourceUsage().maxRSS * 1024 });
} else if (command === 'load') {
  // The guard without a scope first: what the index adds is measured beside it.
  createGuard().check([{ role: 'user', content: 'warm up' }], 'input');
  const before = settledMemory();
  const bytes = readFileSync(argument!);
  const started = performance.now();
  const guard = createGuard({ scope: loadScopeIndex(bytes) });
  const loadMs = performance.now() - started;
  const after = settledMemory();
  const times: number[] = [];
  // Every text new: no cache can answer.
  for (const text of syntheticQueries(Number(extra ?? 500), 99)) {
    const checkStarted = performance.now();
    guard.check([{ role: 'user', content: text }], 'input');
    times.push(performance.now() - checkStarted);
  }
  // Messages with an emoji and CJK too, untimed: V8 compiles a second form of a pattern for text
  // held two bytes per character, so the whole process is measured as it is once both arrived.
  for (const text of syntheticQueries(20, 7)) {
    guard.check([{ role: 'user', content: `${text} 🙂 退款` }], 'input');
  }
  print({
    loadMs,
    addedMemoryBytes: after - before,
    totalMemoryBytes: settledMemory(),
    rssBytes: process.memoryUsage().rss,
    checkP50Ms: percentile(times, 0.5),
    checkP99Ms: percentile(times, 0.99),
  });
} else if (command === 'memory') {
  const utterances = syntheticScope(Number(argument));
  const before = settledMemory();
  const started = performance.now();
  const guard = createGuard({ scope: { utterances } });
  const buildMs = performance.now() - started;
  guard.check([{ role: 'user', content: 'where is my parcel' }], 'input');
  print({
    buildMs,
    addedMemoryBytes: settledMemory() - before,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  });
} else {
  throw new Error(`unknown command ${command}`);
}
