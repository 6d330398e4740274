import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtmlReport } from '../../src/evals/html-report.js';
import { escapeXml, renderJunitReport } from '../../src/evals/junit-report.js';
import { computeMetrics } from '../../src/evals/metrics.js';
import { formatTable, renderTextReport } from '../../src/evals/text-report.js';
import { makeCase, makeResult } from './helpers.js';

const hostile = makeCase('x<&>"\'1', 'escalate', 'explicit_request', 'src<script>');
hostile.messages = [{ role: 'user', content: 'I want a <b>human</b> & "now" \u0001' }];
const results = [
  makeResult(hostile, null, 2),
  makeResult(makeCase('caught', 'escalate', 'compliance'), 'compliance', 3),
  makeResult(makeCase('fine', 'handle', 'none'), null, 1),
  makeResult(makeCase('over', 'handle', 'none', 'beta'), 'negative_sentiment', 4),
];
const report = computeMetrics(results);

describe('renderHtmlReport', () => {
  const html = renderHtmlReport(report, {
    mode: 'guard-only',
    datasets: ['a.jsonl'],
    generatedAt: '2025-01-01T00:00:00Z',
  });

  it('is a single self-contained document', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/href=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/src=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it('draws the two charts as inline SVG with interval error bars', () => {
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('Recall on escalate cases per expected reason');
    expect(html).toContain('False escalation rate on handle cases per source');
    expect(html.match(/class="err"/g)?.length).toBeGreaterThanOrEqual(6);
  });

  it('lists misses and false escalations with escaped text', () => {
    expect(html).toContain('Misses (1)');
    expect(html).toContain('False escalations (1)');
    expect(html).toContain(escapeHtml('I want a <b>human</b> & "now"'));
    expect(html).not.toContain('<b>human</b>');
    expect(html).not.toContain('src<script>');
  });

  it('escapes every special character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('renderJunitReport', () => {
  const xml = renderJunitReport(results);

  it('has one testcase per case and a failure per miss and false escalation', () => {
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml.match(/<failure /g)).toHaveLength(2);
    expect(xml).toContain('type="missed_escalation"');
    expect(xml).toContain('type="false_escalation"');
    expect(xml).toMatch(/<testsuites name="handrail-evals" tests="4" failures="2" errors="0"/);
  });

  it('escapes text and drops characters XML cannot hold', () => {
    expect(xml).toContain('name="x&lt;&amp;&gt;&quot;&apos;1 [escalate: explicit_request]"');
    expect(xml).toContain('classname="src&lt;script&gt;"');
    expect(xml).toContain('&lt;b&gt;human&lt;/b&gt; &amp; &quot;now&quot; ');
    expect(xml).not.toContain('\u0001');
    // Outside attribute values and text, only markup remains: every & starts an entity.
    expect(xml.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toContain('&');
    expect(escapeXml('a\u0000b\uFFFEc')).toBe('abc');
  });

  it('reports a case that failed to run as an error', () => {
    const failed = { ...makeResult(makeCase('err', 'handle', 'none'), null), error: 'Error: boom' };
    expect(renderJunitReport([failed])).toContain('<error message="Error: boom">');
  });
});

describe('renderTextReport', () => {
  it('prints the headline rates, the tables and the misses', () => {
    const text = renderTextReport(report);
    expect(text).toContain('false non-escalation rate  50.0%  1/2');
    expect(text).toContain('false escalation rate      50.0%  1/2');
    expect(text).toMatch(/explicit_request\s+1\s+1\s+0\.0%/);
    expect(text).toContain('misses (1):');
  });

  it('aligns columns', () => {
    expect(
      formatTable(
        ['name', 'n'],
        [
          ['a', '1'],
          ['long name', '22'],
        ],
      ).split('\n'),
    ).toEqual(['name        n', '---------  --', 'a           1', 'long name  22']);
  });
});
