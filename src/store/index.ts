export { createMemoryStore, type MemoryStoreOptions, summarizeConversation } from './memory-store.js';
export type {
  ConversationSummary,
  CustomerIdentity,
  HandoffRecord,
  ListConversationsFilter,
  OfflineTicket,
  OutboxDelivery,
  Store,
  StoredConversation,
} from './store.js';
