import { generateText, type LanguageModel, Output } from 'ai';
import { z } from 'zod';
import { renderPrompt } from '../../prompts/prompt.js';
import { lastTurnIndex } from '../detector.js';
import type { Signal, Transcript } from '../types.js';
import { crisisUserMessage } from './crisis-topic.js';

/** What the classifier model must answer; validated by the AI SDK against this schema. */
export const classificationSchema = z.object({
  escalate: z.boolean().describe('true when a human agent must take over'),
  reason: z
    .enum([
      'explicit_request',
      'negative_sentiment',
      'high_stakes',
      'compliance',
      'out_of_scope',
      'repeat_failure',
      'none',
    ])
    .describe('the main reason, or none'),
  confidence: z.number().min(0).max(1).describe('confidence in the decision, 0..1'),
  crisis: z.boolean().describe('true when the customer mentions self-harm, suicide or being in danger'),
  evidence: z.string().describe('the customer words that support the decision, quoted'),
});

/** The classifier's structured answer. */
export type Classification = z.infer<typeof classificationSchema>;

/** Options of {@link createModelClassifier}. */
export interface ModelClassifierOptions {
  model: LanguageModel;
  /** What the assistant handles, in words, for the out-of-scope judgement. */
  scope?: string;
  /** Give up after this many milliseconds and report nothing. @default 5000 */
  timeoutMs?: number;
}

/** Classifies a transcript with a model; resolves to signals and never rejects. */
export type ModelClassifier = (transcript: Transcript, abortSignal?: AbortSignal) => Promise<Signal[]>;

function renderTranscript(transcript: Transcript): string {
  return transcript
    .map((turn) => {
      const speaker = turn.role === 'user' ? 'Customer' : turn.author === 'agent' ? 'Agent' : 'Assistant';
      return `${speaker}: ${JSON.stringify(turn.content)}`;
    })
    .join('\n');
}

/**
 * An optional second opinion from a language model, run asynchronously next to the built-in
 * detectors (which never depend on it). Uses structured output with a zod schema and the
 * `prompts/classifier.md` prompt. On any failure (model error, invalid output, timeout, abort)
 * it resolves to `[]`; feed its signals to `guard.decide` together with the built-in ones.
 */
export function createModelClassifier(options: ModelClassifierOptions): ModelClassifier {
  const { model, scope = 'general customer support questions', timeoutMs = 5000 } = options;
  return async (transcript, abortSignal) => {
    if (transcript.length === 0) return [];
    try {
      const prompt = renderPrompt('classifier', { scope, transcript: renderTranscript(transcript) });
      const signals = [AbortSignal.timeout(timeoutMs), ...(abortSignal ? [abortSignal] : [])];
      const { output } = await generateText({
        model,
        prompt: prompt.text,
        output: Output.object({ schema: classificationSchema, name: 'escalation_decision' }),
        abortSignal: AbortSignal.any(signals),
        maxRetries: 0,
      });
      const classification = classificationSchema.parse(output);
      const turn = Math.max(0, lastTurnIndex(transcript, 'user'));
      const evidence = [{ turn, text: classification.evidence.slice(0, 200) }];
      const result: Signal[] = [];
      if (classification.crisis) {
        result.push({
          reason: 'crisis',
          score: Math.max(0.5, classification.confidence),
          detector: 'model-classifier',
          evidence,
          urgency: 'critical',
          topic: 'self_harm',
          userMessage: crisisUserMessage,
          detail: 'model classifier: crisis',
        });
      }
      if (classification.escalate && classification.reason !== 'none') {
        result.push({
          reason: classification.reason,
          score: classification.confidence,
          detector: 'model-classifier',
          evidence,
          detail: `model classifier: ${classification.reason}`,
        });
      }
      return result;
    } catch {
      return [];
    }
  };
}
