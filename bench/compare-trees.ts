/**
 * Handrail's server CPU per turn in two or more work trees (say `git worktree add /tmp/base HEAD`
 * and this one), measured in one process against the same bare route: each tree's
 * `createHandrailApp` is loaded from its own path, so the trees run side by side under the same
 * load, and the runs alternate (bare, tree 1, tree 2, ... then the reverse order), one request at
 * a time through `app.fetch`. On shared, busy cores this says more about a change than two
 * benchmark runs minutes apart.
 *
 *   ROOTS=/tmp/base,/work/main npm exec -- tsx bench/compare-trees.ts cheap|hold|stream [rounds] [ms per run]
 *
 * `cheap`: one-turn conversations, `conversationAuth: 'none'` (the overhead benchmark's shape);
 * `hold` / `stream`: the realistic shape (token auth, 10-turn conversations with the whole
 * history in each request, one in ten asks for a person half-way, a store already holding 10,000
 * conversations, every question new), held or streamed output. Prints each side's median CPU
 * milliseconds per turn, every run's, and bare / tree as the CPU ratio. Each tree needs
 * `node_modules` (a symlink to this one's will do).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Hono } from 'hono';
import { createGuard } from '../src/guard/index.js';
import type * as BenchApps from './bench-apps.js';
import { createBareApp } from './bench-apps.js';
import { createBenchModel } from './bench-model.js';
import { newQuestions, questionGroups } from './new-texts.js';
import { benchQuestions, chatBody } from './overhead.js';
import { readSse } from './read-sse.js';
import type * as Realistic from './realistic-overhead.js';
import { median } from './stats.js';

const [shape = 'cheap', roundsArg = '5', msArg = '3000'] = process.argv.slice(2);
if (!['cheap', 'hold', 'stream'].includes(shape)) throw new Error(`unknown shape ${shape}: cheap, hold or stream`);
const roots = (process.env.ROOTS ?? '').split(',').filter(Boolean);
if (roots.length === 0) throw new Error('set ROOTS to the work trees to compare, separated by commas');
const rounds = Number(roundsArg);
const runMs = Number(msArg);
const evaldata = process.env.EVALDATA ?? resolve(import.meta.dirname, '../../shared/evaldata');
const lines = readFileSync(resolve(evaldata, 'clinc150_scope.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { text: string; intent: string });
const scope = lines.map((line) => line.text);
const groups = questionGroups(createGuard({ scope: { utterances: scope } }), lines);
const model = shape === 'cheap' ? createBenchModel() : createBenchModel({ numberAnswers: true });
const questions = newQuestions(groups, 7);
let counter = 0;

/** CPU milliseconds per turn of `work` (which answers how many turns it ran) over `runMs`. */
async function cpuPerTurn(work: () => Promise<number>): Promise<number> {
  const deadline = performance.now() + runMs;
  const before = process.cpuUsage();
  let turns = 0;
  while (performance.now() < deadline) turns += await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / Math.max(1, turns);
}

const post = (app: Hono, body: string, token: string | null) =>
  app.fetch(
    new Request('http://bench/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-handrail-conversation-token': token } : {}) },
      body,
    }),
  );

const cheapTurn = (app: Hono) => async () => {
  const index = counter++;
  await (await post(app, chatBody(benchQuestions[index % benchQuestions.length]!, `tree-${index}`), null)).text();
  return 1;
};

const conversation = (app: Hono) => async () => {
  const number = counter++;
  const id = `tree-conversation-${number}`;
  const messages: { id: string; role: string; parts: { type: 'text'; text: string }[] }[] = [];
  let token: string | null = null;
  let turns = 0;
  for (let turn = 0; turn < 10; turn++) {
    const asks = number % 10 === 0 && turn === 5;
    const text = asks ? 'I want to talk to a real person' : questions.next(turn + number);
    messages.push({ id: `${id}-u${turn}`, role: 'user', parts: [{ type: 'text', text }] });
    const response = await post(app, JSON.stringify({ id, messages }), token);
    token ??= response.headers.get('x-handrail-conversation-token');
    if (response.status !== 200) throw new Error(`${response.status}: ${await response.text()}`);
    const events = (await readSse(response)) as { type?: string; delta?: string }[];
    turns++;
    const answer = events
      .filter((event) => event.type === 'text-delta')
      .map((event) => event.delta ?? '')
      .join('');
    messages.push({ id: `${id}-a${turn}`, role: 'assistant', parts: [{ type: 'text', text: answer }] });
    if (events.some((event) => event.type === 'data-handoff')) break;
  }
  return turns;
};

const sides: [string, Hono][] = [['bare', createBareApp(model)]];
for (const root of roots) {
  const apps = (await import(resolve(root, 'bench/bench-apps.ts'))) as typeof BenchApps;
  const realistic = (await import(resolve(root, 'bench/realistic-overhead.ts'))) as typeof Realistic;
  const app =
    shape === 'cheap'
      ? apps.createHandrailApp({ model, scope })
      : apps.createHandrailApp({
          model,
          scope,
          holdOutput: shape === 'hold',
          conversationAuth: 'token',
          store: await realistic.filledStore(10_000),
        });
  sides.push([root, app]);
}
const turn = shape === 'cheap' ? cheapTurn : conversation;
for (const [, app] of sides) await cpuPerTurn(turn(app)); // warm-up, not counted
const runs = new Map<string, number[]>(sides.map(([name]) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, app] of round % 2 === 0 ? sides : [...sides].reverse()) {
    runs.get(name)!.push(await cpuPerTurn(turn(app)));
  }
}
const bare = median(runs.get('bare')!);
for (const [name, values] of runs) {
  const ratio = name === 'bare' ? '' : `, CPU ratio ${(bare / median(values)).toFixed(2)}`;
  console.log(
    `${shape} ${name}: ${median(values).toFixed(3)} ms CPU per turn${ratio} [${values.map((v) => v.toFixed(2)).join(' ')}]`,
  );
}
