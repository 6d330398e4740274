import { type EscalationReason, type GuardDecision, type Signal, type Urgency, urgencies } from './types.js';

/** Thresholds the policy compares each signal's score with (fires at score >= threshold). */
export const defaultThresholds: Readonly<Record<EscalationReason, number>> = {
  explicit_request: 0.5,
  crisis: 0.5,
  negative_sentiment: 0.6,
  high_stakes: 0.5,
  compliance: 0.5,
  out_of_scope: 0.5,
  low_confidence: 0.6,
  repeat_failure: 0.6,
  model_decision: 0.5,
  error: 0.5,
};

/** Urgency of a fired reason when its signal does not ask for one. */
const defaultUrgency: Readonly<Record<EscalationReason, Urgency>> = {
  explicit_request: 'normal',
  crisis: 'critical',
  negative_sentiment: 'normal',
  high_stakes: 'normal',
  compliance: 'normal',
  out_of_scope: 'low',
  low_confidence: 'normal',
  repeat_failure: 'normal',
  model_decision: 'normal',
  error: 'high',
};

/** Options of {@link createPolicy}. */
export interface PolicyOptions {
  thresholds?: Partial<Record<EscalationReason, number>>;
  /** Reasons that never escalate. A crisis signal escalates regardless. */
  disabled?: readonly EscalationReason[];
}

/** Combines signals into one decision. */
export type Policy = (signals: readonly Signal[]) => GuardDecision;

/** True for a crisis signal (self-harm, danger): it always escalates and cannot be switched off. */
export function isCrisisSignal(signal: Signal): boolean {
  return signal.reason === 'crisis' || signal.urgency === 'critical' || signal.topic === 'self_harm';
}

function rank(urgency: Urgency): number {
  return urgencies.indexOf(urgency);
}

/**
 * Builds the policy: a signal fires when its score reaches its reason's threshold and the reason
 * is not disabled; crisis signals always fire. The decision lists the strongest fired signal of each
 * reason, strongest first (crisis first), takes the highest urgency among them (strong negative sentiment is `high`), and
 * carries the first user message a fired signal demands. Deterministic; reads no user text.
 */
export function createPolicy(options: PolicyOptions = {}): Policy {
  const thresholds = { ...defaultThresholds, ...options.thresholds };
  const disabled = new Set(options.disabled ?? []);
  return (signals) => {
    const fired = signals.filter((signal) => {
      if (isCrisisSignal(signal)) return signal.score > 0;
      return !disabled.has(signal.reason) && signal.score >= thresholds[signal.reason];
    });
    const ranked = fired
      .map((signal, index) => ({ signal, index }))
      .sort(
        (a, b) =>
          Number(isCrisisSignal(b.signal)) - Number(isCrisisSignal(a.signal)) ||
          b.signal.score - a.signal.score ||
          a.index - b.index,
      )
      .map((item) => item.signal);
    // One signal a reason, the strongest: two detectors that hear the same request make one reason.
    const seen = new Set<string>();
    const ordered = ranked.filter((signal) => {
      if (seen.has(signal.reason)) return false;
      seen.add(signal.reason);
      return true;
    });
    let urgency: Urgency = 'normal';
    if (ordered.length > 0) {
      urgency = 'low';
      for (const signal of ordered) {
        let candidate = signal.urgency ?? defaultUrgency[signal.reason];
        if (signal.reason === 'negative_sentiment' && signal.score >= 0.85 && rank(candidate) < rank('high')) {
          candidate = 'high';
        }
        if (rank(candidate) > rank(urgency)) urgency = candidate;
      }
    }
    const userMessage = ordered.find((signal) => signal.userMessage)?.userMessage;
    return {
      escalate: ordered.length > 0,
      reasons: ordered,
      urgency,
      signals: [...signals],
      ...(userMessage ? { userMessage } : {}),
    };
  };
}
