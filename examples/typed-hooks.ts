// The README's "Your app's `Env`, typed hooks", word for word between the region markers, with
// stand-ins for what the README leaves to your app (a session middleware, a model, a CRM and
// metrics). Type-checked with the project; test/package/readme-examples.test.ts runs it.
import { createOfflineModel, handrail } from 'handrail';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';

/** Your session middleware: here the user is whoever the `x-user-id` header names. */
const session = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('user', { id: c.req.header('x-user-id') ?? 'anonymous' });
    await next();
  });
/** Your model (any AI SDK language model). */
const model = createOfflineModel();
/** Your CRM and metrics, recording what they are given. */
export const crm = {
  cases: [] as { conversationId: string; intent: string; urgency: string }[],
  async openCase(conversationId: string, intent: string, urgency: string): Promise<void> {
    crm.cases.push({ conversationId, intent, urgency });
  },
};
export const metrics = {
  counts: [] as { name: string; labels: Record<string, string | null> }[],
  count(name: string, labels: Record<string, string | null>): void {
    metrics.counts.push({ name, labels });
  },
};

// #region README
type AppEnv = { Variables: { user: { id: string } } };
const app = new Hono<AppEnv>();
app.use('/api/*', session()); // sets c.var.user

app.route(
  '/api',
  handrail<AppEnv>({
    model,
    conversationAuth: (c, conversationId) => conversationId.startsWith(`${c.get('user').id}-`),
    rateLimit: { perIp: { limit: 600, windowMs: 60_000, key: (c) => c.get('user').id } },
    onHandoff: async (event) => crm.openCase(event.conversationId, event.brief.intent, event.urgency),
    onStateChange: ({ from, to }) => metrics.count('conversation_state', { from, to }),
  }),
);
// #endregion

export default app;
