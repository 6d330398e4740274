import type { ConversationSummary, StoredConversation } from './store.js';
import { summarizeConversation } from './summarize-conversation.js';

/** The JSON columns of a conversation row: the conversation itself, and its summary. */
export interface ConversationRow {
  data: string;
  summary: string;
}

/** The JSON columns that store `stored`. */
export function conversationRow(stored: StoredConversation): ConversationRow {
  const data = JSON.stringify(stored);
  return { data, summary: JSON.stringify(summarizeConversation(stored)) };
}

/** A conversation read back from its `data` column. */
export function parseConversation(row: { data: string }): StoredConversation {
  return JSON.parse(row.data) as StoredConversation;
}

/** A summary read back from its `summary` column. */
export function parseSummary(row: { summary: string }): ConversationSummary {
  return JSON.parse(row.summary) as ConversationSummary;
}
