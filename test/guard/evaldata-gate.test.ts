/**
 * Evaluation gate: runs the guard alone (no model) over the development data in
 * ../shared/evaldata (Bitext CDLA-Sharing-1.0, Banking77 and NLU++ CC-BY-4.0, CLINC150
 * CC-BY-3.0; see that folder's README) and enforces recall and false-escalation limits.
 *
 * Scope per file: clinc150.jsonl is judged against clinc150_scope.jsonl (its own bank
 * assistant scope). Bitext, Banking77 and NLU++ come without a scope file; their "handle" cases
 * are in scope for their own bots, so they run without the out-of-scope detector (using their own
 * handle texts as scope would test on the training data). A separate, report-only check uses
 * the train half of their handle texts as scope and measures false escalation on the held-out half.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGuard, type Guard } from '../../src/guard/index.js';
import { isTrainCase } from '../../src/guard/model/train-split.js';
import type { Transcript } from '../../src/guard/types.js';

interface Case {
  id: string;
  messages: { role: 'user' | 'assistant'; content: string }[];
  expect: 'escalate' | 'handle';
  reason: string;
}

const folder = resolve(process.cwd(), '../shared/evaldata');
const available = existsSync(resolve(folder, 'clinc150.jsonl'));
const read = <T>(file: string): T[] =>
  readFileSync(resolve(folder, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);

interface Tally {
  total: number;
  escalated: number;
  exactReason: number;
}

function evaluate(guard: Guard, cases: Case[]) {
  const byReason = new Map<string, Tally>();
  for (const item of cases) {
    const decision = guard.check(item.messages as Transcript, 'input');
    const key = item.expect === 'handle' ? 'handle' : item.reason;
    const tally = byReason.get(key) ?? { total: 0, escalated: 0, exactReason: 0 };
    tally.total++;
    if (decision.escalate) tally.escalated++;
    if (decision.reasons.some((signal) => signal.reason === item.reason)) tally.exactReason++;
    byReason.set(key, tally);
  }
  return byReason;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : (100 * part) / whole);

describe.skipIf(!available)('evaldata gate (guard alone, no model)', () => {
  const scope = available ? read<{ text: string }>('clinc150_scope.jsonl').map((line) => line.text) : [];
  const files = ['bitext.jsonl', 'banking77.jsonl', 'nlupp.jsonl', 'clinc150.jsonl'];
  const rows: Record<string, string | number>[] = [];
  const pooled = new Map<string, Tally>();
  const clincSplit: Record<string, Tally> = {};

  if (available) {
    for (const file of files) {
      const cases = read<Case>(file);
      const guard = file === 'clinc150.jsonl' ? createGuard({ scope: { utterances: scope } }) : createGuard();
      for (const [key, tally] of evaluate(guard, cases)) {
        const pool = pooled.get(key) ?? { total: 0, escalated: 0, exactReason: 0 };
        pool.total += tally.total;
        pool.escalated += tally.escalated;
        pool.exactReason += tally.exactReason;
        pooled.set(key, pool);
        rows.push({
          file,
          cases: key,
          n: tally.total,
          [key === 'handle' ? 'false escalation %' : 'recall %']: Number(
            percent(tally.escalated, tally.total).toFixed(1),
          ),
          ...(key === 'handle'
            ? {}
            : { 'same-reason recall %': Number(percent(tally.exactReason, tally.total).toFixed(1)) }),
        });
      }
      if (file === 'clinc150.jsonl') {
        for (const half of ['train', 'holdout'] as const) {
          const subset = cases.filter((item) => isTrainCase(item.id) === (half === 'train'));
          for (const [key, tally] of evaluate(guard, subset)) clincSplit[`${half} ${key}`] = tally;
        }
      }
    }
    console.log('Guard on ../shared/evaldata (any escalation counts for recall):');
    console.table(rows);
    console.log('CLINC150 by calibration split (OOS threshold learned on train only):');
    console.table(
      Object.entries(clincSplit).map(([key, tally]) => ({
        split: key,
        n: tally.total,
        'escalated %': Number(percent(tally.escalated, tally.total).toFixed(1)),
      })),
    );
  }

  const recall = (reason: string) => {
    const tally = pooled.get(reason)!;
    return percent(tally.escalated, tally.total);
  };

  it('explicit_request recall >= 97% (Bitext + NLU++)', () => {
    expect(recall('explicit_request')).toBeGreaterThanOrEqual(97);
  });

  it('high_stakes recall >= 90% (Bitext complaints + Banking77)', () => {
    expect(recall('high_stakes')).toBeGreaterThanOrEqual(90);
  });

  it('out_of_scope recall >= 80% on clinc150 with clinc150_scope', () => {
    expect(recall('out_of_scope')).toBeGreaterThanOrEqual(80);
  });

  it.each(files)('false escalation <= 5%% on the handle cases of %s', (file) => {
    const row = rows.find((item) => item.file === file && item.cases === 'handle')!;
    expect(row['false escalation %']).toBeLessThanOrEqual(5);
  });

  it('reports false escalation with a held-out self scope (report only)', () => {
    const report: Record<string, string | number>[] = [];
    for (const file of ['bitext.jsonl', 'banking77.jsonl', 'nlupp.jsonl']) {
      const handle = read<Case>(file).filter((item) => item.expect === 'handle');
      const scopeTexts = handle.filter((item) => isTrainCase(item.id)).map((item) => item.messages.at(-1)!.content);
      const heldOut = handle.filter((item) => !isTrainCase(item.id));
      const guard = createGuard({ scope: { utterances: scopeTexts } });
      const escalated = heldOut.filter((item) => guard.check(item.messages as Transcript, 'input').escalate).length;
      report.push({
        file,
        'scope utterances': scopeTexts.length,
        'held-out handle': heldOut.length,
        'false escalation %': Number(percent(escalated, heldOut.length).toFixed(1)),
      });
    }
    console.log('Self-scope check: train-half handle texts as scope, held-out handle cases judged:');
    console.table(report);
    expect(report).toHaveLength(3);
  });
});
