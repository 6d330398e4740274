export { type BriefWriteResult, type BriefWriter, type BriefWriterOptions, createBriefWriter } from './brief-writer.js';
export {
  type ExtractEntitiesOptions,
  emptyEntities,
  extractEntities,
  mergeEntities,
  parseAmountNumber,
} from './entities.js';
export { type BriefInput, type BriefTurn, buildExtractiveBrief, inferIntent } from './extractive-brief.js';
export { guessableLanguages, guessLanguage } from './guess-language.js';
export {
  type BriefEntities,
  type BriefModelOutput,
  briefAmountSchema,
  briefEntitiesSchema,
  briefModelOutputSchema,
  briefReasonSchema,
  briefTurnSchema,
  countSentences,
  defaultBriefTranscriptTurns,
  type HandoffBrief,
  handoffBriefSchema,
  maxSummarySentences,
  splitSentences,
} from './handoff-brief.js';
