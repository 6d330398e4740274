import type { GuardDecision, Transcript } from '../guard/types.js';
import type { TurnTrace } from '../tracing/tracer.js';
import type { ChatTurnContext } from './chat-turn-context.js';

/** A guard decision as one log line's fields. */
export function summarizeDecision(conversationId: string, decision: GuardDecision) {
  return {
    conversationId,
    escalate: decision.escalate,
    urgency: decision.urgency,
    reasons: decision.reasons.map((signal) => `${signal.reason}:${signal.score.toFixed(2)}`),
  };
}

/**
 * Step 1 of a turn with the bot: the input guard reads the whole conversation, with the new user
 * message, before the model is called. Traced and logged.
 */
export function inputGuardStep(
  context: Pick<ChatTurnContext, 'guard' | 'logger'>,
  conversationId: string,
  transcript: Transcript,
  trace: Pick<TurnTrace, 'guard'>,
): GuardDecision {
  const started = performance.now();
  const decision = context.guard.check(transcript, 'input');
  trace.guard('input', decision, performance.now() - started);
  context.logger.debug('guard-input', summarizeDecision(conversationId, decision));
  return decision;
}
