import type { Hono } from 'hono';
import { createHandrailEngine, type HandrailEnv } from './engine/handrail-engine.js';
import type { HandrailOptions } from './handrail-options.js';

export { createHandrailEngine, type HandrailEnv } from './engine/handrail-engine.js';
export { publicConversation } from './http/public-conversation.js';

/**
 * Creates Handrail: a Hono app with the chat, conversation and agent routes. Mount it in
 * your app with `app.route('/api', handrail({ model }))`. Options are validated once, here.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { openai } from '@ai-sdk/openai';
 * import { handrail } from 'handrail';
 *
 * const app = new Hono();
 * app.route('/api', handrail({ model: openai('gpt-4o-mini'), agentToken: process.env.HANDRAIL_AGENT_TOKEN }));
 * export default app;
 * ```
 */
export function handrail(options: HandrailOptions): Hono<HandrailEnv> {
  return createHandrailEngine(options).app;
}
