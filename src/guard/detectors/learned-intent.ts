import { type Detector, lastTurnIndex } from '../detector.js';
import { type IntentModel, type IntentModelData, loadIntentModel } from '../model/intent-model.js';
import intentModelData from '../model/intent-model.json' with { type: 'json' };
import { normalizeText } from '../text/normalize-text.js';
import { isSmalltalk } from '../text/smalltalk.js';
import type { Signal } from '../types.js';
import { defaultTopics } from './default-topics.js';

/** Options of {@link createLearnedIntentDetector}. */
export interface LearnedIntentOptions {
  /** Probability from which a message escalates. @default the model's cross-validated threshold */
  threshold?: number;
  /** Another model (tests, a retrained one). @default the shipped model */
  model?: IntentModel;
  /**
   * Messages the model leaves alone: the topic catalogue's own exceptions ("no complaints",
   * "reviews mention complaints"), where a word the model weighs heavily is not the matter.
   * @default the `exclude` patterns of the built-in topics
   */
  exclude?: readonly RegExp[];
}

/** The built-in topics' exceptions. */
export const catalogueExceptions: readonly RegExp[] = defaultTopics.flatMap((topic) =>
  (topic.exclude ?? []).map((pattern) => (typeof pattern === 'string' ? new RegExp(pattern, 'i') : pattern)),
);

let shipped: IntentModel | undefined;

/** The model built by `scripts/build-intent-model.ts`, decoded on first use. */
export function shippedIntentModel(): IntentModel {
  shipped ??= loadIntentModel(intentModelData as IntentModelData);
  return shipped;
}

/**
 * The learned escalation intent (input phase): a small logistic-regression model over words,
 * word pairs and character 4-grams, trained on public support utterances and the project's
 * suites, that recognises requests for a person and high-stakes matters worded in ways the
 * rule detectors have no pattern for ("a debit I cancelled is still being taken"). It fires
 * only above a threshold chosen so that, on cross-validation, it adds few false escalations,
 * and only for high-stakes matters (reason `high_stakes`): when its second head reads the message
 * as a request for a person, it leaves it to the explicit-request detector.
 */
export function createLearnedIntentDetector(options: LearnedIntentOptions = {}): Detector {
  const model = options.model ?? shippedIntentModel();
  const threshold = options.threshold ?? model.threshold;
  const exclude = options.exclude ?? catalogueExceptions;
  return (transcript, context): Signal[] => {
    if (context.phase !== 'input') return [];
    const turn = lastTurnIndex(transcript, 'user');
    if (turn < 0 || turn !== transcript.length - 1) return [];
    const text = transcript[turn]!.content;
    const normalized = normalizeText(text);
    if (isSmalltalk(normalized) || exclude.some((pattern) => pattern.test(normalized))) return [];
    const scores = model.score(text);
    // Requests for a person are the explicit-request detector's: its patterns know negation and
    // context ("I'm a tall person", "are you a real person?"), which the model does not.
    if (scores.escalate < threshold || scores.explicit >= 0.5) return [];
    return [
      {
        reason: 'high_stakes',
        score: scores.escalate,
        detector: 'learned-intent',
        evidence: [{ turn, text: text.slice(0, 200) }],
        detail: `learned high-stakes matter (p=${scores.escalate.toFixed(2)})`,
      },
    ];
  };
}
