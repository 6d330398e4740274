/**
 * The deployable Cloudflare Worker: the demo's Handrail at `/api`, conversations in Durable
 * Objects. `npm run dev:worker` runs it locally (see docs/deployment.md); `wrangler.toml` binds
 * the Durable Object classes exported here.
 */

import { env as workerEnv } from 'cloudflare:workers';
import type { ExecutionContext } from '@cloudflare/workers-types';
import { Hono } from 'hono';
import { createDemoModel, demoHandrailOptions } from './demo/demo-options.js';
import { handrail } from './handrail.js';
import { createConsoleLogger } from './logger.js';
import { redactValue } from './notify/redact.js';
import { createDurableObjectStore } from './store/durable-object-store.js';
import { noopTracer, type Tracer } from './tracing/tracer.js';
import { createTracerFromEnv } from './tracing/tracer-from-env.js';
import { directoryShardsFromEnv } from './worker/directory-shards-from-env.js';
import type { WorkerBindings, WorkerEnv } from './worker/env.js';
import { notifiersFromEnv } from './worker/notifiers-from-env.js';

export type { WorkerBindings, WorkerEnv } from './worker/index.js';
export { ConversationObject, DirectoryObject } from './worker/index.js';

/**
 * Builds the Worker app from its bindings: Handrail at `/api` with the demo's teams and prompt,
 * a health check at `/healthz`. Every request hands the tracer's flush to `waitUntil`.
 */
export function createWorkerApp(env: WorkerBindings, tracer: Tracer = noopTracer): Hono<WorkerEnv> {
  const { model, kind } = createDemoModel(env);
  const notifiers = notifiersFromEnv(env);
  // Unlike the Node demo, a deployed Worker has no default agent token: without the secret the agent API stays closed.
  const { agentToken: _demoToken, ...demoOptions } = demoHandrailOptions(env);
  const agentToken = env.HANDRAIL_AGENT_TOKEN?.trim();
  const app = new Hono<WorkerEnv>();
  app.use(async (c, next) => {
    await next();
    if (tracer !== noopTracer) c.executionCtx.waitUntil(tracer.flush());
  });
  app.get('/healthz', (c) => c.json({ ok: true, model: kind }));
  app.route(
    '/api',
    handrail({
      ...demoOptions,
      model,
      store: createDurableObjectStore({
        conversations: env.CONVERSATIONS,
        index: env.DIRECTORY,
        directoryShards: directoryShardsFromEnv(env),
      }),
      logger: createConsoleLogger(),
      tracer,
      ...(agentToken ? { agentToken } : {}),
      ...(notifiers.length > 0 ? { notifiers } : {}),
    }),
  );
  return app;
}

// Built once per isolate from the bindings (module-scope `env`), never per request. The tracer
// loads Langfuse only when its keys are bound, so the app is built on the first request.
let app: Promise<Hono<WorkerEnv>> | undefined;
const bindings = workerEnv as WorkerBindings;

export default {
  async fetch(request: Request, env: WorkerBindings, context: ExecutionContext): Promise<Response> {
    app ??= createTracerFromEnv(bindings, { redact: redactValue }).then((tracer) => createWorkerApp(bindings, tracer));
    return (await app).fetch(request, env, context);
  },
};
