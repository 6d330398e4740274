import { cosineSimilarity, type EmbeddingModel, embed, embedMany } from 'ai';
import { lastTurnIndex } from '../detector.js';
import type { Signal, Transcript } from '../types.js';
import { crisisUserMessage } from './crisis-topic.js';

/** Reasons the semantic detector can report. */
export type SemanticReason = 'explicit_request' | 'crisis' | 'high_stakes' | 'compliance' | 'negative_sentiment';

/**
 * Built-in exemplars: a few plain sentences a reason, in several languages (embedding models map
 * them across languages). Meant as a starting set; pass your own with `exemplars`.
 */
export const defaultExemplars: Readonly<Record<SemanticReason, readonly string[]>> = {
  explicit_request: [
    'I want to talk to a real person',
    'Can you connect me with someone from your team?',
    'What is your customer service phone number?',
    'Quiero hablar con un agente humano',
    'Je voudrais parler à un conseiller',
    '我想找人工客服',
  ],
  crisis: [
    'I want to end my life',
    'I do not want to wake up tomorrow',
    'I have said goodbye to everyone and given my things away',
    'I am going to hurt myself tonight',
    'My partner hits me and threatens to kill me',
    'Ya no quiero vivir',
    'もう生きていたくない',
  ],
  high_stakes: [
    'Money was taken from my account and I did not authorise it',
    'I was charged twice for the same order',
    'I paid but the order never arrived and nobody refunds me',
    'I want to close my account for good',
    'Someone hacked my account',
  ],
  compliance: [
    'I will take legal action against your company',
    'Delete all the personal data you hold about me',
    'Which dose of this medicine should I take?',
  ],
  negative_sentiment: [
    'This is the worst service I have ever had',
    'I am absolutely furious with you',
    'You are useless',
  ],
};

/** Options of {@link createSemanticDetector}. */
export interface SemanticDetectorOptions {
  /** Any AI SDK embedding model (`openai.embedding('text-embedding-3-small')`, Workers AI, ...). */
  model: EmbeddingModel;
  /** Sentences a reason; a message close enough to one of them reports that reason. @default defaultExemplars */
  exemplars?: Partial<Record<SemanticReason, readonly string[]>>;
  /** Cosine similarity from which a message matches an exemplar. @default 0.8 */
  threshold?: number;
  /** Give up after this many milliseconds and report nothing. @default 3000 */
  timeoutMs?: number;
}

/** Embeds the last user message and compares it with the exemplars; resolves to signals and never rejects. */
export type SemanticDetector = (transcript: Transcript, abortSignal?: AbortSignal) => Promise<Signal[]>;

interface Exemplar {
  reason: SemanticReason;
  text: string;
  vector: number[];
}

/**
 * An optional semantic detector for deployments with an embedding model: the last user message is
 * compared with exemplar sentences of each reason, and the closest exemplar above the threshold
 * reports its reason (crisis with critical urgency and the safe message). The exemplars are
 * embedded once, on first use (again after a failure). Like the model classifier it runs beside
 * the generation and the built-in guard never depends on it: any failure or timeout reports nothing.
 */
export function createSemanticDetector(options: SemanticDetectorOptions): SemanticDetector {
  const { model, exemplars = defaultExemplars, threshold = 0.8, timeoutMs = 3000 } = options;
  const entries = Object.entries(exemplars).flatMap(([reason, texts]) =>
    (texts ?? []).map((text) => ({ reason: reason as SemanticReason, text })),
  );
  let embedded: Promise<Exemplar[]> | undefined;
  const exemplarVectors = (abortSignal: AbortSignal) => {
    embedded ??= embedMany({ model, values: entries.map((entry) => entry.text), abortSignal, maxRetries: 1 }).then(
      ({ embeddings }) => entries.map((entry, index) => ({ ...entry, vector: embeddings[index]! })),
    );
    embedded.catch(() => {
      embedded = undefined;
    });
    return embedded;
  };
  return async (transcript, abortSignal) => {
    const turn = lastTurnIndex(transcript, 'user');
    if (turn < 0 || entries.length === 0) return [];
    const text = transcript[turn]!.content;
    try {
      const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(abortSignal ? [abortSignal] : [])]);
      const [known, { embedding }] = await Promise.all([
        exemplarVectors(signal),
        embed({ model, value: text, abortSignal: signal, maxRetries: 0 }),
      ]);
      return closestPerReason(known, embedding, threshold).map(({ reason, text: exemplar, similarity }) =>
        semanticSignal(reason, similarity, exemplar, turn, text),
      );
    } catch {
      return [];
    }
  };
}

/** The closest exemplar of each reason whose similarity reaches the threshold. */
function closestPerReason(exemplars: readonly Exemplar[], vector: number[], threshold: number) {
  const best = new Map<SemanticReason, { reason: SemanticReason; text: string; similarity: number }>();
  for (const exemplar of exemplars) {
    const similarity = cosineSimilarity(vector, exemplar.vector);
    if (similarity < threshold) continue;
    const current = best.get(exemplar.reason);
    if (!current || similarity > current.similarity) best.set(exemplar.reason, { ...exemplar, similarity });
  }
  return [...best.values()];
}

function semanticSignal(reason: SemanticReason, similarity: number, exemplar: string, turn: number, text: string) {
  const signal: Signal = {
    reason,
    score: Math.min(1, similarity),
    detector: 'semantic',
    evidence: [{ turn, text: text.slice(0, 200) }],
    detail: `close to "${exemplar}" (similarity ${similarity.toFixed(2)})`,
  };
  if (reason === 'crisis') {
    signal.urgency = 'critical';
    signal.topic = 'self_harm';
    signal.userMessage = crisisUserMessage;
  }
  return signal;
}
