// createSqliteStore (./sqlite-store.js) is Node only and not re-exported here, so this seam stays Worker-safe.
export type { ConversationObjectApi, ConversationWriteResult, DirectoryObjectApi } from './durable-object-api.js';
export {
  createDurableObjectStore,
  type DurableObjectStoreOptions,
  defaultDirectoryName,
  type ObjectId,
  type ObjectNamespace,
} from './durable-object-store.js';
export { createMemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { readTeamLoads } from './read-team-loads.js';
export type {
  ConversationSummary,
  CustomerIdentity,
  DeskReference,
  HandoffMetricsFilter,
  HandoffRecord,
  ListConversationsFilter,
  OfflineTicket,
  OutboxDelivery,
  QueueFilter,
  QueuePage,
  Store,
  StoredConversation,
  TeamLoad,
  TeamLoadFilter,
} from './store.js';
export { summarizeConversation } from './summarize-conversation.js';
export { type TeamLoadRow, teamLoadStates, teamLoadsFromRows, teamLoadsOf } from './team-loads-of.js';
