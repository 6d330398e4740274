import type { EscalationReason } from '../guard/types.js';

/** Each escalation reason in plain words, as an agent reads it in a desk: why a person is needed. */
export const reasonWords: Record<EscalationReason, string> = {
  explicit_request: 'The customer asked for a person.',
  crisis: 'The customer may be in crisis or at risk of harm.',
  negative_sentiment: 'The customer is upset or frustrated.',
  high_stakes: 'Money, safety or the account is at stake.',
  compliance: 'A legal, privacy or compliance matter.',
  out_of_scope: 'The question is outside what the bot may answer.',
  low_confidence: 'The bot was not confident in its answer.',
  repeat_failure: 'The bot failed to help several times.',
  model_decision: 'The bot decided a person should take over.',
  error: 'The bot failed with an error.',
};

/** The reasons of a handoff in plain words, one sentence each, without repeats. */
export function reasonsInWords(reasons: ReadonlyArray<{ reason: EscalationReason }>): string[] {
  return [...new Set(reasons.map(({ reason }) => reasonWords[reason] ?? reason.replaceAll('_', ' ')))];
}
