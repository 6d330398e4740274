import type { CurveLine, CurvePoint, OperatingCurve } from './operating-curve.js';
import { formatTable } from './text-report.js';

const percent = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);

const escapeSvgText = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const tickText = (value: number) => `${Number((value * 100).toFixed(1))}%`;

/** Colours of the curve lines, one per swept parameter (cycled). */
const palette = ['#4f7cac', '#c9733a', '#3a9c6b', '#9c3a8a', '#b8a23a', '#3a8f9c', '#8a5a3a', '#5a5a9c', '#9c3a3a'];

/** The smallest of 5%, 10%, 25%, 50%, 100% that holds `value`. */
function axisMax(value: number): number {
  return [0.05, 0.1, 0.25, 0.5, 1].find((limit) => value <= limit) ?? 1;
}

function basePoint(line: CurveLine): CurvePoint | undefined {
  return line.points.find((point) => point.value === line.baseValue);
}

function pointTitle(line: CurveLine, point: CurvePoint): string {
  const fer = point.falseEscalationRate;
  const fner = point.falseNonEscalationRate;
  return `${line.parameter} = ${point.value.toFixed(2)}${point.value === line.baseValue ? ' (the run)' : ''}: false escalation ${percent(fer.rate)} (${fer.count}/${fer.total}), missed ${percent(fner.rate)} (${fner.count}/${fner.total}), missed ${line.reason} ${point.missedOfReason.count}/${point.missedOfReason.total}`;
}

/**
 * The operating curve as inline SVG: x the false escalation rate, y the false non-escalation
 * (missed) rate, one polyline per swept threshold, every point titled with its value and
 * counts, the run's setting ringed. The axes zoom to the rates seen.
 */
export function renderOperatingCurveSvg(curve: OperatingCurve): string {
  const rates = curve.lines.flatMap((line) => line.points);
  const xMax = axisMax(Math.max(0, ...rates.map((point) => point.falseEscalationRate.rate ?? 0)));
  const yMax = axisMax(Math.max(0, ...rates.map((point) => point.falseNonEscalationRate.rate ?? 0)));
  const [left, top, plotWidth, plotHeight, legendWidth] = [60, 30, 520, 340, 230];
  const width = left + plotWidth + 20 + legendWidth;
  const height = top + plotHeight + 50;
  const x = (value: number | null) => (left + ((value ?? 0) / xMax) * plotWidth).toFixed(1);
  const y = (value: number | null) => (top + plotHeight - ((value ?? 0) / yMax) * plotHeight).toFixed(1);
  const title = 'Missed vs false escalation as each threshold moves (the guard alone)';
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeSvgText(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escapeSvgText(title)}</title><text x="0" y="16" class="chart-title">${escapeSvgText(title)}</text>`,
  ];
  for (const tick of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
    parts.push(
      `<line x1="${x(tick * xMax)}" y1="${top}" x2="${x(tick * xMax)}" y2="${top + plotHeight}" class="grid"/>`,
      `<text x="${x(tick * xMax)}" y="${top + plotHeight + 16}" text-anchor="middle" class="tick">${tickText(tick * xMax)}</text>`,
      `<line x1="${left}" y1="${y(tick * yMax)}" x2="${left + plotWidth}" y2="${y(tick * yMax)}" class="grid"/>`,
      `<text x="${left - 6}" y="${Number(y(tick * yMax)) + 4}" text-anchor="end" class="tick">${tickText(tick * yMax)}</text>`,
    );
  }
  parts.push(
    `<text x="${left + plotWidth / 2}" y="${height - 6}" text-anchor="middle" class="label">false escalation rate (handle cases escalated)</text>`,
    `<text x="14" y="${top + plotHeight / 2}" text-anchor="middle" class="label" transform="rotate(-90 14 ${top + plotHeight / 2})">missed (escalate cases not escalated)</text>`,
  );
  curve.lines.forEach((line, index) => {
    const color = palette[index % palette.length]!;
    const path = line.points
      .map((point) => `${x(point.falseEscalationRate.rate)},${y(point.falseNonEscalationRate.rate)}`)
      .join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="1.5" class="curve"/>`);
    for (const point of line.points) {
      const ring = point.value === line.baseValue;
      parts.push(
        `<circle cx="${x(point.falseEscalationRate.rate)}" cy="${y(point.falseNonEscalationRate.rate)}" r="${ring ? 5 : 3}" fill="${ring ? '#fff' : color}" stroke="${ring ? '#1b1f24' : color}" stroke-width="${ring ? 2 : 1}"><title>${escapeSvgText(pointTitle(line, point))}</title></circle>`,
      );
    }
    const legendY = top + index * 20;
    parts.push(
      `<line x1="${left + plotWidth + 20}" y1="${legendY + 6}" x2="${left + plotWidth + 40}" y2="${legendY + 6}" stroke="${color}" stroke-width="3"/>`,
      `<text x="${left + plotWidth + 46}" y="${legendY + 10}" class="label">${escapeSvgText(line.parameter)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** One row per swept parameter: its value in the run, the range it was swept over and both rates at its ends. */
export function renderOperatingCurveText(curve: OperatingCurve): string {
  if (curve.lines.length === 0) return 'operating curve: no threshold to sweep (the guard reported no signal)';
  const rows = curve.lines.map((line) => {
    const first = line.points[0];
    const last = line.points.at(-1);
    const base = basePoint(line);
    const pair = (point: CurvePoint | undefined) =>
      point ? `${percent(point.falseEscalationRate.rate)} / ${percent(point.falseNonEscalationRate.rate)}` : 'n/a';
    return [
      line.parameter,
      line.baseValue.toFixed(2),
      pair(base),
      `${first?.value.toFixed(2)}: ${pair(first)}`,
      `${last?.value.toFixed(2)}: ${pair(last)}`,
    ];
  });
  return `operating curve (guard alone; false escalation / missed):\n${formatTable(
    ['parameter', 'run', 'at the run', 'lowest', 'highest'],
    rows,
  )}`;
}
