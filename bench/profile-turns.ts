/**
 * A small in-process driver for profiling Handrail's per-turn path, without sockets or a load
 * client: it replays the overhead benchmark's cheap shape (one-turn conversations,
 * `conversationAuth: 'none'`) and its realistic shape (token auth, 10-turn conversations with the
 * whole history in each request, one in ten handed off, a store already holding 10,000
 * conversations, every question new) against `app.fetch`, and prints the CPU time per request of
 * each app beside the bare `streamText` route's.
 *
 *   npm exec -- tsx bench/profile-turns.ts [cheap|realistic|both] [seconds]
 *   PROFILE=/tmp/prof npm exec -- tsx bench/profile-turns.ts realistic 10
 *   npm exec -- tsx bench/cpu-profile-top.ts /tmp/prof/handrail-hold.cpuprofile
 *
 * `HANDRAIL_ONLY=1` skips the bare route (a profile of Handrail alone); `PROFILE=<dir>` writes a
 * `.cpuprofile` of each measured Handrail run only, after its warm-up (`handrail-cheap`,
 * `handrail-hold`, `handrail-stream`; `PROFILE_BARE=1` the bare runs too; `PROFILE_HEAP=1` a sampled
 * `.heapprofile` of every allocation instead, collected ones included, for Chrome DevTools' Memory
 * tab: where the garbage collector's work comes from); `SHAPE_HOLD=true|false`
 * runs one realistic shape only; `CONCURRENCY=<n>` sets the calls in flight (default 1: in one
 * process, concurrent web streams cost far more than they do behind a socket); `EVALDATA=<dir>`
 * where `clinc150_scope.jsonl` is.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import type { Hono } from 'hono';
import { createGuard } from '../src/guard/index.js';
import { createBareApp, createHandrailApp } from './bench-apps.js';
import { createBenchModel } from './bench-model.js';
import { newQuestions, questionGroups } from './new-texts.js';
import { benchQuestions, chatBody } from './overhead.js';
import { readSse } from './read-sse.js';
import { filledStore } from './realistic-overhead.js';

const [shapeArg = 'both', secondsArg = '5'] = process.argv.slice(2);
const seconds = Number(secondsArg);
const handrailOnly = process.env.HANDRAIL_ONLY === '1';
const evaldata = process.env.EVALDATA ?? resolve(import.meta.dirname, '../../shared/evaldata');
const scopeLines = readFileSync(resolve(evaldata, 'clinc150_scope.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { text: string; intent: string });
const scope = scopeLines.map((line) => line.text);

const profileDir = process.env.PROFILE;
if (profileDir) mkdirSync(profileDir, { recursive: true });
const session = profileDir ? new Session() : undefined;
session?.connect();

/** `work` under the CPU profiler when `PROFILE` is set, the profile written as `<dir>/<label>.cpuprofile`. */
async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  if (!session || (!label.startsWith('handrail') && process.env.PROFILE_BARE !== '1')) return await work();
  if (process.env.PROFILE_HEAP === '1') {
    // Every allocation sampled, kept or collected: where the garbage collector's work comes from.
    await session.post('HeapProfiler.enable');
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    const result = await work();
    const { profile } = await session.post('HeapProfiler.stopSampling');
    writeFileSync(resolve(profileDir!, `${label}.heapprofile`), JSON.stringify(profile));
    return result;
  }
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const result = await work();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(resolve(profileDir!, `${label}.cpuprofile`), JSON.stringify(profile));
  return result;
}

/** Numbers the calls across runs, so no conversation id is used twice. */
let counter = 0;

/** CPU milliseconds per call of `work` over `seconds`, with `concurrency` calls in flight. */
async function cpuPerCall(
  work: (index: number) => Promise<number>,
  concurrency = Number(process.env.CONCURRENCY ?? 1),
) {
  const deadline = performance.now() + seconds * 1000;
  const before = process.cpuUsage();
  let calls = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) calls += await work(counter++);
    }),
  );
  const cpu = process.cpuUsage(before);
  return { calls, cpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, calls) };
}

async function cheap(app: Hono, label: string) {
  const one = async (index: number) => {
    const response = await app.fetch(
      new Request('http://bench/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chatBody(benchQuestions[index % benchQuestions.length]!, `${label}-${index}`),
      }),
    );
    await response.text();
    return 1;
  };
  await cpuPerCall(one); // warm-up
  const result = await profiled(`${label}-cheap`, () => cpuPerCall(one));
  console.log(`cheap ${label}: ${result.calls} requests, ${result.cpuMs.toFixed(3)} ms CPU each`);
  return result.cpuMs;
}

type UiMessage = { id: string; role: 'user' | 'assistant'; parts: { type: 'text'; text: string }[] };

async function realistic(app: Hono, label: string, groups: string[][]) {
  const questions = newQuestions(groups, label.length);
  let handoffs = 0;
  const conversationOf = async (number: number) => {
    const id = `${label}-${number}`;
    const messages: UiMessage[] = [];
    let token: string | null = null;
    let turns = 0;
    const handoff = number % 10 === 0;
    for (let turn = 0; turn < 10; turn++) {
      const asks = handoff && turn === 5;
      messages.push({
        id: `${id}-u${turn}`,
        role: 'user',
        parts: [{ type: 'text', text: asks ? 'I want to talk to a real person' : questions.next(turn + number) }],
      });
      const response = await app.fetch(
        new Request('http://bench/api/chat', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { 'x-handrail-conversation-token': token } : {}) },
          body: JSON.stringify({ id, messages }),
        }),
      );
      token ??= response.headers.get('x-handrail-conversation-token');
      if (response.status !== 200) throw new Error(`${response.status}: ${await response.text()}`);
      const events = (await readSse(response)) as { type?: string; delta?: string }[];
      turns++;
      const text = events
        .filter((event) => event.type === 'text-delta')
        .map((event) => event.delta ?? '')
        .join('');
      messages.push({ id: `${id}-a${turn}`, role: 'assistant', parts: [{ type: 'text', text }] });
      if (events.some((event) => event.type === 'data-handoff')) {
        handoffs++;
        break;
      }
    }
    return turns;
  };
  await cpuPerCall(conversationOf); // warm-up
  const result = await profiled(label, () => cpuPerCall(conversationOf));
  console.log(
    `realistic ${label}: ${result.calls} turns, ${result.cpuMs.toFixed(3)} ms CPU each, ${handoffs} handoffs`,
  );
  return result.cpuMs;
}

const model = createBenchModel();
const bare = createBareApp(model);
if (shapeArg === 'cheap' || shapeArg === 'both') {
  const handrail = await cheap(createHandrailApp({ model, scope }), 'handrail');
  if (!handrailOnly) {
    const base = await cheap(bare, 'bare');
    console.log(`cheap CPU ratio ${(base / handrail).toFixed(2)}`);
  }
}
if (shapeArg === 'realistic' || shapeArg === 'both') {
  const groups = questionGroups(createGuard({ scope: { utterances: scope } }), scopeLines);
  const numbered = createBenchModel({ numberAnswers: true });
  for (const holdOutput of [true, false]) {
    if (process.env.SHAPE_HOLD && String(holdOutput) !== process.env.SHAPE_HOLD) continue;
    const store = await filledStore(10_000);
    const app = createHandrailApp({ model: numbered, scope, holdOutput, conversationAuth: 'token', store });
    const handrail = await realistic(app, `handrail-${holdOutput ? 'hold' : 'stream'}`, groups);
    if (!handrailOnly) {
      const base = await realistic(createBareApp(numbered), `bare-${holdOutput ? 'hold' : 'stream'}`, groups);
      console.log(`realistic ${holdOutput ? 'hold' : 'stream'} CPU ratio ${(base / handrail).toFixed(2)}`);
    }
  }
}
