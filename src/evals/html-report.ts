import type { CaseChange, RunComparison } from './compare-runs.js';
import type { CaseReportEntry, EvalReport, Rate } from './metrics.js';
import type { OperatingCurve } from './operating-curve.js';
import { renderOperatingCurveSvg } from './operating-curve-report.js';
import { renderThresholdTargetText, type ThresholdTarget } from './threshold-target.js';
import type { WeekRates } from './weekly-rates.js';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
const intervalText = ([low, high]: [number, number]) => `${percent(low)}–${percent(high)}`;
const rateText = (value: Rate) =>
  `${percent(value.rate)} (${value.count}/${value.total}; 95% CI ${intervalText(value.interval)})`;

/** A bar of a chart: a proportion with its interval. */
export interface ChartBar {
  label: string;
  value: number | null;
  interval: [number, number];
  /** Shown after the bar, e.g. `12/40`. */
  caption: string;
}

function shorten(label: string, max = 34): string {
  return label.length <= max ? label : `…${label.slice(label.length - max + 1)}`;
}

/**
 * A horizontal bar chart as inline SVG: one bar per entry, 0..100% on the x axis, the 95%
 * interval drawn as an error bar with caps.
 */
export function renderBarChart(title: string, bars: readonly ChartBar[], color: string): string {
  const labelWidth = 240;
  const plotWidth = 420;
  const captionWidth = 130;
  const rowHeight = 26;
  const top = 30;
  const height = top + bars.length * rowHeight + 30;
  const width = labelWidth + plotWidth + captionWidth;
  const x = (value: number) => labelWidth + value * plotWidth;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
  );
  parts.push(`<title>${escapeHtml(title)}</title>`);
  parts.push(`<text x="0" y="16" class="chart-title">${escapeHtml(title)}</text>`);
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const tickX = x(tick).toFixed(1);
    parts.push(
      `<line x1="${tickX}" y1="${top - 4}" x2="${tickX}" y2="${height - 26}" class="grid"/>`,
      `<text x="${tickX}" y="${height - 10}" text-anchor="middle" class="tick">${tick * 100}%</text>`,
    );
  }
  for (const [index, bar] of bars.entries()) {
    const y = top + index * rowHeight;
    const middle = y + rowHeight / 2;
    parts.push(
      `<text x="${labelWidth - 8}" y="${middle + 4}" text-anchor="end" class="label"><title>${escapeHtml(bar.label)}</title>${escapeHtml(shorten(bar.label))}</text>`,
    );
    if (bar.value !== null) {
      parts.push(
        `<rect x="${labelWidth}" y="${y + 5}" width="${(bar.value * plotWidth).toFixed(1)}" height="${rowHeight - 10}" fill="${color}"/>`,
      );
      const [low, high] = bar.interval;
      parts.push(
        `<line x1="${x(low).toFixed(1)}" y1="${middle}" x2="${x(high).toFixed(1)}" y2="${middle}" class="err"/>`,
        `<line x1="${x(low).toFixed(1)}" y1="${middle - 5}" x2="${x(low).toFixed(1)}" y2="${middle + 5}" class="err"/>`,
        `<line x1="${x(high).toFixed(1)}" y1="${middle - 5}" x2="${x(high).toFixed(1)}" y2="${middle + 5}" class="err"/>`,
      );
    }
    parts.push(
      `<text x="${labelWidth + plotWidth + 8}" y="${middle + 4}" class="caption">${escapeHtml(`${percent(bar.value)} ${bar.caption}`)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

const style = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#1b1f24;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.6rem 0;font-variant-numeric:tabular-nums}
th,td{border:1px solid #d0d7de;padding:.25rem .55rem;text-align:left;vertical-align:top}th{background:#f6f8fa}
td.num{text-align:right}.muted{color:#57606a}.bad{color:#b42318;font-weight:600}.ok{color:#1a7f37;font-weight:600}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #d0d7de;border-radius:6px;padding:.7rem 1rem;min-width:230px}
.scroll{overflow-x:auto}.card .big{font-size:1.7rem;font-weight:600}
svg{max-width:100%;height:auto;font:12px system-ui,sans-serif}.chart-title{font-weight:600;font-size:13px}
.grid{stroke:#d0d7de;stroke-width:1}.tick,.caption{fill:#57606a}.label{fill:#1b1f24}.err{stroke:#1b1f24;stroke-width:1.5}
details{border:1px solid #d0d7de;border-radius:6px;margin:.4rem 0;padding:.3rem .7rem}summary{cursor:pointer}
.turn{margin:.2rem 0;white-space:pre-wrap}.turn b{display:inline-block;min-width:5.5rem}
.evidence{font-size:.92em;margin:.3rem 0 .2rem}code{background:#f6f8fa;padding:0 .2rem;border-radius:3px}
@media print{details{break-inside:avoid}}
`;

function snippet(entry: CaseReportEntry): string {
  return snippetText(entry.messages.filter((message) => message.role === 'user').at(-1)?.content ?? '');
}

function caseDetails(entry: CaseReportEntry): string {
  const turns = entry.messages
    .map(
      (message, index) =>
        `<div class="turn"><b>${index}. ${escapeHtml(message.role)}</b>${escapeHtml(message.content)}</div>`,
    )
    .join('');
  const evidence =
    entry.evidence.length === 0
      ? '<li class="muted">no signal</li>'
      : entry.evidence
          .map(
            (item) =>
              `<li>${item.fired ? 'fired' : 'under threshold'}: <code>${escapeHtml(item.reason)}</code> ${
                item.score === undefined ? '' : `score ${item.score.toFixed(2)} `
              }by ${escapeHtml(item.source)}${item.turn === undefined ? '' : ` at turn ${item.turn}`}${
                item.text ? ` — “${escapeHtml(item.text)}”` : ''
              } <span class="muted">${escapeHtml(item.detail)}</span></li>`,
          )
          .join('');
  return `<details><summary><code>${escapeHtml(entry.id)}</code> expected <b>${escapeHtml(entry.expectedReason)}</b>, fired <b>${escapeHtml(
    entry.firedReason ?? 'none',
  )}</b> <span class="muted">${escapeHtml(entry.source)}</span> — ${escapeHtml(snippet(entry))}</summary>${
    entry.note ? `<p class="muted">Note: ${escapeHtml(entry.note)}</p>` : ''
  }${entry.error ? `<p class="bad">Error: ${escapeHtml(entry.error)}</p>` : ''}${turns}<ul class="evidence">${evidence}</ul></details>`;
}

/** Facts about the run shown in the report header. */
export interface ReportContext {
  title?: string;
  datasets?: string[];
  mode?: string;
  generatedAt?: string;
  /** `--compare`: the cases that changed since the baseline run. */
  comparison?: RunComparison;
  /** `--curve`: the guard's decisions swept over its thresholds. */
  curve?: OperatingCurve;
  /** `--target-false-escalation`: the thresholds that reach it. */
  target?: ThresholdTarget;
}

function changeList(title: string, changes: readonly CaseChange[], className: string): string {
  if (changes.length === 0) return `<h3>${escapeHtml(title)} (0)</h3><p class="muted">None.</p>`;
  const rows = changes
    .map(
      (change) =>
        `<tr><td><code>${escapeHtml(change.id)}</code></td><td>${escapeHtml(change.source)}</td><td>${escapeHtml(
          change.expectedReason,
        )}</td><td>${escapeHtml(change.firedReason ?? 'none')}</td><td>${escapeHtml(snippetText(change.lastUserText))}</td></tr>`,
    )
    .join('');
  return `<h3 class="${className}">${escapeHtml(title)} (${changes.length})</h3><table><thead><tr><th>case</th><th>source</th><th>expected</th><th>fired now</th><th>last user message</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The `--compare` section: newly missed, newly escalated and fixed cases. */
function comparisonSection(comparison: RunComparison): string {
  const note = comparison.perCaseBaseline
    ? `${comparison.added} case(s) not in the baseline, ${comparison.removed} baseline case(s) not in this run.`
    : 'The baseline report has no per-case outcomes: cases absent from its misses and false escalations count as handled right there.';
  return `<h2>Since the baseline</h2><p class="muted">${escapeHtml(note)}</p>
${changeList('Newly missed', comparison.newlyMissed, 'bad')}
${changeList('Newly escalated', comparison.newlyEscalated, 'bad')}
${changeList('Fixed', comparison.fixed, 'ok')}`;
}

/** The `--curve` section: the chart, each line's points, and the `--target-false-escalation` result. */
function curveSection(curve: OperatingCurve, target: ThresholdTarget | undefined): string {
  const tables = curve.lines
    .map((line) => {
      const rows = line.points
        .map(
          (point) =>
            `<tr${point.value === line.baseValue ? ' class="ok"' : ''}><td class="num">${point.value.toFixed(2)}</td><td>${rateText(
              point.falseEscalationRate,
            )}</td><td>${rateText(point.falseNonEscalationRate)}</td><td class="num">${point.missedOfReason.count}/${point.missedOfReason.total}</td></tr>`,
        )
        .join('');
      return `<details><summary><code>${escapeHtml(line.parameter)}</code> (in the run ${line.baseValue.toFixed(2)})</summary><table><thead><tr><th>value</th><th>false escalation</th><th>missed</th><th>missed ${escapeHtml(line.reason)}</th></tr></thead><tbody>${rows}</tbody></table></details>`;
    })
    .join('\n');
  return `<h2>Operating curve</h2><p class="muted">The guard alone, one threshold moved at a time, the others as in the run; the ringed point is the run's setting. Thresholds chosen here are tuned on these cases: confirm them on cases you did not tune on.</p>
${curve.lines.length ? renderOperatingCurveSvg(curve) : '<p class="muted">No threshold to sweep: the guard reported no signal.</p>'}
${tables}
${target ? `<h3>Target false escalation rate</h3><pre>${escapeHtml(renderThresholdTargetText(target, curve.baseThresholds))}</pre>` : ''}`;
}

function snippetText(text: string): string {
  return text.length > 90 ? `“${text.slice(0, 89)}…”` : `“${text}”`;
}

/**
 * A single self-contained HTML file: inline CSS and inline SVG charts (recall per reason
 * with interval error bars, false escalation per source), the tables and the misses
 * list. No scripts, fonts or other external resources: it reads offline.
 */
export function renderHtmlReport(report: EvalReport, context: ReportContext = {}): string {
  const title = context.title ?? 'Handrail escalation eval';
  const reasonBars: ChartBar[] = Object.entries(report.byReason).map(([reason, metrics]) => ({
    label: reason,
    value: metrics.recall,
    interval: metrics.interval,
    caption: `${metrics.cases - metrics.missed}/${metrics.cases}`,
  }));
  const sourceBars: ChartBar[] = Object.entries(report.bySource)
    .filter(([, metrics]) => metrics.handleCases > 0)
    .map(([source, metrics]) => ({
      label: source,
      value: metrics.falseEscalationRate.rate,
      interval: metrics.falseEscalationRate.interval,
      caption: `${metrics.falseEscalations}/${metrics.handleCases}`,
    }));
  const fired = [...new Set(Object.values(report.confusion).flatMap((row) => Object.keys(row)))].sort((a, b) =>
    a === 'none' ? 1 : b === 'none' ? -1 : a.localeCompare(b),
  );
  const confusionRows = Object.entries(report.confusion)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([expected, row]) =>
        `<tr><th>${escapeHtml(expected)}</th>${fired
          .map((name) => `<td class="num${name === expected ? ' ok' : ''}">${row[name] ?? ''}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  const reasonRows = Object.entries(report.byReason)
    .map(
      ([reason, metrics]) =>
        `<tr><td>${escapeHtml(reason)}</td><td class="num">${metrics.cases}</td><td class="num">${metrics.missed}</td><td class="num">${percent(
          metrics.recall,
        )}</td><td>${intervalText(metrics.interval)}</td><td class="num">${metrics.otherReason}</td></tr>`,
    )
    .join('');
  const sourceRows = Object.entries(report.bySource)
    .map(
      ([source, metrics]) =>
        `<tr><td>${escapeHtml(source)}</td><td class="num">${metrics.escalateCases}</td><td class="num">${metrics.missed}</td><td>${
          metrics.escalateCases === 0 ? 'n/a' : rateText(metrics.falseNonEscalationRate)
        }</td><td class="num">${metrics.handleCases}</td><td class="num">${metrics.falseEscalations}</td><td>${
          metrics.handleCases === 0 ? 'n/a' : rateText(metrics.falseEscalationRate)
        }</td></tr>`,
    )
    .join('');
  const meta = [
    context.mode ? `mode <b>${escapeHtml(context.mode)}</b>` : '',
    context.datasets?.length
      ? `datasets ${context.datasets.map((file) => `<code>${escapeHtml(file)}</code>`).join(', ')}`
      : '',
    context.generatedAt ? `generated ${escapeHtml(context.generatedAt)}` : '',
  ]
    .filter(Boolean)
    .join(' · ');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${style}</style></head><body>
<h1>${escapeHtml(title)}</h1><p class="muted">${meta}</p>
<div class="cards">
<div class="card"><div class="muted">False non-escalation rate</div><div class="big">${percent(report.falseNonEscalationRate.rate)}</div><div>${report.falseNonEscalationRate.count}/${report.falseNonEscalationRate.total} escalate cases missed; 95% CI ${intervalText(report.falseNonEscalationRate.interval)}</div></div>
<div class="card"><div class="muted">False escalation rate</div><div class="big">${percent(report.falseEscalationRate.rate)}</div><div>${report.falseEscalationRate.count}/${report.falseEscalationRate.total} handle cases escalated; 95% CI ${intervalText(report.falseEscalationRate.interval)}</div></div>
<div class="card"><div class="muted">Latency per case</div><div class="big">${report.latency.p50Ms.toFixed(2)} ms</div><div>p50; p99 ${report.latency.p99Ms.toFixed(2)} ms; ${report.cases} cases${report.errors.length ? `; <span class="bad">${report.errors.length} errors</span>` : ''}</div></div>
</div>
<h2>Recall per reason</h2>
${reasonBars.length ? renderBarChart('Recall on escalate cases per expected reason (95% Wilson interval)', reasonBars, '#4f7cac') : '<p class="muted">No escalate cases.</p>'}
<table><thead><tr><th>reason</th><th>cases</th><th>missed</th><th>recall</th><th>95% CI</th><th>escalated for another reason</th></tr></thead><tbody>${reasonRows}</tbody></table>
<h2>Per source</h2>
${sourceBars.length ? renderBarChart('False escalation rate on handle cases per source (95% Wilson interval)', sourceBars, '#c9733a') : '<p class="muted">No handle cases.</p>'}
<table><thead><tr><th>source</th><th>escalate cases</th><th>missed</th><th>false non-escalation</th><th>handle cases</th><th>escalated</th><th>false escalation</th></tr></thead><tbody>${sourceRows}</tbody></table>
${report.byWeek ? weeklySection(report.byWeek) : ''}
<h2>Expected reason vs reason that fired</h2>
<div class="scroll"><table><thead><tr><th>expected \\ fired</th>${fired.map((name) => `<th>${escapeHtml(name)}</th>`).join('')}</tr></thead><tbody>${confusionRows}</tbody></table></div>
<h2>Misses (${report.misses.length})</h2>
${report.misses.map(caseDetails).join('\n') || '<p class="muted">None.</p>'}
<h2>False escalations (${report.falseEscalations.length})</h2>
${report.falseEscalations.map(caseDetails).join('\n') || '<p class="muted">None.</p>'}
${report.errors.length ? `<h2>Errors (${report.errors.length})</h2>${report.errors.map(caseDetails).join('\n')}` : ''}
${context.comparison ? comparisonSection(context.comparison) : ''}
${context.curve ? curveSection(context.curve, context.target) : ''}
</body></html>
`;
}

/** The per-week section of judged production cases: production's error rates and this run's, with intervals. */
function weeklySection(weeks: readonly WeekRates[]): string {
  const rows = weeks
    .map(
      (week) =>
        `<tr><td>${escapeHtml(week.week)}</td><td class="num">${week.cases}</td><td>${rateText(week.production.falseNonEscalationRate)}</td><td>${rateText(week.production.falseEscalationRate)}</td><td>${rateText(week.run.falseNonEscalationRate)}</td><td>${rateText(week.run.falseEscalationRate)}</td></tr>`,
    )
    .join('');
  return `<h2>Per week of judgement</h2><p class="muted">Cases exported from production judgements (<code>handrail export-cases</code>), by the ISO week the agent or reviewer judged them. Production: what happened live (a missed escalation is a conversation the bot kept that a reviewer flagged; a false escalation a handoff an agent judged needless). Run: this run on the same cases.</p>
<div class="scroll"><table><thead><tr><th>week</th><th>cases</th><th>production false non-escalation</th><th>production false escalation</th><th>run false non-escalation</th><th>run false escalation</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
