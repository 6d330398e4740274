/**
 * Builds a compact scope index offline, for the guard's out-of-scope detector to load instead of
 * indexing its scope at startup (seconds and about a gigabyte at 100,000 utterances; loading the
 * file takes a fraction of a second and a few bytes per indexed feature).
 *
 * Usage: npm exec -- tsx scripts/build-scope-index.ts <in.jsonl|in.txt> <out.bin>
 *
 * Input: a scope file, one `{ "text": "...", "intent": "..." }` object per line (the eval scope
 * format), or plain text with one utterance per line (`.txt`). Output: the binary scope index
 * (see src/guard/scope-index/scope-index-format.ts). Use it with:
 *
 *   createGuard({ scope: loadScopeIndex(readFileSync('out.bin')) })
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildScopeIndex } from '../src/guard/scope-index/encode-scope-index.js';
import { loadScopeIndex } from '../src/guard/scope-index/load-scope-index.js';

/** The utterances of a scope file: JSONL objects with `text`, or plain lines for `.txt`. */
function readScopeUtterances(file: string, content: string): string[] {
  const lines = content.split('\n').filter((line) => line.trim().length > 0);
  if (file.endsWith('.txt')) return lines.map((line) => line.trim());
  return lines.map((line, number) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${number + 1}: not JSON (use .txt for one utterance per line)`);
    }
    const text = (parsed as { text?: unknown } | null)?.text;
    if (typeof text !== 'string') throw new Error(`${file}:${number + 1}: no "text" string`);
    return text;
  });
}

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: npm exec -- tsx scripts/build-scope-index.ts <in.jsonl|in.txt> <out.bin>');
  process.exit(2);
}
const utterances = readScopeUtterances(input, readFileSync(input, 'utf8'));
const started = performance.now();
const bytes = buildScopeIndex(utterances);
const builtMs = performance.now() - started;
writeFileSync(output, bytes);
const loadStarted = performance.now();
const loaded = loadScopeIndex(bytes);
const loadMs = performance.now() - loadStarted;
console.log(
  `${output}: ${loaded.index.size.toLocaleString('en-US')} utterances, ${(bytes.byteLength / 2 ** 20).toFixed(1)} MiB, ` +
    `built in ${(builtMs / 1000).toFixed(1)} s, loads in ${loadMs.toFixed(0)} ms; ` +
    `threshold ${loaded.threshold.toFixed(3)}, languages ${[...loaded.languages].join(', ')}`,
);
