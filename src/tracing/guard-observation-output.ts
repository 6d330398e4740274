import type { GuardDecision, Signal } from '../guard/types.js';

function groupByDetector(signals: readonly Signal[], fired: readonly Signal[]): Record<string, unknown[]> {
  const byDetector: Record<string, unknown[]> = {};
  for (const signal of signals) {
    const list = byDetector[signal.detector] ?? [];
    list.push({
      reason: signal.reason,
      score: signal.score,
      fired: fired.includes(signal),
      detail: signal.detail,
      evidence: signal.evidence,
      ...(signal.urgency ? { urgency: signal.urgency } : {}),
      ...(signal.topic ? { topic: signal.topic } : {}),
    });
    byDetector[signal.detector] = list;
  }
  return byDetector;
}

/**
 * The output of a `guard.input` / `guard.output` guardrail observation: the policy decision with
 * the signals that fired, and every detector's signals (fired or not) with their evidence. Pure.
 */
export function guardObservationOutput(decision: GuardDecision): unknown {
  return {
    decision: {
      escalate: decision.escalate,
      urgency: decision.urgency,
      reasons: decision.reasons.map((signal) => ({
        reason: signal.reason,
        detector: signal.detector,
        score: signal.score,
        detail: signal.detail,
        evidence: signal.evidence,
      })),
      ...(decision.userMessage ? { userMessage: decision.userMessage } : {}),
    },
    detectors: groupByDetector(decision.signals, decision.reasons),
  };
}
