import type { DurableObjectNamespace } from '@cloudflare/workers-types';
import type { ConversationObject } from './conversation-object.js';
import type { DirectoryObject } from './directory-object.js';

/** The bindings, variables and secrets of the Handrail Worker (see `wrangler.toml`). */
export interface WorkerBindings {
  /** One Durable Object per conversation. */
  CONVERSATIONS: DurableObjectNamespace<ConversationObject>;
  /** The directory: the queue index of every conversation (in `DIRECTORY_SHARDS` objects) and the notification outbox. */
  DIRECTORY: DurableObjectNamespace<DirectoryObject>;
  /** Directory objects the queue index is spread over (a whole number, 1 to 256). @default '8' */
  DIRECTORY_SHARDS?: string;
  /** OpenAI (or compatible) API key; without it the Worker answers with the offline model. */
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_MODEL?: string;
  /** Bearer token of the agent API. */
  HANDRAIL_AGENT_TOKEN?: string;
  /** Signed webhook (Standard Webhooks) receiving handoff events. */
  WEBHOOK_URL?: string;
  WEBHOOK_SECRET?: string;
  /** Slack incoming webhook receiving handoff events. */
  SLACK_WEBHOOK_URL?: string;
  /** Langfuse tracing: on when both keys are bound. */
  LANGFUSE_PUBLIC_KEY?: string;
  LANGFUSE_SECRET_KEY?: string;
  LANGFUSE_BASE_URL?: string;
}

/** The Hono `Env` of the Worker app. */
export interface WorkerEnv {
  Bindings: WorkerBindings;
}
