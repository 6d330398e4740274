import type { CaseResult } from './case-result.js';
import { comparisonStatus, type RunComparison } from './compare-runs.js';
import { sourceOf } from './metrics.js';

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function describe(result: CaseResult): string {
  const lines = result.case.messages.map((message, index) => `${index}. ${message.role}: ${message.content}`);
  for (const item of result.evidence) {
    lines.push(
      `${item.fired ? 'fired' : 'under threshold'}: ${item.reason}${item.score === undefined ? '' : ` (${item.score.toFixed(2)})`} by ${item.source}${
        item.text ? ` "${item.text}"` : ''
      } - ${item.detail}`,
    );
  }
  if (result.case.note) lines.push(`note: ${result.case.note}`);
  return lines.join('\n');
}

const sinceBaseline = {
  'newly-missed': 'newly missed since the baseline: ',
  'newly-escalated': 'newly escalated since the baseline: ',
  fixed: 'fixed since the baseline',
} as const;

/** Options of {@link renderJunitReport}. */
export interface JunitReportOptions {
  /** `--compare`: marks newly missed, newly escalated and fixed cases. */
  comparison?: RunComparison;
}

/**
 * JUnit XML: one test suite per source, one test case per case. A miss (escalate case not
 * escalated) and a false escalation (handle case escalated) are failures; a case whose run
 * failed is an error. With a comparison, a changed case carries a `since-baseline` property
 * (`newly-missed`, `newly-escalated`, `fixed`), its failure message says so, and the types of
 * new failures are `new_missed_escalation` and `new_false_escalation`.
 */
export function renderJunitReport(
  results: readonly CaseResult[],
  suiteName = 'handrail-evals',
  { comparison }: JunitReportOptions = {},
): string {
  const status = comparison ? comparisonStatus(comparison) : new Map<string, keyof typeof sinceBaseline>();
  const bySource = new Map<string, CaseResult[]>();
  for (const result of results) {
    const source = sourceOf(result.case);
    bySource.set(source, [...(bySource.get(source) ?? []), result]);
  }
  const seconds = (ms: number) => (ms / 1000).toFixed(4);
  let failuresTotal = 0;
  let errorsTotal = 0;
  const suites: string[] = [];
  for (const [source, group] of bySource) {
    let failures = 0;
    let errors = 0;
    const testcases = group.map((result) => {
      const { case: evalCase } = result;
      const name = `${evalCase.id} [${evalCase.expect}: ${evalCase.reason}]`;
      const open = `    <testcase classname="${escapeXml(source)}" name="${escapeXml(name)}" time="${seconds(result.latencyMs)}"`;
      const changed = status.get(evalCase.id);
      const properties = changed
        ? `\n      <properties><property name="since-baseline" value="${changed}"/></properties>`
        : '';
      const prefix = changed && changed !== 'fixed' ? sinceBaseline[changed] : '';
      const newly = changed === 'newly-missed' || changed === 'newly-escalated' ? 'new_' : '';
      if (result.error !== undefined) {
        errors++;
        return `${open}>${properties}\n      <error message="${escapeXml(`${prefix}${result.error}`)}">${escapeXml(describe(result))}</error>\n    </testcase>`;
      }
      if (evalCase.expect === 'escalate' && !result.escalated) {
        failures++;
        return `${open}>${properties}\n      <failure type="${newly}missed_escalation" message="${escapeXml(
          `${prefix}not escalated; expected ${evalCase.reason}`,
        )}">${escapeXml(describe(result))}</failure>\n    </testcase>`;
      }
      if (evalCase.expect === 'handle' && result.escalated) {
        failures++;
        return `${open}>${properties}\n      <failure type="${newly}false_escalation" message="${escapeXml(
          `${prefix}escalated for ${result.firedReason ?? 'unknown'}; expected handle`,
        )}">${escapeXml(describe(result))}</failure>\n    </testcase>`;
      }
      if (changed === 'fixed') {
        return `${open}>${properties}\n      <system-out>${sinceBaseline.fixed}</system-out>\n    </testcase>`;
      }
      return `${open}/>`;
    });
    failuresTotal += failures;
    errorsTotal += errors;
    const time = group.reduce((sum, result) => sum + result.latencyMs, 0);
    suites.push(
      `  <testsuite name="${escapeXml(source)}" tests="${group.length}" failures="${failures}" errors="${errors}" skipped="0" time="${seconds(time)}">\n${testcases.join('\n')}\n  </testsuite>`,
    );
  }
  const totalTime = results.reduce((sum, result) => sum + result.latencyMs, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${escapeXml(suiteName)}" tests="${results.length}" failures="${failuresTotal}" errors="${errorsTotal}" time="${seconds(totalTime)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
