// A Worker of its own: Handrail mounted at /api on the host's Hono, the offline model, and the
// Durable Object classes from handrail/worker bound in wrangler.toml.
import { createDurableObjectStore, createOfflineModel, handrail } from 'handrail';
import { ConversationObject, DirectoryObject, type WorkerBindings } from 'handrail/worker';
import { Hono } from 'hono';

export { ConversationObject, DirectoryObject };

let app: Hono<{ Bindings: WorkerBindings }> | undefined;

function createApp(env: WorkerBindings): Hono<{ Bindings: WorkerBindings }> {
  const host = new Hono<{ Bindings: WorkerBindings }>();
  host.get('/healthz', (c) => c.json({ ok: true }));
  host.route(
    '/api',
    handrail({
      model: createOfflineModel(),
      store: createDurableObjectStore({ conversations: env.CONVERSATIONS, index: env.DIRECTORY }),
    }),
  );
  return host;
}

export default {
  fetch(request: Request, env: WorkerBindings, context: Parameters<Hono['fetch']>[2]): Response | Promise<Response> {
    app ??= createApp(env);
    return app.fetch(request, env, context);
  },
};
