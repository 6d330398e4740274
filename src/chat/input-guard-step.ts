import type { GuardState } from '../guard/state/guard-state.js';
import { decodeGuardState } from '../guard/state/guard-state-codec.js';
import type { GuardDecision, Transcript } from '../guard/types.js';
import type { TurnTrace } from '../tracing/tracer.js';
import type { ChatTurnContext } from './chat-turn-context.js';

/** A guard step's decision, and the guard's state of the transcript it judged (kept with the conversation). */
export interface GuardStepResult {
  decision: GuardDecision;
  state: GuardState;
}

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
 * Step 1 of a turn with the bot: the input guard judges the whole conversation, with the new user
 * message, before the model is called. `stored` is the conversation's `guardState`: when it still
 * fits the transcript the guard reads only the turns added since; when it is missing, stale or
 * unreadable the transcript is read from scratch. The decision is the same either way. Traced and logged.
 */
export function inputGuardStep(
  context: Pick<ChatTurnContext, 'guard' | 'logger'>,
  conversationId: string,
  transcript: Transcript,
  trace: Pick<TurnTrace, 'guard'>,
  stored?: unknown,
): GuardStepResult {
  const started = performance.now();
  const result = context.guard.checkIncremental(transcript, 'input', decodeGuardState(stored));
  trace.guard('input', result.decision, performance.now() - started);
  context.logger.debug('guard-input', summarizeDecision(conversationId, result.decision));
  return result;
}
