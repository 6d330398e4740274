import type { Hono } from 'hono';
import {
  clientAddress,
  createMemoryRateLimitStore,
  createRateLimiter,
  type RateLimiter,
  rateLimit,
} from '../http/rate-limit.js';
import type { EngineParts } from './engine-parts.js';

/**
 * Applies the rate limits: per client address on the user routes (as middleware on `app`), and
 * returns the per-conversation limiter of chat turns (counted after authorization), or null when off.
 */
export function applyRateLimits(
  app: Hono<{ Variables: Record<string, never> }>,
  { options, clock }: Pick<EngineParts, 'options' | 'clock'>,
): RateLimiter | null {
  if (options.rateLimit === false) return null;
  const rateLimits = options.rateLimit ?? {};
  const store = rateLimits.store ?? createMemoryRateLimitStore();
  const perConversationRule = rateLimits.perConversation ?? { limit: 60, windowMs: 60_000 };
  const perIpRule = rateLimits.perIp ?? { limit: 600, windowMs: 60_000 };
  if (perIpRule !== false) {
    const limitByAddress = rateLimit({
      limit: perIpRule.limit,
      windowMs: perIpRule.windowMs,
      key: perIpRule.key ?? ((c) => clientAddress(c, { trustProxy: options.trustProxy })),
      store,
      prefix: 'ip:',
      clock,
    });
    app.use('/chat', limitByAddress);
    app.use('/conversations/*', limitByAddress);
  }
  if (perConversationRule === false) return null;
  return createRateLimiter({ ...perConversationRule, store, prefix: 'conversation:', clock });
}
