/**
 * A quick in-process check of Handrail's CPU cost per chat turn: `app.request('/api/chat')`
 * in batches, bare and Handrail alternated, `process.cpuUsage()` around each batch, medians.
 * Not part of `npm run bench`; run it while working on the overhead:
 *
 *   npx tsx bench/cpu-loop.ts [requestsPerBatch=2000] [rounds=5]
 *
 * `NO_SCOPE=1` leaves the out-of-scope detector off, to see its share.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Hono } from 'hono';
import { createBareApp, createHandrailApp } from './bench-apps.js';
import { createBenchModel } from './bench-model.js';
import { benchQuestions } from './overhead.js';
import { median } from './stats.js';

const requests = Number(process.argv[2] ?? 2000);
const rounds = Number(process.argv[3] ?? 5);
const scope = readFileSync(resolve(import.meta.dirname, '../../shared/evaldata/clinc150_scope.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { text: string }).text);

const bare = createBareApp(createBenchModel());
let counter = 0;

async function batch(app: Hono, count: number): Promise<number> {
  const started = process.cpuUsage();
  for (let index = 0; index < count; index++) {
    counter++;
    const question = benchQuestions[counter % benchQuestions.length]!;
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '127.0.0.1' },
      body: JSON.stringify({
        id: `conversation-${counter}`,
        messages: [{ id: `m${counter}`, role: 'user', parts: [{ type: 'text', text: question }] }],
      }),
    });
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    await response.text();
  }
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / count;
}

// A fresh Handrail app (and store) per batch, as the load test does per run.
const handrailApp = () => createHandrailApp({ model: createBenchModel(), ...(process.env.NO_SCOPE ? {} : { scope }) });
await batch(bare, 500);
await batch(handrailApp(), 500);
const bareMs: number[] = [];
const handrailMs: number[] = [];
for (let round = 0; round < rounds; round++) {
  bareMs.push(await batch(bare, requests));
  // Built before the batch's clock starts, as the benchmark builds each run's engine before its load.
  const handrail = handrailApp();
  handrailMs.push(await batch(handrail, requests));
}
const bareMedian = median(bareMs);
const handrailMedian = median(handrailMs);
console.log(
  JSON.stringify({
    bareMsPerRequest: Number(bareMedian.toFixed(4)),
    handrailMsPerRequest: Number(handrailMedian.toFixed(4)),
    addedMs: Number((handrailMedian - bareMedian).toFixed(4)),
    cpuRatio: Number((bareMedian / handrailMedian).toFixed(3)),
    bare: bareMs.map((value) => Number(value.toFixed(3))),
    handrail: handrailMs.map((value) => Number(value.toFixed(3))),
  }),
);
