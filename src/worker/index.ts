export { ConversationObject, type ConversationWriteResult } from './conversation-object.js';
export { DirectoryObject } from './directory-object.js';
export type { WorkerBindings, WorkerEnv } from './env.js';
export { type DirectoryOutbox, flushDirectoryOutbox } from './outbox-flush.js';
