export { ConversationNotFoundError } from './conversation-not-found-error.js';
export { HandoffStateError } from './handoff-state-error.js';
export { HandrailApiError } from './handrail-api-error.js';
export { HandrailError } from './handrail-error.js';
export { MissingPeerDependencyError } from './missing-peer-dependency-error.js';
export { NotificationError } from './notification-error.js';
export { StoreConflictError } from './store-conflict-error.js';
export { StoreUnavailableError } from './store-unavailable-error.js';
