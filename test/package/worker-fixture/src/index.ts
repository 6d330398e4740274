// A Worker of its own: Handrail mounted at /api on the host's Hono, the offline model, and the
// Durable Object classes from handrail/worker bound in wrangler.toml. Its types come from the
// importable `@cloudflare/workers-types` (tsconfig.json: Node and DOM types, skipLibCheck false).
import type { ExecutionContext } from '@cloudflare/workers-types';
import { createDurableObjectStore, createOfflineModel, handrail } from 'handrail';
import { ConversationObject, DirectoryObject, type WorkerBindings, type WorkerEnv } from 'handrail/worker';
import { Hono } from 'hono';

export { ConversationObject, DirectoryObject };

let app: Hono<WorkerEnv> | undefined;

function createApp(env: WorkerBindings): Hono<WorkerEnv> {
  const host = new Hono<WorkerEnv>();
  host.get('/healthz', (c) => c.json({ ok: true }));
  host.route(
    '/api',
    handrail<WorkerEnv>({
      model: createOfflineModel(),
      store: createDurableObjectStore({ conversations: env.CONVERSATIONS, index: env.DIRECTORY }),
    }),
  );
  return host;
}

export default {
  fetch(request: Request, env: WorkerBindings, context: ExecutionContext): Response | Promise<Response> {
    app ??= createApp(env);
    return app.fetch(request, env, context);
  },
};
