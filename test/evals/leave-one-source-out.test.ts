import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../evals/cli.js';
import type { EvalCase } from '../../src/evals/eval-case.js';
import { computeTotals, type LosoSource, leaveOneSourceOut, renderLosoText } from '../../src/evals/index.js';
import { createGuard } from '../../src/guard/index.js';
import { intentExamples } from '../../src/guard/model/train-intent-model.js';

const user = (content: string) => [{ role: 'user' as const, content }];
const escalate = (id: string, content: string): EvalCase => ({
  id,
  messages: user(content),
  expect: 'escalate',
  reason: 'high_stakes',
});
const handle = (id: string, content: string): EvalCase => ({
  id,
  messages: user(content),
  expect: 'handle',
  reason: 'none',
});

const sources: LosoSource[] = [
  {
    name: 'a',
    cases: [
      escalate('a1', 'I was charged twice for one order'),
      escalate('a2', 'there is a payment I never made on my card'),
      handle('a3', 'what are your opening hours'),
      handle('a4', 'how do I reset my password'),
    ],
  },
  {
    name: 'b',
    cases: [
      escalate('b1', 'money was taken from my account without my permission'),
      handle('b2', 'where is my parcel'),
      handle('b3', 'can I change my delivery address'),
    ],
  },
  {
    name: 'c',
    cases: [escalate('c1', 'I want to close my account for good'), handle('c2', 'do you ship to Canada')],
  },
];

describe('leaveOneSourceOut', () => {
  it('trains each fold on the other sources only and measures the one left out', async () => {
    const trainedOn: number[] = [];
    const rows = await leaveOneSourceOut(sources, ({ model }) => {
      trainedOn.push(model.threshold);
      return createGuard({ learnedIntent: { model } });
    });
    expect(rows.map((row) => row.source)).toEqual(['a', 'b', 'c']);
    for (const [index, row] of rows.entries()) {
      const others = sources.filter((_, position) => position !== index).flatMap((source) => source.cases);
      expect(row.trainingExamples, row.source).toBe(intentExamples(others).length);
      expect(row.report.cases).toBe(sources[index]!.cases.length);
    }
    expect(trainedOn).toHaveLength(3);
    const totals = computeTotals(rows);
    expect(totals.escalateCases).toBe(4);
    expect(totals.handleCases).toBe(5);
    const text = renderLosoText(rows);
    expect(text).toContain('held-out source');
    expect(text).toContain('all sources, each held out');
  });
});

describe('npm run eval -- --loso', () => {
  it('runs the sources of a manifest, skips absent files with a line, and gates every source', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'handrail-loso-'));
    try {
      const evals = join(folder, 'evals');
      await mkdir(evals);
      for (const source of sources) {
        await writeFile(
          join(evals, `${source.name}.jsonl`),
          `${source.cases.map((evalCase) => JSON.stringify({ ...evalCase, source: source.name })).join('\n')}\n`,
        );
      }
      // A source no guard can get right: its one escalation is an ordinary sentence.
      await writeFile(
        join(evals, 'unknowable.jsonl'),
        `${JSON.stringify({ ...escalate('u1', 'the weather is lovely today'), source: 'unknowable' })}\n`,
      );
      const manifest = join(evals, 'loso.json');
      await writeFile(
        manifest,
        JSON.stringify({
          sources: [
            ...sources.map((source) => ({ name: source.name, files: [`evals/${source.name}.jsonl`] })),
            { name: 'unknowable', files: ['evals/unknowable.jsonl'] },
            { name: 'absent', files: ['evals/absent.jsonl'] },
          ],
        }),
      );
      const errors: string[] = [];
      const write = process.stderr.write.bind(process.stderr);
      process.stderr.write = ((chunk: string) => {
        errors.push(String(chunk));
        return true;
      }) as typeof process.stderr.write;
      let lenient: number;
      let strict: number;
      try {
        lenient = await main(['--loso', '--loso-manifest', manifest, '--fail-under-recall', '0']);
        strict = await main(['--loso', '--loso-manifest', manifest, '--fail-under-recall', '0.5']);
      } finally {
        process.stderr.write = write;
      }
      expect(lenient).toBe(0);
      expect(errors.join('')).toContain('skipped source absent');
      expect(strict).toBe(1);
      expect(errors.join('')).toContain('unknowable: recall 0.0000 is under --fail-under-recall 0.5');
      expect(await main(['--loso', 'extra.jsonl'])).toBe(2);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
