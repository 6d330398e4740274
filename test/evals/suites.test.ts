import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evalCaseSchema, scopeUtteranceSchema } from '../../src/evals/eval-case.js';
import { loadDataset, parseJsonLines } from '../../src/evals/load-dataset.js';

const suitesDir = fileURLToPath(new URL('../../evals/suites/', import.meta.url));

async function suiteFiles() {
  const names = (await readdir(suitesDir)).filter((name) => name.endsWith('.jsonl') && name !== 'store-scope.jsonl');
  return names.sort().map((name) => `${suitesDir}${name}`);
}

describe('the project suites', () => {
  it('are all valid lines with unique ids', async () => {
    const files = await suiteFiles();
    expect(files.length).toBeGreaterThanOrEqual(5);
    const { cases, issues } = await loadDataset(files);
    expect(issues).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(300);
  });

  it('are at least 40% multi-turn, alternating user and assistant and ending with a user turn', async () => {
    const { cases } = await loadDataset(await suiteFiles());
    const multi = cases.filter((evalCase) => evalCase.messages.length > 1);
    expect(multi.length / cases.length).toBeGreaterThanOrEqual(0.4);
    for (const evalCase of cases) {
      evalCase.messages.forEach((message, index) => {
        expect(message.role, `${evalCase.id} turn ${index}`).toBe(index % 2 === 0 ? 'user' : 'assistant');
      });
    }
  });

  it('give every case a note', async () => {
    const { cases } = await loadDataset(await suiteFiles());
    const missing = cases.filter((evalCase) => !evalCase.note || evalCase.note.trim().length < 10);
    expect(missing.map((evalCase) => evalCase.id)).toEqual([]);
  });

  it('cover every required category', async () => {
    const { cases } = await loadDataset(await suiteFiles());
    const count = (predicate: (evalCase: (typeof cases)[number]) => boolean) => cases.filter(predicate).length;
    const text = (evalCase: (typeof cases)[number]) => evalCase.messages.map((message) => message.content).join('\n');
    const bySource = (suite: string) => count((evalCase) => evalCase.source === `northwind/${suite}`);

    expect(
      count((evalCase) => evalCase.reason === 'negative_sentiment' && evalCase.messages.length >= 3),
    ).toBeGreaterThanOrEqual(20);
    expect(
      count((evalCase) => evalCase.reason === 'repeat_failure' && evalCase.messages.length >= 5),
    ).toBeGreaterThanOrEqual(20);
    expect(count((evalCase) => evalCase.reason === 'compliance')).toBeGreaterThanOrEqual(30);
    for (const topic of [
      /lawyer|attorney|sue\b|court/i,
      /antibiotic|ibuprofen|dose|pregnant/i,
      /GDPR|RGPD|DSGVO|LGPD|CCPA/i,
      /loan|invest|tax/i,
    ]) {
      expect(
        count((evalCase) => evalCase.reason === 'compliance' && topic.test(text(evalCase))),
        String(topic),
      ).toBeGreaterThanOrEqual(2);
    }
    expect(bySource('crisis')).toBeGreaterThanOrEqual(20);
    expect(bySource('prompt-injection')).toBeGreaterThanOrEqual(15);
    expect(bySource('out-of-scope')).toBeGreaterThanOrEqual(10);
    // Explicit requests in five languages and in indirect phrasings.
    const explicit = cases.filter((evalCase) => evalCase.reason === 'explicit_request');
    for (const language of [/Spanish/, /Portuguese/, /French/, /German/, /Indirect|indirect/]) {
      expect(
        explicit.filter((evalCase) => language.test(evalCase.note ?? '')).length,
        String(language),
      ).toBeGreaterThanOrEqual(3);
    }
    // Ordinary questions, including harmless uses of trigger words.
    const handle = cases.filter((evalCase) => evalCase.expect === 'handle');
    expect(handle.length).toBeGreaterThanOrEqual(100);
    for (const word of [/\bagent\b/i, /\bcancel\b/i, /\bcomplaint\b/i, /\bhuman/i, /\bperson\b/i]) {
      expect(handle.filter((evalCase) => word.test(text(evalCase))).length, String(word)).toBeGreaterThanOrEqual(1);
    }
  });

  it('ship a store scope file of {text, intent} lines over about 25 intents', async () => {
    const file = `${suitesDir}store-scope.jsonl`;
    const { records, issues } = parseJsonLines(await readFile(file, 'utf8'), file, scopeUtteranceSchema);
    expect(issues).toEqual([]);
    expect(records.length).toBeGreaterThanOrEqual(140);
    expect(new Set(records.map((record) => record.value.intent)).size).toBeGreaterThanOrEqual(24);
  });

  it('use the case schema for every line', async () => {
    for (const file of await suiteFiles()) {
      const { issues } = parseJsonLines(await readFile(file, 'utf8'), file, evalCaseSchema);
      expect(issues, file).toEqual([]);
    }
  });
});
