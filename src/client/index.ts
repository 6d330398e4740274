// handrail/client: what a browser (or any fetch client) needs to talk to Handrail with the AI
// SDK's `useChat`. No React here; the hook is in handrail/client/react.
export type { ConversationState, HandoffPartData, HandrailUIMessage } from '../chat/conversation.js';
export { HandrailApiError } from '../errors/handrail-api-error.js';
export { conversationTokenHeader } from '../http/conversation-token.js';
export {
  type ConversationEventsOptions,
  type ConversationEventsSubscription,
  type ConversationStateEvent,
  subscribeConversationEvents,
} from './conversation-events.js';
export {
  type ConversationSession,
  defaultSessionStorageKey,
  newConversationId,
  newConversationToken,
  type SessionStorageLike,
} from './conversation-session.js';
export {
  createHandrailTransport,
  type HandrailTransport,
  type PublicConversation,
} from './handrail-transport.js';
export type { HandrailTransportOptions } from './handrail-transport-options.js';
export { latestHandoff, mergeMessages } from './merge-messages.js';
export { readServerSentEvents, type ServerSentEvent } from './server-sent-events.js';
