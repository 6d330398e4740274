import type { GuardState } from '../guard/state/guard-state.js';
import type { GuardDecision, Signal, Transcript } from '../guard/types.js';
import { citationFromProviderMetadata, confidenceFromProviderMetadata } from '../model/confidence.js';
import type { TurnTrace } from '../tracing/tracer.js';
import type { ChatTurnContext } from './chat-turn-context.js';
import type { HandrailMessageMetadata } from './conversation.js';
import { summarizeDecision } from './input-guard-step.js';

/** The model's finished answer, as the output guard judges it. */
export interface ModelAnswer {
  text: string;
  /** The last step's provider metadata: confidence, citation, the offline model's fallback flag. */
  providerMetadata: unknown;
}

/**
 * What the output guard decided, the metadata the answer is stored with when it passes, and the
 * guard's state of the transcript with the answer (what the commit keeps when the answer is shown).
 */
export interface OutputGuardResult {
  decision: GuardDecision;
  metadata: HandrailMessageMetadata;
  state: GuardState;
}

function isFallback(metadata: unknown): boolean {
  const handrail = (metadata as { handrail?: { fallback?: unknown } } | undefined)?.handrail;
  return handrail?.fallback === true;
}

/**
 * Step 3 of a turn with the bot: the output guard judges the finished (held) answer before it is
 * shown, with the signals of the detectors that ran beside the generation. `known` is the input
 * guard's state of `transcript`: only the answer is read anew.
 */
export function outputGuardStep(
  context: Pick<ChatTurnContext, 'guard' | 'logger' | 'clock'>,
  conversationId: string,
  transcript: Transcript,
  answer: ModelAnswer,
  extraSignals: Signal[],
  trace: Pick<TurnTrace, 'guard'>,
  known?: GuardState,
): OutputGuardResult {
  const confidence = confidenceFromProviderMetadata(answer.providerMetadata);
  const citation = citationFromProviderMetadata(answer.providerMetadata);
  const fallback = isFallback(answer.providerMetadata);
  const answered: Transcript = [
    ...transcript,
    {
      role: 'assistant',
      author: 'bot',
      content: answer.text,
      ...(confidence !== undefined ? { confidence } : {}),
      ...(fallback ? { fallback } : {}),
    },
  ];
  const started = performance.now();
  const { decision: outputDecision, state } = context.guard.checkIncremental(answered, 'output', known);
  const decision =
    extraSignals.length > 0 ? context.guard.decide([...outputDecision.signals, ...extraSignals]) : outputDecision;
  trace.guard('output', decision, performance.now() - started);
  context.logger.debug('guard-output', summarizeDecision(conversationId, decision));
  const metadata: HandrailMessageMetadata = {
    author: 'bot',
    createdAt: context.clock().toISOString(),
    ...(confidence !== undefined ? { confidence } : {}),
    ...(citation ? { citation } : {}),
    ...(fallback ? { fallback } : {}),
  };
  return { decision, metadata, state };
}
