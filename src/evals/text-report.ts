import type { CaseChange, RunComparison } from './compare-runs.js';
import type { EvalReport, Rate } from './metrics.js';
import type { ReplayReport } from './replay.js';
import type { WeekRates } from './weekly-rates.js';

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
const interval = ([low, high]: [number, number]) => `[${percent(low)}, ${percent(high)}]`;

/** Lays out rows as a plain-text table with aligned columns; numeric-looking cells align right. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const numeric = /^[\d.,%[\]\s/n-]+$|^n\/a$/;
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return column > 0 && numeric.test(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** The terminal summary of a run: headline rates, per reason, per source, latency and the first misses. */
export function renderTextReport(
  report: EvalReport,
  { maxListed = 15, comparison }: { maxListed?: number; comparison?: RunComparison } = {},
): string {
  const out: string[] = [];
  const fner = report.falseNonEscalationRate;
  const fer = report.falseEscalationRate;
  out.push(
    `cases ${report.cases} (escalate ${report.escalateCases}, handle ${report.handleCases})${
      report.errors.length ? `, ${report.errors.length} errors` : ''
    }`,
    `false non-escalation rate  ${percent(fner.rate)}  ${fner.count}/${fner.total}  95% CI ${interval(fner.interval)}`,
    `false escalation rate      ${percent(fer.rate)}  ${fer.count}/${fer.total}  95% CI ${interval(fer.interval)}`,
    `latency per case           p50 ${report.latency.p50Ms.toFixed(2)} ms  p99 ${report.latency.p99Ms.toFixed(2)} ms`,
    '',
  );
  const reasonRows = Object.entries(report.byReason).map(([reason, metrics]) => [
    reason,
    String(metrics.cases),
    String(metrics.missed),
    percent(metrics.recall),
    interval(metrics.interval),
    String(metrics.otherReason),
  ]);
  if (reasonRows.length > 0) {
    out.push(formatTable(['reason', 'cases', 'missed', 'recall', '95% CI', 'other reason'], reasonRows), '');
  }
  const sourceRows = Object.entries(report.bySource).map(([source, metrics]) => [
    source.length > 48 ? `…${source.slice(-47)}` : source,
    `${metrics.missed}/${metrics.escalateCases}`,
    percent(metrics.falseNonEscalationRate.rate),
    `${metrics.falseEscalations}/${metrics.handleCases}`,
    percent(metrics.falseEscalationRate.rate),
  ]);
  out.push(formatTable(['source', 'missed', 'FNER', 'false esc.', 'FER'], sourceRows), '');
  if (report.byWeek) out.push(renderWeeklyText(report.byWeek), '');
  const listed = (title: string, entries: EvalReport['misses']) => {
    if (entries.length === 0) return;
    out.push(`${title} (${entries.length}${entries.length > maxListed ? `, first ${maxListed}` : ''}):`);
    for (const entry of entries.slice(0, maxListed)) {
      const last = entry.messages.filter((message) => message.role === 'user').at(-1)?.content ?? '';
      const best = entry.evidence[0];
      out.push(
        `  ${entry.id} [${entry.expectedReason} -> ${entry.firedReason ?? 'none'}] ${JSON.stringify(last.slice(0, 90))}${
          best
            ? `  (${best.reason}${best.score === undefined ? '' : ` ${best.score.toFixed(2)}`}${best.text ? ` "${best.text}"` : ''})`
            : ''
        }${entry.error ? `  error: ${entry.error}` : ''}`,
      );
    }
    out.push('');
  };
  listed('misses', report.misses);
  listed('false escalations', report.falseEscalations);
  listed('errors', report.errors);
  if (comparison) out.push(renderComparisonText(comparison, { maxListed }), '');
  return out.join('\n');
}

/** The `--compare` summary: counts of newly missed, newly escalated and fixed cases, and the first of each. */
export function renderComparisonText(
  comparison: RunComparison,
  { maxListed = 15 }: { maxListed?: number } = {},
): string {
  const out = [
    `since the baseline: ${comparison.newlyMissed.length} newly missed, ${comparison.newlyEscalated.length} newly escalated, ${comparison.fixed.length} fixed${
      comparison.perCaseBaseline
        ? ` (${comparison.added} new cases, ${comparison.removed} baseline cases absent)`
        : ' (baseline without per-case outcomes: cases absent from its lists count as right there)'
    }`,
  ];
  const listed = (title: string, changes: readonly CaseChange[]) => {
    if (changes.length === 0) return;
    out.push(`${title} (${changes.length}${changes.length > maxListed ? `, first ${maxListed}` : ''}):`);
    for (const change of changes.slice(0, maxListed)) {
      out.push(
        `  ${change.id} [${change.expectedReason} -> ${change.firedReason ?? 'none'}] ${JSON.stringify(change.lastUserText.slice(0, 90))}`,
      );
    }
  };
  listed('newly missed', comparison.newlyMissed);
  listed('newly escalated', comparison.newlyEscalated);
  listed('fixed', comparison.fixed);
  return out.join('\n');
}

/** The terminal listing of a transcript replay. */
export function renderReplayText(report: ReplayReport): string {
  const out = [
    `conversations ${report.conversations}: ${report.handedOff} handed off, ${report.neverHandedOff} never handed off, ${report.shouldHaveEscalated.length} of those should have been`,
  ];
  for (const finding of report.shouldHaveEscalated) {
    const best = finding.evidence[0];
    out.push(
      `  ${finding.id} (${finding.state ?? 'unknown state'}, ${finding.turns} turns): ${finding.firedReason} at turn ${finding.escalatedAtTurn} ${JSON.stringify(
        finding.userText.slice(0, 100),
      )}${best?.text ? ` evidence "${best.text}"` : ''}${best ? ` - ${best.detail}` : ''}`,
    );
  }
  return out.join('\n');
}

/** The per-week table of judged production cases: production's rates and this run's, with 95% intervals. */
export function renderWeeklyText(weeks: readonly WeekRates[]): string {
  const cell = (value: Rate) => `${percent(value.rate)} ${value.count}/${value.total} ${interval(value.interval)}`;
  const rows = weeks.map((week) => [
    week.week,
    String(week.cases),
    cell(week.production.falseNonEscalationRate),
    cell(week.production.falseEscalationRate),
    cell(week.run.falseNonEscalationRate),
    cell(week.run.falseEscalationRate),
  ]);
  return `per week of judgement (production = what happened live, run = this run on the same cases):\n${formatTable(
    ['week', 'cases', 'production FNER', 'production FER', 'run FNER', 'run FER'],
    rows,
  )}`;
}
