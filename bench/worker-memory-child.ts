/**
 * Child process of the scope-index benchmark, bundled and run with `node --expose-gc` (as a Worker
 * runs one bundle): the memory of the whole app a Worker's isolate holds with a large scope.
 *
 *   worker-memory-child.mjs <file.bin> <conversations>
 *
 * Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { demoHandrailOptions } from '../src/demo/demo-options.js';
import { loadScopeIndex } from '../src/guard/scope-index/load-scope-index.js';
import { handrail } from '../src/handrail.js';
import { createMemoryStore } from '../src/store/memory-store.js';
import { createBenchModel } from './bench-model.js';
import { readSse } from './read-sse.js';
import { settledMemory } from './settled-memory.js';
import { syntheticScope } from './synthetic-scope.js';

if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with node --expose-gc');

/**
 * What a Worker's isolate holds: the app `src/worker.ts` builds (Handrail at `/api` with the
 * demo's options, the loaded scope in the guard; the benchmark's confident model, as the offline
 * model would hand these questions off at once), after `conversations`
 * conversations of four turns (one in ten asks for a person) have run through `app.fetch`. The
 * memory store stands in for the Durable Object client and keeps the conversations, which a
 * Worker's isolate would not: the figure is an upper bound.
 */
async function workerApp(file: string, conversations: number) {
  const demo = demoHandrailOptions({});
  const unlimited = { limit: 1_000_000, windowMs: 60_000 };
  const started = performance.now();
  const scope = loadScopeIndex(readFileSync(file));
  const app = new Hono();
  app.route(
    '/api',
    handrail({
      ...demo,
      model: createBenchModel({ numberAnswers: true }),
      store: createMemoryStore(),
      guard: { ...demo.guard, scope },
      // Every conversation comes from one address here: limits it cannot reach, the limiters still running.
      rateLimit: { perConversation: unlimited, perIp: unlimited },
    }),
  );
  const loadMs = performance.now() - started;
  // In-scope questions (the scope's own kind), so conversations go on past their first turn.
  const questions = syntheticScope(conversations * 4);
  let turns = 0;
  let handoffs = 0;
  for (let conversation = 0; conversation < conversations; conversation++) {
    const id = `memory-${conversation}`;
    const messages: { id: string; role: 'user' | 'assistant'; parts: { type: 'text'; text: string }[] }[] = [];
    let token: string | null = null;
    for (let turn = 0; turn < 4; turn++) {
      const text =
        conversation % 10 === 0 && turn === 2 ? 'I want to talk to a real person' : questions[conversation * 4 + turn]!;
      messages.push({ id: `${id}-u${turn}`, role: 'user', parts: [{ type: 'text', text }] });
      const response = await app.fetch(
        new Request('http://127.0.0.1/api/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { 'x-handrail-conversation-token': token } : {}) },
          body: JSON.stringify({ id, messages }),
        }),
      );
      if (response.status !== 200) throw new Error(`turn answered ${response.status}: ${await response.text()}`);
      token ??= response.headers.get('x-handrail-conversation-token');
      const events = (await readSse(response)) as { type?: string; delta?: string }[];
      turns++;
      const answer = events.map((event) => (event.type === 'text-delta' ? (event.delta ?? '') : '')).join('');
      messages.push({ id: `${id}-a${turn}`, role: 'assistant', parts: [{ type: 'text', text: answer }] });
      if (events.some((event) => event.type === 'data-handoff')) {
        handoffs++;
        break;
      }
    }
  }
  return { loadMs, conversations, turns, handoffs, totalMemoryBytes: settledMemory() };
}

const [file, conversations] = process.argv.slice(2);
if (!file) throw new Error('usage: worker-memory-child.mjs <file.bin> [conversations]');
process.stdout.write(`${JSON.stringify(await workerApp(file, Number(conversations ?? 200)))}\n`);
