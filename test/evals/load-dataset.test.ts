import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/evals/dataset-error.js';
import { evalCaseSchema } from '../../src/evals/eval-case.js';
import { loadDataset, loadScope, parseJsonLines } from '../../src/evals/load-dataset.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('parseJsonLines', () => {
  it('reports each bad line with its file and 1-based line number and keeps the good ones', () => {
    const text = [
      '{"id":"a","messages":[{"role":"user","content":"hi"}],"expect":"handle","reason":"none"}',
      '',
      '{"id":"b","messages":[],"expect":"handle","reason":"none"}',
      'nonsense',
      '{"id":"c","messages":[{"role":"user","content":"x"}],"expect":"escalate","reason":"none"}',
      '{"id":"d","messages":[{"role":"bot","content":"x"}],"expect":"handle","reason":"none"}',
    ].join('\n');
    const { records, issues } = parseJsonLines(text, 'mem.jsonl', evalCaseSchema);
    expect(records.map((record) => [record.value.id, record.line])).toEqual([['a', 1]]);
    expect(issues.map((issue) => [issue.file, issue.line])).toEqual([
      ['mem.jsonl', 3],
      ['mem.jsonl', 4],
      ['mem.jsonl', 5],
      ['mem.jsonl', 6],
    ]);
    expect(issues[0]?.message).toMatch(/messages/);
    expect(issues[1]?.message).toMatch(/invalid JSON/);
    expect(issues[2]?.message).toMatch(/reason must be "none" exactly when expect is "handle"/);
  });
});

describe('loadDataset', () => {
  it('skips bad lines and reports them by default', async () => {
    const { cases, issues } = await loadDataset([fixture('bad.jsonl')]);
    expect(cases.map((evalCase) => evalCase.id)).toEqual(['b1', 'b4']);
    expect(issues.map((issue) => issue.line)).toEqual([2, 4, 6]);
    expect(issues[2]?.message).toMatch(/last message must be a user turn/);
  });

  it('names the file as the source of cases that have none', async () => {
    const { cases } = await loadDataset([fixture('bad.jsonl')]);
    expect(cases[0]?.source).toBe('bad');
  });

  it('fails in strict mode with every issue listed', async () => {
    const error = await loadDataset([fixture('bad.jsonl')], { strict: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).issues).toHaveLength(3);
    expect((error as DatasetError).message).toContain('bad.jsonl:4: invalid JSON');
  });

  it('reports a repeated case id across files', async () => {
    const files = [fixture('small.jsonl'), fixture('small.jsonl')];
    const { cases, issues } = await loadDataset(files);
    expect(cases).toHaveLength(6);
    expect(issues).toHaveLength(6);
    expect(issues[0]?.message).toMatch(/duplicate case id "s1"/);
  });

  it('reads with an injected reader', async () => {
    const readText = async () =>
      '{"id":"x","messages":[{"role":"user","content":"hi"}],"expect":"handle","reason":"none"}\n';
    const { cases } = await loadDataset(['virtual.jsonl'], { readText });
    expect(cases[0]?.source).toBe('virtual');
  });
});

describe('loadScope', () => {
  it('reads {text, intent} lines', async () => {
    const { utterances, issues } = await loadScope([fixture('scope.jsonl')]);
    expect(issues).toEqual([]);
    expect(utterances[0]).toEqual({ text: 'where is my order', intent: 'order_status' });
  });

  it('reports lines without an intent', async () => {
    const readText = async () => '{"text":"hi","intent":"greeting"}\n{"text":"no intent"}\n';
    const { utterances, issues } = await loadScope(['scope.jsonl'], { readText });
    expect(utterances).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 2 });
    await expect(loadScope(['scope.jsonl'], { readText, strict: true })).rejects.toBeInstanceOf(DatasetError);
  });
});
