import type { CaseResult, CaseRunner } from './case-result.js';
import type { EvalCase } from './eval-case.js';

/** Options of {@link runEval}. */
export interface RunEvalOptions {
  /** Cases run at the same time. @default 1 */
  concurrency?: number;
  /** Called after each case finishes, with how many are done. */
  onProgress?: (done: number, total: number, result: CaseResult) => void;
  /** Monotonic clock in milliseconds, injected for tests. @default performance.now */
  now?: () => number;
}

/**
 * Runs every case through `runner`, at most `concurrency` at a time, timing each. A runner
 * that throws does not stop the run: its case is recorded as not escalated, with the error.
 * Results keep the order of `cases`.
 */
export async function runEval(
  cases: readonly EvalCase[],
  runner: CaseRunner,
  { concurrency = 1, onProgress, now = () => performance.now() }: RunEvalOptions = {},
): Promise<CaseResult[]> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer (got ${concurrency})`);
  }
  const results: CaseResult[] = new Array(cases.length);
  let next = 0;
  let done = 0;

  async function worker(): Promise<void> {
    while (next < cases.length) {
      const index = next++;
      const evalCase = cases[index]!;
      const started = now();
      let result: CaseResult;
      try {
        const outcome = await runner(evalCase);
        result = { ...outcome, case: evalCase, latencyMs: now() - started };
      } catch (error) {
        result = {
          case: evalCase,
          escalated: false,
          firedReason: null,
          escalatedAtTurn: null,
          evidence: [],
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          latencyMs: now() - started,
        };
      }
      results[index] = result;
      done++;
      onProgress?.(done, cases.length, result);
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, cases.length) }, worker));
  return results;
}
