export { citationFromProviderMetadata, confidenceFromProviderMetadata } from './confidence.js';
export {
  type Bm25Document,
  type Bm25Field,
  type Bm25Hit,
  type Bm25Index,
  type Bm25Options,
  createBm25Index,
} from './offline/bm25.js';
export {
  defaultKnowledgeBase,
  type KnowledgeBase,
  type KnowledgeBaseEntry,
  knowledgeBaseEntrySchema,
  knowledgeBaseSchema,
  loadKnowledgeBase,
} from './offline/knowledge-base.js';
export {
  createKnowledgeBaseRetriever,
  type KnowledgeBaseRetriever,
  type KnowledgeBaseRetrieverOptions,
  type RetrievedEntry,
} from './offline/knowledge-base-retriever.js';
export {
  createOfflineModel,
  defaultMinConfidence,
  type OfflineAnswerMetadata,
  type OfflineModelOptions,
} from './offline/offline-model.js';
export { tokenize } from './offline/tokenize.js';
export { type ModelEnv, type ResolvedModel, type ResolveModelOptions, resolveModel } from './resolve-model.js';
