import { detectLanguage } from '../detect-language.js';
import { type Detector, lastTurnIndex } from '../detector.js';
import guardModel from '../model/guard-model.json' with { type: 'json' };
import { normalizeText } from '../text/normalize-text.js';
import { isSmalltalk } from '../text/smalltalk.js';
import { TfIdfIndex } from '../text/tfidf-index.js';
import { contentTokens } from '../text/tokenize.js';
import type { Signal, Transcript } from '../types.js';
import { type OffTopicRequest, offTopicRequests } from './off-topic-requests.js';

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

/**
 * Everything the detector derives from the scope utterances, computed once: the index, the
 * calibrated thresholds, the domain words, the scope's languages and the off-topic kinds the
 * scope covers. `prepareScope` computes it; a scope index file (`loadScopeIndex`) holds it.
 */
export interface PreparedScope {
  /** The TF-IDF index over the scope utterances. */
  index: TfIdfIndex;
  /** The calibration the index and thresholds were made with. */
  calibration: OutOfScopeCalibration;
  /** The threshold the calibration gives (quantile of the leave-one-out similarities x factor). */
  threshold: number;
  /** Upper quartile of the leave-one-out similarities: how close clearly in-scope messages are. */
  clearlyInScope: number;
  /** Content words (stemmed) at least two utterances use, except generic request words. */
  domainWords: ReadonlySet<string>;
  /** Languages the scope is written in. */
  languages: ReadonlySet<string>;
  /** Ids of the off-topic kinds some scope utterance matches (those kinds stay in scope). */
  coveredOffTopic: ReadonlySet<string>;
}

/** Options of {@link prepareScope}. */
export interface PrepareScopeOptions {
  /** Overrides the learned calibration. */
  calibration?: Partial<OutOfScopeCalibration>;
  /** Off-topic kinds to check the scope against. @default offTopicRequests */
  offTopic?: readonly OffTopicRequest[];
  /** Quantise the index's weights to 16 bits (see `TfIdfIndexOptions`). @default false */
  quantize?: boolean;
}

/**
 * Indexes scope utterances and derives the thresholds and word lists the detector needs. Costs a
 * leave-one-out search per sampled utterance (at most 1,000): seconds at 100,000 utterances,
 * which is why large scopes are prepared offline (`scripts/build-scope-index.ts`).
 */
export function prepareScope(utterances: readonly string[], options: PrepareScopeOptions = {}): PreparedScope {
  const calibration = { ...defaultOutOfScopeCalibration, ...options.calibration };
  const kept = utterances.filter((utterance) => utterance.trim().length > 0);
  const index = new TfIdfIndex(kept, calibration.wordWeight, calibration.unknownWeight, {
    quantize: options.quantize ?? false,
  });
  // Leave-one-out similarity of (at most 1,000, evenly spaced) scope utterances to the rest.
  const step = Math.max(1, Math.floor(kept.length / 1000));
  const own: number[] = [];
  for (let position = 0; position < kept.length; position += step) {
    own.push(index.meanSimilarity(kept[position]!, calibration.k, position));
  }
  own.sort((a, b) => a - b);
  const normalizedScope = kept.map(normalizeText);
  const coveredOffTopic = new Set(
    (options.offTopic ?? offTopicRequests)
      .filter((kind) => normalizedScope.some((utterance) => kind.pattern.test(utterance)))
      .map((kind) => kind.id),
  );
  return {
    index,
    calibration,
    threshold: quantile(own, calibration.quantile) * calibration.factor,
    clearlyInScope: quantile(own, 0.75),
    domainWords: scopeDomainWords(kept),
    languages: scopeLanguages(kept),
    coveredOffTopic,
  };
}

/** Options of {@link createOutOfScopeDetector}. */
export interface OutOfScopeOptions {
  /** Example utterances of what the assistant handles (intents, FAQ questions). */
  utterances?: readonly string[];
  /**
   * A scope prepared before (`prepareScope`, or a scope index file read with `loadScopeIndex`),
   * instead of `utterances`; its calibration is the one it was built with.
   */
  prepared?: PreparedScope;
  /** Overrides the learned calibration (with `utterances` only). */
  calibration?: Partial<OutOfScopeCalibration>;
  /** Overrides the similarity threshold derived from the calibration. */
  threshold?: number;
  /**
   * Kinds of general-assistant requests (code, trivia, recipes...) that are out of scope unless a
   * scope utterance matches them. @default offTopicRequests
   */
  offTopic?: readonly OffTopicRequest[];
}

/** An out-of-scope detector with its index and threshold, for evaluation and tuning. */
export interface OutOfScopeDetector extends Detector {
  /** Similarity below which a message is out of scope. */
  readonly threshold: number;
  /** Mean similarity of a text to its nearest scope utterances. */
  similarity(text: string): number;
  /** Languages the scope is written in (see `detectLanguage`); other languages are not judged. */
  readonly languages: ReadonlySet<string>;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const position = Math.min(sorted.length - 1, Math.max(0, q * (sorted.length - 1)));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/** Content words up to which a message counts as a follow-up, judged with the question before it. */
const followUpTokens = 5;

/** Most earlier user turns a chain of follow-ups is read with. */
const followUpChain = 4;

/**
 * The user turns a short follow-up leans on, oldest first: the previous user turn when the bot answered in
 * between and, while that turn is itself a short follow-up ("and to Canada?" after "Do you ship to the
 * US?"), the turns before it, back to the first one long enough to stand alone (at most `followUpChain`).
 */
function followUpContext(transcript: Transcript, turn: number): string[] {
  const context: string[] = [];
  let position = turn;
  while (context.length < followUpChain && position >= 2 && transcript[position - 1]?.role === 'assistant') {
    let index = position - 2;
    while (index >= 0 && transcript[index]!.role !== 'user') index--;
    if (index < 0) break;
    const content = transcript[index]!.content;
    context.unshift(content);
    if (!isShortFollowUp(content)) break;
    position = index;
  }
  return context;
}

/** A message of at most `followUpTokens` content words, judged with the turns before it. */
function isShortFollowUp(text: string): boolean {
  return contentTokens(normalizeText(text)).length <= followUpTokens;
}

/** True when `rest` (normalized) holds a domain word that is not a name capitalised in `original`. */
function domainEvidence(rest: string, original: string, domainWords: ReadonlySet<string>): boolean {
  const names = new Set(
    [...original.matchAll(/(?<![.!?]\s*|^)\b\p{Lu}[\p{L}']+/gu)].flatMap((match) =>
      contentTokens(normalizeText(match[0])),
    ),
  );
  return contentTokens(rest).some((token) => domainWords.has(token) && !names.has(token));
}

/** Words of any request, never evidence that a message is about the scope's domain. */
const genericWords = new Set(
  (
    'help know tell make take give find use thing stuff good best great nice new old big small way time day today ' +
    'tomorrow tonight week year question answer mean say ask look see show work right wrong let call try put keep ' +
    'much many more most other something anything everything someone one two first last next buy sell recommend suggest ' +
    "what what's now right check status mean code also then still really actually anyway sure info information " +
    'detail details update question long soon quick quickly same different'
  )
    .split(' ')
    .flatMap((word) => contentTokens(word)),
);

/** Content words (stemmed) used by at least two scope utterances, except generic request words. */
function scopeDomainWords(utterances: readonly string[]): Set<string> {
  const documentFrequency = new Map<string, number>();
  for (const utterance of utterances) {
    for (const token of new Set(contentTokens(normalizeText(utterance)))) {
      documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1);
    }
  }
  const words = new Set<string>();
  for (const [token, count] of documentFrequency) if (count >= 2 && !genericWords.has(token)) words.add(token);
  return words;
}

/** The first off-topic kind the text matches, the matched words and the text without them. */
function findOffTopic(
  kinds: readonly OffTopicRequest[],
  normalized: string,
): { kind: OffTopicRequest; match: string; rest: string } | undefined {
  for (const kind of kinds) {
    const match = kind.pattern.exec(normalized);
    if (!match) continue;
    const rest = `${normalized.slice(0, match.index)} ${normalized.slice(match.index + match[0].length)}`.trim();
    return { kind, match: match[0], rest };
  }
  return undefined;
}

/**
 * Languages that make up at least 5% of the scope utterances (at most 1,000 sampled). English is
 * assumed for an empty scope.
 */
function scopeLanguages(utterances: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  const step = Math.max(1, Math.floor(utterances.length / 1000));
  let sampled = 0;
  for (let position = 0; position < utterances.length; position += step) {
    const language = detectLanguage(utterances[position]!);
    counts.set(language, (counts.get(language) ?? 0) + 1);
    sampled++;
  }
  const languages = new Set<string>();
  for (const [language, count] of counts) if (count >= Math.max(1, 0.05 * sampled)) languages.add(language);
  if (languages.size === 0) languages.add('en');
  return languages;
}

/**
 * Builds the out-of-scope detector: a TF-IDF index (word + character n-grams, inverted index)
 * over the scope utterances, built once. A user message whose mean similarity to its nearest
 * scope utterances falls below a threshold is out of scope. The threshold is a quantile of the
 * scope's own leave-one-out similarities, so it adapts to how dense the scope is. A request of a
 * general-assistant kind (code, trivia, recipes...) that the scope does not cover is out of scope
 * unless it is very close to the scope. Greetings, thanks and other smalltalk are never out of
 * scope, and a message in a language the scope is not written in is not judged. With `prepared`
 * (say, a scope index file read with `loadScopeIndex`) nothing is indexed here: the detector uses
 * what was derived before.
 */
export function createOutOfScopeDetector(options: OutOfScopeOptions): OutOfScopeDetector {
  if (!options.prepared && !options.utterances) {
    throw new Error('createOutOfScopeDetector needs utterances or a prepared scope');
  }
  const prepared =
    options.prepared ??
    prepareScope(options.utterances!, {
      ...(options.calibration ? { calibration: options.calibration } : {}),
      ...(options.offTopic ? { offTopic: options.offTopic } : {}),
    });
  const { index, calibration, clearlyInScope, domainWords, languages } = prepared;
  const threshold = options.threshold ?? prepared.threshold;
  const limit = threshold;
  const similarity = (text: string) => index.meanSimilarity(text, calibration.k);
  // A kind of off-topic request stays active only when no scope utterance is of that kind.
  const offTopic = (options.offTopic ?? offTopicRequests).filter((kind) => !prepared.coveredOffTopic.has(kind.id));
  const detector: Detector = (transcript, context): Signal[] => {
    if (context.phase !== 'input' || index.size === 0) return [];
    const turn = lastTurnIndex(transcript, 'user');
    if (turn < 0 || turn !== transcript.length - 1) return [];
    const text = transcript[turn]!.content;
    const normalized = normalizeText(text);
    if (isSmalltalk(normalized) || !/\p{L}/u.test(normalized)) return [];
    // Without an off-topic request, the similarity is only compared with the threshold: the search
    // stops once it is proven to be above (most in-scope messages, for half the work).
    const request = findOffTopic(offTopic, normalized);
    const value = request ? similarity(text) : index.meanAtLeast(text, calibration.k, limit);
    const offTopicMatch = value < clearlyInScope ? request : undefined;
    // A question that merely mentions an off-topic kind ("weather ... which jacket") stays in scope;
    // names (capitalised words: places, brands) are not evidence of the scope's domain.
    if (offTopicMatch && !domainEvidence(offTopicMatch.rest, text, domainWords)) {
      const { kind, match } = offTopicMatch;
      return [
        {
          reason: 'out_of_scope',
          score: 0.8,
          detector: 'out-of-scope',
          evidence: [{ turn, text: match }],
          detail: `off-topic request (${kind.id}), similarity to scope ${value.toFixed(3)}`,
        },
      ];
    }
    if (value >= limit) return [];
    // The scope says nothing about a language it is not written in: abstain.
    if (!languages.has(context.language?.() ?? detectLanguage(text))) return [];
    // A short follow-up ("including Australia?", "and Mexico?" after "and to Canada?") is judged with the
    // turns it leans on.
    const earlier = isShortFollowUp(text) ? followUpContext(transcript, turn) : [];
    const inContext =
      earlier.length > 0
        ? Math.max(value, index.meanAtLeast([...earlier, text].join(' '), calibration.k, limit))
        : value;
    if (inContext >= limit) return [];
    return [
      {
        reason: 'out_of_scope',
        score: Math.min(1, 0.5 + (0.5 * (limit - inContext)) / Math.max(limit, 1e-6)),
        detector: 'out-of-scope',
        evidence: [{ turn, text: text.slice(0, 200) }],
        detail: `similarity to scope ${inContext.toFixed(3)} below ${limit.toFixed(3)}`,
      },
    ];
  };
  return Object.assign(detector, { threshold: limit, similarity, languages });
}
