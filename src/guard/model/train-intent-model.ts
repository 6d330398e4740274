import { highStakesProbability } from '../detectors/learned-intent.js';
import { fnv1a } from '../text/fnv1a.js';
import { intentFeatures } from './intent-features.js';
import { type IntentHeadData, type IntentModelData, loadIntentModel } from './intent-model.js';

/** One message the intent model learns from. */
export interface IntentExample {
  /** Stable id: the training order and the cross-validation folds are drawn from it. */
  id: string;
  text: string;
  /** The message should reach a person. */
  escalate: boolean;
  /** Among escalations: the user asks for a person (rather than raising a high-stakes matter). */
  explicit: boolean;
}

/** A labelled conversation as the eval datasets hold it. */
export interface LabelledConversation {
  id: string;
  messages: readonly { role: 'user' | 'assistant'; content: string }[];
  expect: 'escalate' | 'handle';
  reason: string;
}

/**
 * Reasons the model is for, whose last user message carries the matter on its own: requests for a
 * person (its second head) and high-stakes matters. Crisis, compliance and sentiment have detectors
 * of their own; learning them would teach the model their product words ("stove", "safe").
 */
const messageReasons = new Set(['explicit_request', 'high_stakes']);

/**
 * The training messages of a set of conversations: the last user message of every request for a
 * person or high-stakes escalation, and every user message of a conversation the bot keeps (each
 * is ordinary). Other escalations are left out: their last message may be ordinary on its own.
 */
export function intentExamples(conversations: readonly LabelledConversation[]): IntentExample[] {
  const examples: IntentExample[] = [];
  for (const conversation of conversations) {
    const users = conversation.messages.flatMap((message, index) =>
      message.role === 'user' ? [{ index, text: message.content }] : [],
    );
    if (conversation.expect === 'handle') {
      for (const { index, text } of users) {
        examples.push({ id: `${conversation.id}#${index}`, text, escalate: false, explicit: false });
      }
    } else if (messageReasons.has(conversation.reason) && users.length > 0) {
      const last = users.at(-1)!;
      examples.push({
        id: `${conversation.id}#${last.index}`,
        text: last.text,
        escalate: true,
        explicit: conversation.reason === 'explicit_request',
      });
    }
  }
  return examples;
}

/** Options of {@link trainIntentModel}. */
export interface TrainIntentOptions {
  /** Hash buckets are `2^bits`. @default 14 */
  bits?: number;
  /** Probability from which the detector escalates; chosen by {@link chooseIntentThreshold} when absent. */
  threshold?: number;
}

interface Featured extends IntentExample {
  features: number[];
}

/** Logistic regression by SGD with balanced class weights, in a deterministic order; int8 weights. */
function trainHead(data: readonly Featured[], label: (example: Featured) => boolean, bits: number): IntentHeadData {
  const weights = new Float64Array(1 << bits);
  let bias = 0;
  const positives = Math.max(1, data.filter(label).length);
  const negatives = Math.max(1, data.length - positives);
  const epochs = 30;
  const rate = 0.2;
  const l2 = 1e-4;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = [...data].sort((a, b) => fnv1a(`${epoch}:${a.id}`) - fnv1a(`${epoch}:${b.id}`));
    for (const example of order) {
      let sum = bias;
      for (const feature of example.features) sum += weights[feature]!;
      const target = label(example) ? 1 : 0;
      const weight = target ? data.length / (2 * positives) : data.length / (2 * negatives);
      const gradient = (1 / (1 + Math.exp(-sum)) - target) * weight;
      const step = rate / Math.sqrt(Math.max(1, example.features.length));
      for (const feature of example.features) {
        weights[feature] = weights[feature]! - step * (gradient + l2 * weights[feature]!);
      }
      bias -= rate * gradient * 0.1;
    }
  }
  return quantize(weights, bias);
}

function quantize(weights: Float64Array, bias: number): IntentHeadData {
  let largest = 0;
  for (const value of weights) largest = Math.max(largest, Math.abs(value));
  const scale = largest / 127 || 1;
  const bytes = new Int8Array(weights.length);
  for (let index = 0; index < weights.length; index++) bytes[index] = Math.round(weights[index]! / scale);
  let binary = '';
  for (const byte of new Uint8Array(bytes.buffer)) binary += String.fromCharCode(byte);
  return { bias, scale, weights: btoa(binary) };
}

function featured(examples: readonly IntentExample[], bits: number): Featured[] {
  return examples.map((example) => ({ ...example, features: intentFeatures(example.text, bits) }));
}

function trainFeatured(data: readonly Featured[], bits: number, threshold: number): IntentModelData {
  return {
    bits,
    threshold,
    heads: {
      escalate: trainHead(data, (example) => example.escalate, bits),
      explicit: trainHead(
        data.filter((example) => example.escalate),
        (example) => example.explicit,
        bits,
      ),
    },
  };
}

/** Thresholds tried, lowest first; the detector only acts when confident. */
export const intentThresholdGrid: readonly number[] = [0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.99];

/** Folds of the cross-validation that picks the threshold. */
const folds = 5;
/** Most share of ordinary messages the model alone may escalate, on cross-validation. */
const maxFalseEscalation = 0.002;

/**
 * Held-out probabilities of every example: each scored by a model trained on the other folds
 * (folds by a hash of the id), as the detector would act on it.
 */
export function crossValidatedProbabilities(examples: readonly IntentExample[], bits = 14): Map<string, number> {
  const data = featured(examples, bits);
  const heldOut = new Map<string, number>();
  for (let fold = 0; fold < folds; fold++) {
    const model = loadIntentModel(
      trainFeatured(
        data.filter((example) => fnv1a(example.id) % folds !== fold),
        bits,
        0.5,
      ),
    );
    for (const example of data.filter((item) => fnv1a(item.id) % folds === fold)) {
      heldOut.set(example.id, highStakesProbability(model, example.text));
    }
  }
  return heldOut;
}

/** The lowest threshold of the grid at which the model alone escalates at most 0.2% of ordinary messages, on cross-validation. */
export function chooseIntentThreshold(examples: readonly IntentExample[], bits = 14): number {
  const heldOut = crossValidatedProbabilities(examples, bits);
  const ordinary = examples.filter((example) => !example.escalate);
  for (const threshold of intentThresholdGrid) {
    const wrong = ordinary.filter((example) => heldOut.get(example.id)! >= threshold).length;
    if (wrong <= maxFalseEscalation * ordinary.length) return threshold;
  }
  return intentThresholdGrid.at(-1)!;
}

/** Trains the intent model on `examples`; the threshold is cross-validated unless given. */
export function trainIntentModel(
  examples: readonly IntentExample[],
  options: TrainIntentOptions = {},
): IntentModelData {
  const bits = options.bits ?? 14;
  const threshold = options.threshold ?? chooseIntentThreshold(examples, bits);
  return trainFeatured(featured(examples, bits), bits, threshold);
}
