export {
  applyConversationReview,
  applyHandoffJudgement,
  type JudgementProblem,
  type JudgementResult,
} from './apply-judgement.js';
export {
  type CaseTurn,
  conversationTranscript,
  handoffsOf,
  handoffTranscript,
  isBotOnlyHandoffs,
} from './case-transcript.js';
export { conversationReviewedEvent, handoffJudgedEvent } from './judgement-events.js';
export {
  type ConversationReviewBody,
  conversationReviewBodySchema,
  type HandoffJudgementBody,
  handoffJudgementBodySchema,
  judgementReasons,
} from './judgement-schemas.js';
export { loadConversations } from './load-conversations.js';
export { type ReviewOptions, reviewOptionsSchema, reviewQueueSettings } from './review-options.js';
export {
  buildReviewQueue,
  inReviewSample,
  type ReviewCause,
  type ReviewQueueEntry,
  type ReviewQueueSettings,
} from './review-queue.js';
export { type ReviewSignals, reviewSignals } from './review-signals.js';
