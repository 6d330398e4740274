import { intentFeatures } from './intent-features.js';

/** One logistic-regression head as shipped: int8 weights (base64) times `scale`, plus a bias. */
export interface IntentHeadData {
  bias: number;
  scale: number;
  /** `2^bits` signed bytes, base64. */
  weights: string;
}

/** The learned intent model as `scripts/build-intent-model.ts` writes it. */
export interface IntentModelData {
  bits: number;
  /** Probability from which a message is escalated (chosen on cross-validation). */
  threshold: number;
  heads: {
    /** P(the message should reach a person). */
    escalate: IntentHeadData;
    /** P(the user asks for a person rather than raising a high-stakes matter), among escalations. */
    explicit: IntentHeadData;
  };
}

/** Probabilities of one message. */
export interface IntentScores {
  escalate: number;
  explicit: number;
}

/** A loaded model: scores a message in microseconds. */
export interface IntentModel {
  readonly threshold: number;
  score(text: string): IntentScores;
}

/** Decodes the shipped model; throws on weights of the wrong size. */
export function loadIntentModel(data: IntentModelData): IntentModel {
  const head = (name: string, { bias, scale, weights }: IntentHeadData) => {
    const bytes = Uint8Array.from(atob(weights), (character) => character.charCodeAt(0));
    if (bytes.length !== 1 << data.bits) {
      throw new Error(`intent model head ${name}: ${bytes.length} weights, expected ${1 << data.bits}`);
    }
    const values = new Int8Array(bytes.buffer);
    return (features: readonly number[]) => {
      let sum = 0;
      for (const feature of features) sum += values[feature]!;
      return 1 / (1 + Math.exp(-(bias + sum * scale)));
    };
  };
  const escalate = head('escalate', data.heads.escalate);
  const explicit = head('explicit', data.heads.explicit);
  return {
    threshold: data.threshold,
    score(text) {
      const features = intentFeatures(text, data.bits);
      return { escalate: escalate(features), explicit: explicit(features) };
    },
  };
}
