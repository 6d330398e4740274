/**
 * `handrail/worker`: what a Worker of your own needs beside `handrail`: the Durable Object classes to
 * export from its main module and bind in `wrangler.toml` (`CONVERSATIONS`, `DIRECTORY`), and the types
 * of those bindings (`WorkerBindings`) and of a Hono app on them (`WorkerEnv`). See docs/deployment.md.
 */
export { ConversationObject, type ConversationWriteResult } from './conversation-object.js';
export { DirectoryObject } from './directory-object.js';
export type { WorkerBindings, WorkerEnv } from './env.js';
