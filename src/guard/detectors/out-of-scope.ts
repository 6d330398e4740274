import { type Detector, lastTurnIndex } from '../detector.js';
import guardModel from '../model/guard-model.json' with { type: 'json' };
import { normalizeText } from '../text/normalize-text.js';
import { isSmalltalk } from '../text/smalltalk.js';
import { TfIdfIndex } from '../text/tfidf-index.js';
import type { Signal } from '../types.js';

/** How the out-of-scope threshold is derived from the scope itself (learned by `scripts/build-guard-model.ts`). */
export interface OutOfScopeCalibration {
  /** Neighbours averaged into the similarity. */
  k: number;
  /** Weight of word features against character n-grams, 0..1. */
  wordWeight: number;
  /** Quantile of the scope's own leave-one-out similarities used as the threshold. */
  quantile: number;
  /** Multiplier applied to that quantile. */
  factor: number;
  /** How much words the scope never uses count against a message (0 ignores them, 1 counts them fully). */
  unknownWeight: number;
}

/** The calibration shipped in `src/guard/model/guard-model.json`. */
export const defaultOutOfScopeCalibration: OutOfScopeCalibration = guardModel.outOfScope;

/** Options of {@link createOutOfScopeDetector}. */
export interface OutOfScopeOptions {
  /** Example utterances of what the assistant handles (intents, FAQ questions). */
  utterances: readonly string[];
  /** Overrides the learned calibration. */
  calibration?: Partial<OutOfScopeCalibration>;
  /** Overrides the similarity threshold derived from the calibration. */
  threshold?: number;
}

/** An out-of-scope detector with its index and threshold, for evaluation and tuning. */
export interface OutOfScopeDetector extends Detector {
  /** Similarity below which a message is out of scope. */
  readonly threshold: number;
  /** Mean similarity of a text to its nearest scope utterances. */
  similarity(text: string): number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const position = Math.min(sorted.length - 1, Math.max(0, q * (sorted.length - 1)));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/**
 * Builds the out-of-scope detector: a TF-IDF index (word + character n-grams, inverted index)
 * over the scope utterances, built once. A user message whose mean similarity to its nearest
 * scope utterances falls below a threshold is out of scope. The threshold is a quantile of the
 * scope's own leave-one-out similarities, so it adapts to how dense the scope is. Greetings,
 * thanks and other smalltalk are never out of scope.
 */
export function createOutOfScopeDetector(options: OutOfScopeOptions): OutOfScopeDetector {
  const calibration = { ...defaultOutOfScopeCalibration, ...options.calibration };
  const utterances = options.utterances.filter((utterance) => utterance.trim().length > 0);
  const index = new TfIdfIndex(utterances, calibration.wordWeight, calibration.unknownWeight);
  let threshold = options.threshold;
  if (threshold === undefined) {
    // Leave-one-out similarity of (at most 1,000, evenly spaced) scope utterances to the rest.
    const step = Math.max(1, Math.floor(utterances.length / 1000));
    const own: number[] = [];
    for (let position = 0; position < utterances.length; position += step) {
      own.push(index.meanSimilarity(utterances[position]!, calibration.k, position));
    }
    own.sort((a, b) => a - b);
    threshold = quantile(own, calibration.quantile) * calibration.factor;
  }
  const limit = threshold;
  const similarity = (text: string) => index.meanSimilarity(text, calibration.k);
  const detector: Detector = (transcript, context): Signal[] => {
    if (context.phase !== 'input' || utterances.length === 0) return [];
    const turn = lastTurnIndex(transcript, 'user');
    if (turn < 0 || turn !== transcript.length - 1) return [];
    const text = transcript[turn]!.content;
    const normalized = normalizeText(text);
    if (isSmalltalk(normalized) || !/\p{L}/u.test(normalized)) return [];
    const value = similarity(text);
    if (value >= limit) return [];
    return [
      {
        reason: 'out_of_scope',
        score: Math.min(1, 0.5 + (0.5 * (limit - value)) / Math.max(limit, 1e-6)),
        detector: 'out-of-scope',
        evidence: [{ turn, text: text.slice(0, 200) }],
        detail: `similarity to scope ${value.toFixed(3)} below ${limit.toFixed(3)}`,
      },
    ];
  };
  return Object.assign(detector, { threshold: limit, similarity });
}
