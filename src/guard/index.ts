export { detectLanguage } from './detect-language.js';
export type { Detector, DetectorContext, GuardPhase } from './detector.js';
export {
  complianceTopics,
  dataProtectionTopic,
  legalThreatTopic,
  medicalAdviceTopic,
  regulatedAdviceTopic,
} from './detectors/compliance-topics.js';
export { crisisPatterns, crisisTopic, crisisUserMessage } from './detectors/crisis-topic.js';
export { defaultTopics } from './detectors/default-topics.js';
export { detectExplicitRequest, findExplicitRequest } from './detectors/explicit-request.js';
export {
  catalogueExceptions,
  createLearnedIntentDetector,
  highStakesProbability,
  type LearnedIntentOptions,
  shippedIntentModel,
} from './detectors/learned-intent.js';
export { createLexiconDetector, type LexiconDetectorOptions } from './detectors/lexicon-detector.js';
export { createLowConfidenceDetector, findHedge, type LowConfidenceOptions } from './detectors/low-confidence.js';
export {
  createModelClassifier,
  type ModelClassifier,
  type ModelClassifierOptions,
} from './detectors/model-classifier.js';
export {
  detectNegativeSentiment,
  type SentimentDirection,
  type SentimentTrend,
  scoreSentiment,
  sentimentTrend,
} from './detectors/negative-sentiment.js';
export { type OffTopicRequest, offTopicRequests } from './detectors/off-topic-requests.js';
export {
  createOutOfScopeDetector,
  defaultOutOfScopeCalibration,
  type OutOfScopeCalibration,
  type OutOfScopeDetector,
  type OutOfScopeOptions,
  type PreparedScope,
  type PrepareScopeOptions,
  prepareScope,
} from './detectors/out-of-scope.js';
export {
  createRepeatFailureDetector,
  detectRepeatFailure,
  type RepeatFailureOptions,
} from './detectors/repeat-failure.js';
export {
  createSemanticDetector,
  defaultExemplars,
  type SemanticDetector,
  type SemanticDetectorOptions,
  type SemanticReason,
} from './detectors/semantic-detector.js';
export { createTopicDetector, type TopicDetectorOptions } from './detectors/topic.js';
export type { TopicDefinition } from './detectors/topic-definition.js';
export { createGuard, type Guard, type GuardOptions, guardOptionsSchema } from './guard.js';
export { builtInLexicons } from './lexicon/languages.js';
export { type Lexicon, type LexiconCategory, lexiconCategories } from './lexicon/lexicon.js';
export { type LexiconHit, LexiconMatcher } from './lexicon/lexicon-matcher.js';
export { intentFeatures } from './model/intent-features.js';
export {
  type IntentHeadData,
  type IntentModel,
  type IntentModelData,
  type IntentScores,
  loadIntentModel,
} from './model/intent-model.js';
export {
  chooseIntentThreshold,
  type IntentExample,
  intentExamples,
  type LabelledConversation,
  type TrainIntentOptions,
  trainIntentModel,
} from './model/train-intent-model.js';
export { createPolicy, defaultThresholds, isCrisisSignal, type Policy, type PolicyOptions } from './policy.js';
export { buildScopeIndex, encodeScopeIndex } from './scope-index/encode-scope-index.js';
export { loadScopeIndex } from './scope-index/load-scope-index.js';
export {
  advanceGuardState,
  emptyGuardState,
  type GuardState,
  readTranscriptState,
  recentTurns,
} from './state/guard-state.js';
export {
  decodeGuardState,
  type EncodedGuardState,
  encodeGuardState,
  guardStateVersion,
} from './state/guard-state-codec.js';
export type { TurnFeatures } from './state/turn-features.js';
export * from './types.js';
