import type { CaseResult } from '../../src/evals/case-result.js';
import type { EvalCase } from '../../src/evals/eval-case.js';

/** A one-turn case for metric tests. */
export function makeCase(
  id: string,
  expect: 'escalate' | 'handle',
  reason: EvalCase['reason'],
  source = 'alpha',
): EvalCase {
  return { id, source, messages: [{ role: 'user', content: `message of ${id}` }], expect, reason, note: 'test' };
}

/** A result of a case, escalated for `fired` or not escalated when `fired` is null. */
export function makeResult(evalCase: EvalCase, fired: CaseResult['firedReason'], latencyMs = 1): CaseResult {
  return {
    case: evalCase,
    escalated: fired !== null,
    firedReason: fired,
    escalatedAtTurn: fired === null ? null : 0,
    evidence:
      fired === null ? [] : [{ reason: fired, detail: 'test', source: 'test', fired: true, turn: 0, text: 'x' }],
    latencyMs,
  };
}
