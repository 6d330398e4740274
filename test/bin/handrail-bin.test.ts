import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The `handrail` bin as the package ships it: the library built with tsc (tsconfig.build.json)
 * and run on plain Node (the pinned one vitest runs on), no tsx. The build goes under
 * node_modules/.cache so the built files resolve the installed dependencies, as in an install.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'test/evals/fixtures');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function spawn(args: string[], cwd = root): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const cases = [
  {
    id: 'b1',
    messages: [{ role: 'user', content: 'I want to talk to a human' }],
    expect: 'escalate',
    reason: 'explicit_request',
  },
  // No guard escalates this: it is labelled so to make a miss.
  {
    id: 'b2',
    messages: [{ role: 'user', content: 'what colour are the tents?' }],
    expect: 'escalate',
    reason: 'compliance',
  },
  { id: 'b3', messages: [{ role: 'user', content: 'do you ship to Canada?' }], expect: 'handle', reason: 'none' },
];

describe('handrail bin (built package, plain node)', () => {
  let build: string;
  let dir: string;
  let bin: string;
  let dataset: string;
  beforeAll(async () => {
    // A fresh `npm ci` has no node_modules/.cache yet.
    await mkdir(join(root, 'node_modules/.cache'), { recursive: true });
    build = await mkdtemp(join(root, 'node_modules/.cache/handrail-bin-'));
    dir = join(build, 'work');
    const tsc = await spawn([
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--outDir',
      join(build, 'dist'),
    ]);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
    bin = join(build, 'dist/bin/handrail.js');
    dataset = join(build, 'mine.jsonl');
    await writeFile(dataset, `${cases.map((item) => JSON.stringify(item)).join('\n')}\n`);
  }, 180_000);
  afterAll(async () => {
    if (build) await rm(build, { recursive: true, force: true });
  });

  it('starts with a shebang and lists its commands', async () => {
    expect((await readFile(bin, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
    const help = await spawn([bin, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/eval\s+measure escalation/);
    expect((await spawn([bin])).code).toBe(2);
    const unknown = await spawn([bin, 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "nope"');
    const evalHelp = await spawn([bin, 'eval', '--help']);
    expect(evalHelp.code).toBe(0);
    expect(evalHelp.stdout).toContain('Usage: handrail eval <dataset.jsonl>...');
    expect(evalHelp.stdout).toContain('--target-false-escalation');
  });

  it('runs the built-in guard on a JSONL file and writes every report', async () => {
    const out = join(dir, 'run');
    const run = await spawn([
      bin,
      'eval',
      dataset,
      '--guard-only',
      '--scope',
      join(fixtures, 'scope.jsonl'),
      '--json',
      `${out}.json`,
      '--html',
      `${out}.html`,
      '--junit',
      `${out}.xml`,
      '--fail-under-recall',
      '0.5',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('false non-escalation rate  50.0%  1/2');
    const report = JSON.parse(await readFile(`${out}.json`, 'utf8'));
    expect(
      report.outcomes.map((outcome: { id: string; escalated: boolean }) => [outcome.id, outcome.escalated]),
    ).toEqual([
      ['b1', true],
      ['b2', false],
      ['b3', false],
    ]);
    expect((await readFile(`${out}.xml`, 'utf8')).match(/<testcase /g)).toHaveLength(3);
    expect((await spawn([bin, 'eval', dataset, '--guard-only', '--fail-under-recall', '0.9'])).code).toBe(1);
  });

  it('--compare: exit 4 on a case the baseline escalated, threshold failures first', async () => {
    const baseline = join(dir, 'baseline.json');
    await writeFile(
      baseline,
      JSON.stringify({
        misses: [],
        falseEscalations: [],
        outcomes: cases.map((item) => ({ id: item.id, escalated: item.expect === 'escalate' })),
      }),
    );
    const junit = join(dir, 'compare.xml');
    const run = await spawn([bin, 'eval', dataset, '--guard-only', '--compare', baseline, '--junit', junit]);
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('since the baseline: 1 newly missed, 0 newly escalated, 0 fixed');
    expect(run.stderr).toContain('1 case(s) newly missed since the --compare baseline: b2');
    expect(await readFile(junit, 'utf8')).toContain('type="new_missed_escalation"');
    const both = await spawn([
      bin,
      'eval',
      dataset,
      '--guard-only',
      '--compare',
      baseline,
      '--fail-under-recall',
      '0.9',
    ]);
    expect(both.code).toBe(1);
    const bad = await spawn([bin, 'eval', dataset, '--guard-only', '--compare', dataset]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid JSON');
  });

  it('--target-false-escalation prints thresholds and the curve goes into the HTML report', async () => {
    const html = join(dir, 'curve.html');
    const run = await spawn([bin, 'eval', dataset, '--guard-only', '--target-false-escalation', '0', '--html', html]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('operating curve (guard alone; false escalation / missed):');
    expect(run.stdout).toContain('learnedIntent.threshold');
    expect(run.stdout).toMatch(/thresholds for a false escalation rate of at most 0\.0% on these cases:/);
    const page = await readFile(html, 'utf8');
    expect(page).toContain('<h2>Operating curve</h2>');
    expect(page).toContain('<polyline ');
    expect(page).not.toMatch(/<script/i);
    expect((await spawn([bin, 'eval', dataset, '--guard-only', '--target-false-escalation', '2'])).code).toBe(2);
  });

  it('replays a store export, and says the full pipeline needs a checkout', async () => {
    const replay = await spawn([bin, 'eval', '--replay', join(fixtures, 'store-export.json')]);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toMatch(/^conversations 3: 1 handed off, 2 never handed off/);
    const pipeline = await spawn([bin, 'eval', dataset]);
    expect(pipeline.code).toBe(2);
    expect(pipeline.stderr).toContain('pass --guard-only');
  });
});
