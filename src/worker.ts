/**
 * The deployable Cloudflare Worker: Handrail at `/api`, conversations in Durable Objects.
 * `npx wrangler dev` runs it locally (see docs/deployment.md); `wrangler.toml` binds the
 * Durable Object classes exported here.
 */
import { env as workerEnv } from 'cloudflare:workers';
import { Hono } from 'hono';
import { handrail } from './handrail.js';
import { createConsoleLogger } from './logger.js';
import { resolveModel } from './model/index.js';
import { createDurableObjectStore } from './store/durable-object-store.js';
import type { WorkerBindings, WorkerEnv } from './worker/env.js';
import { notifiersFromEnv } from './worker/notifiers-from-env.js';

export type { WorkerBindings, WorkerEnv } from './worker/index.js';
export { ConversationObject, DirectoryObject } from './worker/index.js';

/** Builds the Worker app from its bindings: Handrail at `/api`, a health check at `/healthz`. */
export function createWorkerApp(env: WorkerBindings): Hono<WorkerEnv> {
  const { model, kind } = resolveModel(env);
  const notifiers = notifiersFromEnv(env);
  const agentToken = env.HANDRAIL_AGENT_TOKEN?.trim();
  const app = new Hono<WorkerEnv>();
  app.get('/healthz', (c) => c.json({ ok: true, model: kind }));
  app.route(
    '/api',
    handrail({
      model,
      store: createDurableObjectStore({ conversations: env.CONVERSATIONS, index: env.DIRECTORY }),
      logger: createConsoleLogger(),
      ...(agentToken ? { agentToken } : {}),
      ...(notifiers.length > 0 ? { notifiers } : {}),
    }),
  );
  return app;
}

// Built once per isolate from the bindings (module-scope `env`), never per request.
export default createWorkerApp(workerEnv as WorkerBindings);
