import { detectLanguage } from '../detect-language.js';
import { type Detector, lastTurnIndex } from '../detector.js';
import { builtInLexicons } from '../lexicon/languages.js';
import { createStakesAnchor } from '../lexicon/stakes-anchor.js';
import { type IntentModel, type IntentModelData, loadIntentModel } from '../model/intent-model.js';
import intentModelData from '../model/intent-model.json' with { type: 'json' };
import { isAcknowledgement } from '../text/acknowledgement.js';
import { normalizeText } from '../text/normalize-text.js';
import { isSmalltalk } from '../text/smalltalk.js';
import { tokenize } from '../text/tokenize.js';
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

/** The matters the model is for: money, accounts, contracts, complaints, legal steps. */
const stakesAnchors = createStakesAnchor(builtInLexicons);

/**
 * Whether a message names a matter the model is for: a word of the English list, which the model
 * learned, or in an unspaced script a lexicon's phrase. Words of another spaced language's phrases
 * need a second one ("disdire" and "abbonamento"): one alone ("abbonamento" in "how many screens does
 * my subscription allow") is where the model is most overconfident, and the lexicon detector has that
 * language's own phrases for the matter itself.
 */
function namesStakes(normalized: string, language: string): boolean {
  const { english, all } = stakesAnchors(normalized, language);
  return english > 0 || all >= (unspacedLanguages.has(language) ? 1 : 2);
}

const unspacedLanguages = new Set(
  builtInLexicons.filter((lexicon) => lexicon.script === 'unspaced').map((lexicon) => lexicon.language),
);

/** Agreeing to the bot's proposal in a few words ("Yes, please go ahead and book a table"). */
function isShortAcknowledgement(normalized: string): boolean {
  return isAcknowledgement(normalized) && tokenize(normalized).length <= 10;
}

/**
 * What the detector acts on: the model's probability that `text` raises a high-stakes matter,
 * or 0 where it abstains. It abstains on smalltalk, on a short acknowledgement ("yes, go ahead"),
 * on a message that names no matter of money, account, contract or complaint
 * ({@link createStakesAnchor}), where the topic catalogue makes an exception (`exclude`), and when its second head reads the message as a request for a person: those are
 * the explicit-request detector's, whose patterns know negation and context ("I'm a tall
 * person", "are you a real person?"), which the model does not. `language` gives the message's
 * language (`detectLanguage(text)`), asked only when the anchor check needs it: the guard passes
 * the one it detected once for the turn.
 */
export function highStakesProbability(
  model: IntentModel,
  text: string,
  exclude: readonly RegExp[] = catalogueExceptions,
  language: () => string = () => detectLanguage(text),
): number {
  const normalized = normalizeText(text);
  if (
    isSmalltalk(normalized) ||
    isShortAcknowledgement(normalized) ||
    !namesStakes(normalized, language()) ||
    exclude.some((pattern) => pattern.test(normalized))
  ) {
    return 0;
  }
  const scores = model.score(text);
  return scores.explicit >= 0.5 ? 0 : scores.escalate;
}

/**
 * The learned escalation intent (input phase): a small logistic-regression model over words,
 * word pairs and character 4-grams, trained on public support utterances, that recognises
 * high-stakes matters worded in ways the rule detectors have no pattern for ("a debit I
 * cancelled is still being taken"). It fires (reason `high_stakes`) only above a threshold
 * chosen so that it adds few false escalations (see `scripts/build-intent-model.ts`), and
 * abstains as {@link highStakesProbability} says.
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
    const probability = highStakesProbability(model, text, exclude, context.language);
    if (probability < threshold) return [];
    return [
      {
        reason: 'high_stakes',
        score: probability,
        detector: 'learned-intent',
        evidence: [{ turn, text: text.slice(0, 200) }],
        detail: `learned high-stakes matter (p=${probability.toFixed(2)})`,
      },
    ];
  };
}
