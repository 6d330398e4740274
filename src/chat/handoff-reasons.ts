import type { GuardDecision, Signal, Urgency } from '../guard/types.js';
import type { HandoffReason } from './conversation.js';
import { escalateInputSchema } from './escalate-tool.js';

const urgencyOrder: Urgency[] = ['low', 'normal', 'high', 'critical'];

/** The higher of two urgencies. */
export function maxUrgency(a: Urgency, b: Urgency): Urgency {
  return urgencyOrder.indexOf(a) >= urgencyOrder.indexOf(b) ? a : b;
}

/** The guard's signals as handoff reasons (source `guard`). */
export function reasonsFromSignals(signals: Signal[]): HandoffReason[] {
  return signals.map((signal) => ({
    reason: signal.reason,
    source: 'guard' as const,
    detail: signal.detail,
    score: signal.score,
    evidence: signal.evidence,
  }));
}

/** The reasons of a guard decision that escalates. */
export function reasonsFromDecision(decision: GuardDecision): HandoffReason[] {
  return reasonsFromSignals(decision.reasons);
}

/** The model's `escalate_to_human` call as a reason and urgency; a malformed call still means the model wanted a person. */
export function escalationFromToolCall(input: unknown): { reason: HandoffReason; urgency: Urgency } {
  const parsed = escalateInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      reason: {
        reason: 'model_decision',
        source: 'model',
        detail: 'The model asked for a person (malformed tool input).',
      },
      urgency: 'normal',
    };
  }
  const reason = parsed.data.reason === 'error' ? 'model_decision' : parsed.data.reason;
  return {
    reason: { reason, source: 'model', detail: parsed.data.summary || 'The model asked for a person.' },
    urgency: parsed.data.urgency,
  };
}
