/** Types the pages share with the server: type-only imports, nothing from `src/` is bundled. */
export type { HandoffBrief } from '../../../src/brief/handoff-brief.js';
export type {
  ConversationState,
  HandoffPartData,
  HandrailMessageMetadata,
  HandrailUIMessage,
} from '../../../src/chat/conversation.js';
export type { Urgency } from '../../../src/guard/types.js';
