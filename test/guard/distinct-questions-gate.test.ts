/**
 * Long ordinary conversations gate: conversations of eight questions of distinct intents, each
 * question a handled one of a public source of ../shared/evaldata (its intent from the case's
 * `intent` field or its note), a bot answer between them, judged turn by turn by the guard alone.
 * A new question on a related topic is not the same question asked again. Thresholds sit
 * slightly above the figures reached (2026-12-03: 1-9% of 100 conversations per source, 32 of
 * 600; 141 before a question asked after another one needed nearly the same words, and one asked
 * right after the answer had to say no more than the other, to count as asked again).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computeMetrics,
  createGuardRunner,
  distinctQuestionCases,
  type EvalReport,
  runEval,
} from '../../src/evals/index.js';
import { createGuard } from '../../src/guard/index.js';

const folder = resolve(process.cwd(), '../shared/evaldata');
const sources = [
  'banking77',
  'bitext',
  'bitext_customer_service',
  'clinc150',
  'rasa_financial',
  'rasa_nlu_training_data',
];
const available = sources.every((source) => existsSync(resolve(folder, `${source}.jsonl`)));
if (!available) console.log(`skipped: the long ordinary conversations gate needs ${folder} (../shared/evaldata)`);

interface RawCase {
  messages: { role: string; content: string }[];
  expect: string;
  intent?: string;
  note?: string;
}

/** The handled single questions of a source with their intents. */
function handledQuestions(source: string): { text: string; intent: string }[] {
  return readFileSync(resolve(folder, `${source}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as RawCase)
    .filter((item) => item.expect === 'handle' && item.messages.length === 1)
    .map((item) => ({
      text: item.messages[0]!.content,
      intent: item.intent ?? /\bintent (\S+)/.exec(item.note ?? '')?.[1],
    }))
    .filter((item): item is { text: string; intent: string } => item.intent !== undefined);
}

describe.skipIf(!available)('long ordinary conversations gate (distinct questions, guard alone)', () => {
  const reports = new Map<string, EvalReport>();

  beforeAll(async () => {
    for (const source of sources) {
      const cases = distinctQuestionCases(handledQuestions(source), { source, conversations: 100, seed: 5 });
      reports.set(
        source,
        computeMetrics(
          await runEval(
            cases,
            createGuardRunner(() => createGuard()),
          ),
        ),
      );
    }
    console.table(
      [...reports].map(([source, report]) => ({
        source,
        'false escalations': `${report.falseEscalationRate.count}/${report.falseEscalationRate.total}`,
      })),
    );
  }, 120_000);

  it.each(sources)('%s: at most 12% of the conversations escalate', (source) => {
    const rate = reports.get(source)!.falseEscalationRate;
    expect(rate.total).toBe(100);
    expect(rate.rate).toBeLessThanOrEqual(0.12);
  });

  it('at most 7% over all sources (23.5% before the repeated-question rules of 2026-12-03)', () => {
    const all = [...reports.values()].map((report) => report.falseEscalationRate);
    const escalated = all.reduce((sum, rate) => sum + rate.count, 0);
    expect(escalated / (100 * sources.length)).toBeLessThanOrEqual(0.07);
  });
});
