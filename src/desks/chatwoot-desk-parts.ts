import type { HandoffRecord } from '../store/store.js';
import type { ChatwootApi } from './chatwoot-api.js';
import type { ChatwootConversationIds } from './chatwoot-conversation-ids.js';
import type { DeskRuntime } from './desk-runtime.js';

/** What the Chatwoot desk's pieces share: its settings, the API client, the runtime and the ids. */
export interface ChatwootDeskParts {
  /** The desk's notifier name. */
  name: string;
  accountId: number;
  inboxId: number;
  redact: boolean;
  /** Chatwoot team id per Handrail team id. */
  teams: Record<string, number>;
  /** Labels added on handoff. */
  labelsOf: (handoff: HandoffRecord) => string[];
  api: ChatwootApi;
  runtime: DeskRuntime;
  ids: ChatwootConversationIds;
}
