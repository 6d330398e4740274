import { describe, expect, it } from 'vitest';
import { baselineReportSchema, caseOutcomeRecords, compareRuns } from '../../src/evals/compare-runs.js';
import { renderHtmlReport } from '../../src/evals/html-report.js';
import { renderJunitReport } from '../../src/evals/junit-report.js';
import { computeMetrics } from '../../src/evals/metrics.js';
import { renderTextReport } from '../../src/evals/text-report.js';
import { makeCase, makeResult } from './helpers.js';

const escalate = (id: string) => makeCase(id, 'escalate', 'explicit_request');
const handle = (id: string) => makeCase(id, 'handle', 'none');

// Before: e1 caught, e2 missed, e3 caught, h1 kept, h2 escalated, gone dropped since.
const before = [
  makeResult(escalate('e1'), 'explicit_request'),
  makeResult(escalate('e2'), null),
  makeResult(escalate('e3'), 'explicit_request'),
  makeResult(handle('h1'), null),
  makeResult(handle('h2'), 'negative_sentiment'),
  makeResult(handle('gone'), null),
];
// Now: e1 missed (new miss), e2 caught (fixed), e3 caught, h1 escalated (new), h2 kept (fixed), added missed.
const now = [
  makeResult(escalate('e1'), null),
  makeResult(escalate('e2'), 'explicit_request'),
  makeResult(escalate('e3'), 'explicit_request'),
  makeResult(handle('h1'), 'high_stakes'),
  makeResult(handle('h2'), null),
  makeResult(escalate('added'), null),
];
const ids = (changes: { id: string }[]) => changes.map((change) => change.id);

describe('compareRuns', () => {
  it('finds newly missed, newly escalated and fixed cases by id from per-case outcomes', () => {
    const baseline = baselineReportSchema.parse({ ...computeMetrics(before), outcomes: caseOutcomeRecords(before) });
    const comparison = compareRuns(baseline, now);
    expect(comparison.perCaseBaseline).toBe(true);
    expect(ids(comparison.newlyMissed)).toEqual(['e1']);
    expect(ids(comparison.newlyEscalated)).toEqual(['h1']);
    expect(ids(comparison.fixed)).toEqual(['e2', 'h2']);
    expect(comparison.added).toBe(1);
    expect(comparison.removed).toBe(1);
    expect(comparison.newlyEscalated[0]).toMatchObject({ firedReason: 'high_stakes', lastUserText: 'message of h1' });
  });

  it('reads an older report without outcomes from its misses and false escalations', () => {
    const { misses, falseEscalations } = computeMetrics(before);
    const comparison = compareRuns(baselineReportSchema.parse({ misses, falseEscalations }), now);
    expect(comparison.perCaseBaseline).toBe(false);
    // A case the old report cannot tell about counts as right there: "added" looks newly missed.
    expect(ids(comparison.newlyMissed)).toEqual(['e1', 'added']);
    expect(ids(comparison.newlyEscalated)).toEqual(['h1']);
    expect(ids(comparison.fixed)).toEqual(['e2', 'h2']);
  });

  it('rejects a file that is not a report', () => {
    expect(baselineReportSchema.safeParse({ rows: [] }).success).toBe(false);
    expect(baselineReportSchema.safeParse({ misses: [{ name: 'x' }], falseEscalations: [] }).success).toBe(false);
  });
});

describe('reports with a comparison', () => {
  const baseline = baselineReportSchema.parse({ ...computeMetrics(before), outcomes: caseOutcomeRecords(before) });
  const comparison = compareRuns(baseline, now);
  const report = computeMetrics(now);

  it('lists the changes in the text report', () => {
    const text = renderTextReport(report, { comparison });
    expect(text).toContain(
      'since the baseline: 1 newly missed, 1 newly escalated, 2 fixed (1 new cases, 1 baseline cases absent)',
    );
    expect(text).toMatch(/newly missed \(1\):\n {2}e1 \[explicit_request -> none\]/);
    expect(renderTextReport(report)).not.toContain('since the baseline');
  });

  it('marks changed cases in JUnit', () => {
    const xml = renderJunitReport(now, undefined, { comparison });
    expect(xml).toContain('<property name="since-baseline" value="newly-missed"/>');
    expect(xml).toContain('type="new_missed_escalation" message="newly missed since the baseline: not escalated');
    expect(xml).toContain('type="new_false_escalation"');
    expect(xml).toContain('<system-out>fixed since the baseline</system-out>');
    // The case added since the baseline is an ordinary miss.
    expect(xml.match(/type="missed_escalation"/g)).toHaveLength(1);
    expect(xml.match(/<testcase /g)).toHaveLength(6);
    expect(renderJunitReport(now)).not.toContain('since-baseline');
  });

  it('adds a section to the HTML report', () => {
    const html = renderHtmlReport(report, { comparison });
    expect(html).toContain('<h2>Since the baseline</h2>');
    expect(html).toContain('<h3 class="bad">Newly missed (1)</h3>');
    expect(html).toContain('<h3 class="ok">Fixed (2)</h3>');
    expect(html).not.toMatch(/<script/i);
  });
});
