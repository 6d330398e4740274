import type { Env, Hono } from 'hono';
import { createHandrailEngine } from './engine/handrail-engine.js';
import type { BlankEnv, HandrailOptions } from './handrail-options.js';

export { createHandrailEngine, type HandrailEnv } from './engine/handrail-engine.js';
export { publicConversation } from './http/public-conversation.js';

/**
 * Creates Handrail: a Hono app with the chat, conversation and agent routes. Mount it in
 * your app with `app.route('/api', handrail({ model }))`. Options are validated once, here.
 *
 * `E` is your app's Hono `Env`: pass it (`handrail<AppEnv>({ ... })`) and `conversationAuth`
 * and `rateLimit.perIp.key` get a `Context<AppEnv>`, so the variables your middleware set
 * (`c.get('user')`) are typed; the returned app is a `Hono<AppEnv>`.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { openai } from '@ai-sdk/openai';
 * import { handrail } from 'handrail';
 *
 * type AppEnv = { Variables: { user: { id: string } } };
 * const app = new Hono<AppEnv>();
 * app.use('/api/*', async (c, next) => {
 *   c.set('user', { id: await userIdFromSession(c) });
 *   await next();
 * });
 * app.route(
 *   '/api',
 *   handrail<AppEnv>({
 *     model: openai('gpt-4o-mini'),
 *     agentToken: process.env.HANDRAIL_AGENT_TOKEN,
 *     conversationAuth: (c, conversationId) => conversationId.startsWith(`${c.get('user').id}-`),
 *   }),
 * );
 * export default app;
 * ```
 */
export function handrail<E extends Env = BlankEnv>(options: HandrailOptions<E>): Hono<E> {
  return createHandrailEngine(options).app;
}
