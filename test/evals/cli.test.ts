import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = 'test/evals/fixtures';
const guardArgs = ['--guard-only', '--guard-module', `${fixtures}/keyword-guard.ts`];

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'evals/cli.ts', ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('eval CLI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'handrail-evals-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 0 when thresholds are met and writes JSON, HTML and JUnit reports', async () => {
    const json = join(dir, 'report.json');
    const html = join(dir, 'report.html');
    const junit = join(dir, 'report.xml');
    const run = await runCli([
      `${fixtures}/small.jsonl`,
      ...guardArgs,
      '--fail-under-recall',
      '0.6',
      '--max-false-escalation',
      '0.5',
      '--json',
      json,
      '--html',
      html,
      '--junit',
      junit,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('false non-escalation rate  33.3%  1/3');
    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report).toMatchObject({
      cases: 6,
      falseNonEscalationRate: { count: 1, total: 3 },
      falseEscalationRate: { count: 1, total: 3 },
    });
    expect(report.byReason.compliance).toMatchObject({ cases: 1, missed: 1, recall: 0 });
    expect(report.misses[0].id).toBe('s3');
    expect(report.meta.mode).toBe('guard-only');
    const page = await readFile(html, 'utf8');
    expect(page).not.toMatch(/<script\s[^>]*src/i);
    expect(page).not.toMatch(/href=["']?https?:/i);
    const xml = await readFile(junit, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(6);
    expect(xml).toContain('is the travel agent discount &lt;still&gt; on &amp; valid?');
  });

  it('exits 1 when recall is under --fail-under-recall', async () => {
    const run = await runCli([`${fixtures}/small.jsonl`, ...guardArgs, '--fail-under-recall', '0.9']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('under --fail-under-recall 0.9');
  });

  it('exits 1 when the false escalation rate is above --max-false-escalation', async () => {
    const run = await runCli([`${fixtures}/small.jsonl`, ...guardArgs, '--max-false-escalation', '0.2']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('above --max-false-escalation 0.2');
  });

  it('skips bad lines with file and line, or exits 2 with --strict', async () => {
    const lenient = await runCli([`${fixtures}/bad.jsonl`, ...guardArgs]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('bad.jsonl:2:');
    expect(lenient.stderr).toContain('bad.jsonl:4: invalid JSON');
    expect(lenient.stdout).toContain('cases 2');
    const strict = await runCli([`${fixtures}/bad.jsonl`, ...guardArgs, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('bad.jsonl:6: messages: the last message must be a user turn');
  });

  it('exits 2 on usage errors', async () => {
    expect((await runCli(['--no-such-option'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
    expect((await runCli([`${fixtures}/missing.jsonl`, ...guardArgs])).code).toBe(2);
    expect((await runCli([`${fixtures}/small.jsonl`, ...guardArgs, '--fail-under-recall', '1.5'])).code).toBe(2);
    expect((await runCli([`${fixtures}/small.jsonl`, '--model', 'gpt'])).code).toBe(2);
  });

  it('exits 3 when the guard cannot be loaded', async () => {
    const run = await runCli([`${fixtures}/small.jsonl`, '--guard-only', '--guard-module', `${fixtures}/scope.jsonl`]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('could not load');
  });

  it('replays a store export and lists conversations that should have been handed off', async () => {
    const json = join(dir, 'replay.json');
    const run = await runCli([
      '--replay',
      `${fixtures}/store-export.json`,
      '--guard-module',
      `${fixtures}/keyword-guard.ts`,
      '--json',
      json,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('conversations 3: 1 handed off, 2 never handed off, 1 of those should have been');
    expect(run.stdout).toContain('conv-abandoned');
    expect(run.stdout).not.toContain('conv-fine');
    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report.shouldHaveEscalated[0]).toMatchObject({ id: 'conv-abandoned', firedReason: 'negative_sentiment' });
  });

  it('--compare lists what changed since a baseline report and exits 4 on a new miss', async () => {
    const baseline = join(dir, 'baseline.json');
    const first = await runCli([`${fixtures}/small.jsonl`, ...guardArgs, '--json', baseline]);
    expect(first.code).toBe(0);
    const report = JSON.parse(await readFile(baseline, 'utf8'));
    expect(report.outcomes).toHaveLength(6);
    expect((await runCli([`${fixtures}/small.jsonl`, ...guardArgs, '--compare', baseline])).code).toBe(0);
    // Pretend the baseline caught s3 and kept s5 but missed s1.
    for (const outcome of report.outcomes) {
      if (outcome.id === 's3') outcome.escalated = true;
      if (outcome.id === 's5') outcome.escalated = false;
      if (outcome.id === 's1') outcome.escalated = false;
    }
    await writeFile(baseline, JSON.stringify(report));
    const html = join(dir, 'compare.html');
    const run = await runCli([`${fixtures}/small.jsonl`, ...guardArgs, '--compare', baseline, '--html', html]);
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('since the baseline: 1 newly missed, 1 newly escalated, 1 fixed');
    expect(await readFile(html, 'utf8')).toContain('<h3 class="bad">Newly missed (1)</h3>');
  });

  it('--target-false-escalation sweeps a guard module that exports its policy', async () => {
    const sweep = ['--guard-only', '--guard-module', `${fixtures}/sweep-guard.ts`];
    const run = await runCli([`${fixtures}/small.jsonl`, ...sweep, '--target-false-escalation', '0']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('thresholds.explicit_request  0.50 -> 0.60');
    expect(run.stdout).toContain(
      'handrail({ ...yourOptions, guard: { ...yourGuardOptions, thresholds: { explicit_request: 0.6, low_confidence: 0.3 } } })',
    );
    const without = await runCli([`${fixtures}/small.jsonl`, ...guardArgs, '--curve']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('--curve needs a guard module that exports createPolicy()');
  });

  it.skipIf(!existsSync(join(root, 'src/guard/index.ts')))(
    'runs the real guard over a fixture and writes its figures',
    async () => {
      const json = join(dir, 'real.json');
      const run = await runCli([
        `${fixtures}/small.jsonl`,
        '--guard-only',
        '--scope',
        `${fixtures}/scope.jsonl`,
        '--json',
        json,
      ]);
      expect([0, 1]).toContain(run.code);
      const report = JSON.parse(await readFile(json, 'utf8'));
      expect(report.cases).toBe(6);
      expect(report.errors).toEqual([]);
      // "I want to talk to a human" is the plainest explicit request there is.
      expect(report.misses.map((miss: { id: string }) => miss.id)).not.toContain('s1');
    },
  );
});
