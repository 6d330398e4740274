/**
 * Compares two reports of `npm run bench -- --json <file>` figure by figure:
 *
 *   npx tsx bench/compare-reports.ts first.json second.json [--tolerance 0.15]
 *
 * Prints each headline figure of both runs and their relative difference, and exits 1 when
 * any differs by more than the tolerance. A figure that is itself a difference against the
 * baseline (the added latency, about a millisecond measured in half milliseconds) is compared
 * relative to that baseline: 0.5 ms more on a 20 ms p50 is a 2.5% change, not 50%.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type BenchReport, formatTable } from './report.js';
import { relativeDifference } from './stats.js';

/** One compared figure. */
export interface FigureComparison {
  figure: string;
  first: number | null;
  second: number | null;
  relativeDifference: number | null;
  withinTolerance: boolean | null;
}

/** The figures compared, each read from a report. */
export const comparedFigures: Record<string, (report: BenchReport) => number | null> = {
  overheadRatio: (report) => report.overheadRatio,
  cpuOverheadRatio: (report) => report.cpuOverheadRatio,
  handrailRequestsPerSecond: (report) => report.details.overhead.handrail.requestsPerSecond,
  bareRequestsPerSecond: (report) => report.details.overhead.bare.requestsPerSecond,
  addedLatencyMsP50: (report) => report.addedLatencyMsP50,
  firstTokenStreamMsP50: (report) =>
    report.details.firstToken.rows.find((row) => row.name === 'handrail-stream')?.p50Ms ?? null,
  firstTokenHoldMsP50: (report) =>
    report.details.firstToken.rows.find((row) => row.name === 'handrail-hold')?.p50Ms ?? null,
  guardP50Ms: (report) => report.details.guard.p50Ms,
  guardP99Ms: (report) => report.guardP99Ms,
  evalCasesPerSecond: (report) => report.evalCasesPerSecond,
  bytesPerConversation: (report) => report.bytesPerConversation,
  workerBundleGzipBytes: (report) => report.workerBundleGzipBytes,
};

/** For figures that are differences against a baseline: the baseline they are compared relative to. */
export const comparedBaselines: Partial<Record<keyof typeof comparedFigures, (report: BenchReport) => number | null>> =
  {
    addedLatencyMsP50: (report) => report.details.overhead.bare.latencyP50Ms,
  };

/** Compares the {@link comparedFigures} of two reports. */
export function compareReports(first: BenchReport, second: BenchReport, tolerance = 0.15): FigureComparison[] {
  return Object.entries(comparedFigures).map(([figure, read]) => {
    const a = read(first);
    const b = read(second);
    const baseline = comparedBaselines[figure];
    const difference =
      a === null || b === null
        ? null
        : baseline
          ? differenceAgainst(a, b, baseline(first), baseline(second))
          : relativeDifference(a, b);
    return {
      figure,
      first: a,
      second: b,
      relativeDifference: difference,
      withinTolerance: difference === null ? null : difference <= tolerance,
    };
  });
}

/** |a - b| relative to the mean of the two runs' baselines. */
function differenceAgainst(
  a: number,
  b: number,
  firstBaseline: number | null,
  secondBaseline: number | null,
): number | null {
  if (firstBaseline === null || secondBaseline === null) return null;
  const scale = (Math.abs(firstBaseline) + Math.abs(secondBaseline)) / 2;
  if (!Number.isFinite(a - b) || !(scale > 0)) return null;
  return Math.abs(a - b) / scale;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({
    options: { tolerance: { type: 'string', default: '0.15' } },
    allowPositionals: true,
  });
  const [firstFile, secondFile] = positionals;
  if (!firstFile || !secondFile) {
    console.error('usage: npx tsx bench/compare-reports.ts first.json second.json [--tolerance 0.15]');
    process.exit(2);
  }
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as BenchReport;
  const tolerance = Number(values.tolerance);
  const rows = compareReports(read(firstFile), read(secondFile), tolerance);
  const show = (value: number | null) => (value === null ? 'n/a' : String(Number(value.toPrecision(4))));
  console.log(
    formatTable([
      ['Figure', 'Run 1', 'Run 2', 'Difference', `Within ${Math.round(tolerance * 100)}%`],
      ...rows.map((row) => [
        row.figure,
        show(row.first),
        show(row.second),
        row.relativeDifference === null ? 'n/a' : `${(row.relativeDifference * 100).toFixed(1)}%`,
        row.withinTolerance === null ? 'n/a' : row.withinTolerance ? 'yes' : 'NO',
      ]),
    ]),
  );
  process.exit(rows.some((row) => row.withinTolerance === false) ? 1 : 0);
}
