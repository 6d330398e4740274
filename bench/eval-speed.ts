import { resolve } from 'node:path';
import { createGuardRunner, loadDataset, loadScope, runEval } from '../src/evals/index.js';
import { createGuard } from '../src/guard/index.js';
import { median } from './stats.js';

/** Result of {@link measureEvalSpeed}. */
export interface EvalSpeedResult {
  dataset: string;
  cases: number;
  scopeUtterances: number;
  /** Median cases per second over the timed passes. */
  casesPerSecond: number;
  /** Cases per second of each timed pass. */
  passes: number[];
  /** Milliseconds to build the guard (scope index) once, not counted in the passes. */
  guardBuildMs: number;
  escalated: number;
  errors: number;
}

/**
 * Guard-only evaluation speed: every case of `all_dev.jsonl` through `runEval` with
 * `createGuardRunner` and one guard built over the CLINC150 scope, the way `npm run eval` runs it.
 * One untimed warm-up pass, then `passes` timed passes.
 */
export async function measureEvalSpeed(
  evaldata: string,
  { passes = 3 }: { passes?: number } = {},
): Promise<EvalSpeedResult> {
  const dataset = resolve(evaldata, 'all_dev.jsonl');
  const { cases } = await loadDataset([dataset], { strict: true });
  const { utterances } = await loadScope([resolve(evaldata, 'clinc150_scope.jsonl')], { strict: true });
  const built = performance.now();
  const guard = createGuard({ scope: { utterances: utterances.map((utterance) => utterance.text) } });
  const guardBuildMs = performance.now() - built;
  const runner = createGuardRunner(() => guard);
  let results = await runEval(cases, runner);
  const speeds: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    results = await runEval(cases, runner);
    speeds.push(cases.length / ((performance.now() - started) / 1000));
  }
  return {
    dataset: 'all_dev.jsonl',
    cases: cases.length,
    scopeUtterances: utterances.length,
    casesPerSecond: median(speeds),
    passes: speeds,
    guardBuildMs,
    escalated: results.filter((result) => result.escalated).length,
    errors: results.filter((result) => result.error !== undefined).length,
  };
}
