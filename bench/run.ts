/**
 * `npm run bench`: the cost of Handrail against the bare stack, measured in one run.
 *
 *   npm run bench                          full run (about 3 minutes on 2 shared cores)
 *   npm run bench -- --quick               shorter run
 *   npm run bench -- --long                longer realistic runs; the 100,000-utterance scope also indexed in memory
 *   npm run bench -- --json report.json    also write the machine-readable report (--json alone: stdout)
 *
 * Sections: middleware overhead under load (autocannon, Handrail vs a bare `streamText` route),
 * time to first token, guard latency and growth, guard-only eval speed, memory per stored
 * conversation, a handoff turn and the agent queue at 1,000 and 100,000 stored conversations,
 * the gzipped Worker bundle; then the realistic shapes (token auth, 10-turn conversations, held and
 * streamed output, 10% handoffs, a store of 10,000 conversations, new texts) against the same bare
 * route, guard per turn in growing conversations (1 to 1,000 turns), the slowest adversarial text
 * per guard pattern, the turns after an 8,000-character message, and a 100,000-utterance scope
 * index built offline and loaded. See docs/benchmarks.md.
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { createGuard } from '../src/guard/index.js';
import { measureAdversarial } from './adversarial.js';
import { createBenchModel } from './bench-model.js';
import { parseBenchArgs } from './bench-settings.js';
import { measureConversationMemory } from './conversation-memory.js';
import { measureEvalSpeed } from './eval-speed.js';
import { measureFirstToken } from './first-token.js';
import { benchGuard } from './guard.js';
import { measureGuardScaling } from './guard-scaling.js';
import { measureGuardTurns } from './guard-turns.js';
import { measureLongMessage } from './long-message.js';
import { questionGroups } from './new-texts.js';
import { measureOverhead } from './overhead.js';
import { measureRealisticOverhead } from './realistic-overhead.js';
import { type BenchDetails, buildReport, formatTable, type MachineInfo, reportRows } from './report.js';
import { measureScopeIndex } from './scope-index.js';
import { measureStoreScale } from './store-scale.js';
import { measureWorkerBundle } from './worker-bundle.js';

const root = resolve(import.meta.dirname, '..');
const evaldata = resolve(root, '../shared/evaldata');

function step<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  process.stderr.write(`bench: ${name}...`);
  const started = performance.now();
  return Promise.resolve(work()).then((value) => {
    process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return value;
  });
}

const settings = parseBenchArgs(process.argv.slice(2));
const started = performance.now();
const loadAverageBefore = loadavg()[0] ?? 0;
const scopeLines = readFileSync(resolve(evaldata, 'clinc150_scope.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as { text: string; intent: string });
const scope = scopeLines.map((line) => line.text);

const overhead = await step('middleware overhead (autocannon, bare vs Handrail)', () =>
  measureOverhead({ model: createBenchModel(), scope, ...settings.overhead }),
);
const firstToken = await step('time to first token', () =>
  measureFirstToken({
    model: createBenchModel({ chunkDelayMs: settings.firstToken.chunkDelayMs }),
    scope,
    ...settings.firstToken,
  }),
);
const guard = await step('guard latency (bench/guard.ts)', () => benchGuard({ ...settings.guard, evaldata }));
const guardScaling = await step('guard growth', () => measureGuardScaling(scope, settings.guardScaling));
const evalSpeed = await step('eval runner', () => measureEvalSpeed(evaldata, settings.evalSpeed));
const memory = await step('memory per conversation', () => measureConversationMemory(settings.memory.conversations));
const storeScale = await step('store scale (1,000 vs 100,000 stored)', () => measureStoreScale(settings.storeScale));
const workerBundle = await step('worker bundle', () => measureWorkerBundle(root));
// The realistic shapes: one guard over the same scope picks the questions it lets through.
const scopeGuard = createGuard({ scope: { utterances: scope } });
const groups = questionGroups(scopeGuard, scopeLines);
const realisticOverhead = await step('realistic overhead (token auth, 10 turns, handoffs, 10,000 stored)', () =>
  measureRealisticOverhead({
    model: createBenchModel({ numberAnswers: true }),
    scope,
    groups,
    ...settings.realistic,
  }),
);
const guardTurns = await step('guard per turn, growing conversations, new texts', () =>
  measureGuardTurns(createGuard({ scope: { utterances: scope } }), groups, settings.guardTurns),
);
const longMessage = await step('turns after an 8,000-character message', () =>
  measureLongMessage(createGuard({ scope: { utterances: scope } }), groups, settings.longMessage),
);
const adversarial = await step('adversarial texts per guard pattern', () => measureAdversarial(scopeGuard));
const scopeIndex = await step(
  `scope index (${settings.scopeIndex.utterances.toLocaleString('en-US')} utterances)`,
  () => measureScopeIndex({ clinc: scope, ...settings.scopeIndex, long: settings.long }),
);

const cpuList = cpus();
const machine: MachineInfo = {
  cpus: cpuList.length,
  cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
  node: process.version,
  platform: process.platform,
  arch: process.arch,
  totalMemoryBytes: totalmem(),
  loadAverageBefore,
  loadAverageAfter: loadavg()[0] ?? 0,
};
const details: BenchDetails = {
  overhead,
  firstToken,
  guard,
  guardScaling,
  evalSpeed,
  memory,
  storeScale,
  workerBundle,
  realisticOverhead,
  guardTurns,
  longMessage,
  adversarial,
  scopeIndex,
};
const report = buildReport(details, {
  mode: settings.mode,
  generatedAt: new Date().toISOString(),
  durationSeconds: Math.round((performance.now() - started) / 100) / 10,
  machine,
});

// With the JSON on stdout, the table goes to stderr so the JSON stays parseable.
const print = settings.jsonFile === '-' ? console.error : console.log;
print('');
print(formatTable(reportRows(report)));
print('');
print(
  `${machine.cpus} x ${machine.cpuModel}, Node ${machine.node}, ${(machine.totalMemoryBytes / 2 ** 30).toFixed(1)} GiB ` +
    `(${(freemem() / 2 ** 30).toFixed(1)} free), load ${machine.loadAverageBefore.toFixed(2)} -> ${machine.loadAverageAfter.toFixed(2)}; ` +
    `${settings.mode} run in ${report.durationSeconds} s`,
);
const unmet = Object.entries(report.goals).filter(([, goal]) => goal.met === false);
if (unmet.length > 0) print(`goals not met: ${unmet.map(([name, goal]) => `${name} (${goal.target})`).join(', ')}`);
if (settings.jsonFile === '-') {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else if (settings.jsonFile) {
  const file = resolve(process.cwd(), settings.jsonFile);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`report written to ${file}`);
}
