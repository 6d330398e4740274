import type { Context, Env, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorBody } from './http-error.js';

/** One counted request: how many the key has used in the current window, and when the window ends. */
export interface RateLimitHit {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** When the current window ends, in epoch milliseconds. */
  resetAt: number;
}

/**
 * Where the counters live. The in-memory store fits one process (and one Workers isolate);
 * a shared store (Redis, a Durable Object) makes the limit hold across instances.
 */
export interface RateLimitStore {
  /** Counts one request for `key` in the fixed window of `windowMs` that contains `now`. */
  increment(key: string, windowMs: number, now: number): RateLimitHit | Promise<RateLimitHit>;
}

/** The outcome of one check, with what the `RateLimit-*` headers say. */
export interface RateLimitResult {
  allowed: boolean;
  limit: number;
  /** Requests left in this window (0 when refused). */
  remaining: number;
  /** Whole seconds until the window ends (at least 1). */
  resetSeconds: number;
  windowMs: number;
}

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Length of the fixed window, in milliseconds. */
  windowMs: number;
  /** Requests allowed per key and window. */
  limit: number;
  /** @default createMemoryRateLimitStore() */
  store?: RateLimitStore;
  /** Prepended to every key, so limiters can share one store. @default '' */
  prefix?: string;
  /** Current time. @default () => new Date() */
  clock?: () => Date;
}

/** Counts requests per key; {@link rateLimit} is the middleware built on it. */
export interface RateLimiter {
  /** Counts one request for `key` and says whether it is within the limit. */
  check(key: string): Promise<RateLimitResult>;
}

/** Options of {@link rateLimit}. */
export interface RateLimitOptions<E extends Env = Env> extends RateLimiterOptions {
  /** The key a request counts against (an IP, a user, a conversation); `undefined` lets it through uncounted. */
  key: (c: Context<E>) => string | undefined | Promise<string | undefined>;
}

/**
 * A fixed-window counter in this process's memory. Expired windows are swept once per
 * window length, and at most `maxKeys` keys are kept (the oldest go first), so a flood of
 * distinct keys cannot grow memory without bound.
 */
export function createMemoryRateLimitStore({ maxKeys = 100_000 }: { maxKeys?: number } = {}): RateLimitStore {
  if (!(Number.isInteger(maxKeys) && maxKeys > 0))
    throw new Error('createMemoryRateLimitStore: maxKeys must be a positive integer.');
  const windows = new Map<string, { resetAt: number; count: number }>();
  let nextSweep = 0;
  return {
    increment(key, windowMs, now) {
      if (now >= nextSweep) {
        for (const [entryKey, entry] of windows) if (entry.resetAt <= now) windows.delete(entryKey);
        nextSweep = now + windowMs;
      }
      const resetAt = (Math.floor(now / windowMs) + 1) * windowMs;
      const current = windows.get(key);
      const entry = current && current.resetAt === resetAt ? current : { resetAt, count: 0 };
      entry.count++;
      if (!current) {
        if (windows.size >= maxKeys) {
          const oldest = windows.keys().next().value;
          if (oldest !== undefined) windows.delete(oldest);
        }
      }
      windows.set(key, entry);
      return { count: entry.count, resetAt };
    },
  };
}

/**
 * Creates a fixed-window rate limiter. Option mistakes throw here, once.
 *
 * @example
 * const limiter = createRateLimiter({ windowMs: 60_000, limit: 60 });
 * const result = await limiter.check(`conversation:${id}`);
 * if (!result.allowed) throw rateLimitedError(result);
 */
export function createRateLimiter({
  windowMs,
  limit,
  store = createMemoryRateLimitStore(),
  prefix = '',
  clock = () => new Date(),
}: RateLimiterOptions): RateLimiter {
  if (!(Number.isInteger(windowMs) && windowMs > 0)) throw new Error('rateLimit: windowMs must be a positive integer.');
  if (!(Number.isInteger(limit) && limit > 0)) throw new Error('rateLimit: limit must be a positive integer.');
  return {
    async check(key) {
      const now = clock().getTime();
      const hit = await store.increment(`${prefix}${key}`, windowMs, now);
      const allowed = hit.count <= limit;
      return {
        allowed,
        limit,
        remaining: Math.max(0, limit - hit.count),
        resetSeconds: Math.max(1, Math.ceil((hit.resetAt - now) / 1000)),
        windowMs,
      };
    },
  };
}

/** The `RateLimit-*` headers (IETF draft) of a result, plus `Retry-After` when it was refused. */
export function rateLimitHeaders(result: RateLimitResult): Record<string, string> {
  return {
    'ratelimit-limit': String(result.limit),
    'ratelimit-remaining': String(result.remaining),
    'ratelimit-reset': String(result.resetSeconds),
    'ratelimit-policy': `${result.limit};w=${Math.ceil(result.windowMs / 1000)}`,
    ...(result.allowed ? {} : { 'retry-after': String(result.resetSeconds) }),
  };
}

/** The 429 answer of a refused request: `{ error: { code: 'rate_limited', message } }` with the headers. */
export function rateLimitedError(result: RateLimitResult): HTTPException {
  const message = `Too many requests. Try again in ${result.resetSeconds} s.`;
  const body: ErrorBody = { error: { code: 'rate_limited', message } };
  return new HTTPException(429, {
    message,
    res: new Response(JSON.stringify(body), {
      status: 429,
      headers: { 'content-type': 'application/json; charset=utf-8', ...rateLimitHeaders(result) },
    }),
  });
}

/**
 * Rate-limiting middleware: counts each request against `key(c)` in a fixed window and
 * answers `429` with a JSON error and `Retry-After` past `limit`. Every counted answer
 * carries `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` and `RateLimit-Policy`
 * (unless a more specific limiter inside already set them).
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { clientAddress, rateLimit } from 'handrail';
 *
 * const app = new Hono();
 * app.use('/api/*', rateLimit({ windowMs: 60_000, limit: 600, key: clientAddress }));
 * ```
 */
export function rateLimit<E extends Env = Env>({ key, ...limiterOptions }: RateLimitOptions<E>): MiddlewareHandler<E> {
  const limiter = createRateLimiter(limiterOptions);
  return async (c, next) => {
    const name = await key(c);
    if (name === undefined) return next();
    const result = await limiter.check(name);
    if (!result.allowed) throw rateLimitedError(result);
    await next();
    // A more specific limiter inside (per conversation, per user) has set its own headers: they stay.
    if (c.res.headers.has('ratelimit-limit')) return;
    for (const [header, value] of Object.entries(rateLimitHeaders(result))) c.res.headers.set(header, value);
  };
}

/**
 * Which proxies in front of the app may say who the client is (in `X-Forwarded-For`): the
 * number of proxy hops (`1` behind one load balancer), or the proxies' own addresses. Without
 * it no forwarding header is believed, since any client can send one.
 */
export type TrustProxy = number | readonly string[];

/** Options of {@link clientAddress}. */
export interface ClientAddressOptions {
  trustProxy?: TrustProxy | undefined;
}

/**
 * The client's address: on Cloudflare Workers `cf-connecting-ip` (set by Cloudflare's edge,
 * never by the client); on Node the socket's address, or with `trustProxy` the address the
 * trusted proxies report in `X-Forwarded-For` (the entry `trustProxy` hops from the right, or
 * the rightmost one that is not a listed proxy); else `'unknown'`. A client cannot change its
 * address by sending headers.
 */
export function clientAddress(c: Context, { trustProxy }: ClientAddressOptions = {}): string {
  // On Workers the request carries `cf` (set by the runtime) and Cloudflare overwrites this header.
  if ((c.req.raw as { cf?: unknown }).cf !== undefined) {
    const edge = c.req.header('cf-connecting-ip')?.trim();
    if (edge) return edge.slice(0, 64);
  }
  // @hono/node-server puts the IncomingMessage in c.env.incoming; elsewhere env has no such field.
  const env = c.env as { incoming?: { socket?: { remoteAddress?: unknown } } } | undefined;
  const remote = env?.incoming?.socket?.remoteAddress;
  const socket = typeof remote === 'string' && remote ? remote : undefined;
  if (trustProxy !== undefined) {
    const forwarded = forwardedClient(c.req.header('x-forwarded-for'), socket, trustProxy);
    if (forwarded) return forwarded.slice(0, 64);
  }
  return socket ?? 'unknown';
}

/** The client's entry of `X-Forwarded-For` as the trusted proxies report it, or undefined. */
function forwardedClient(header: string | undefined, socket: string | undefined, trustProxy: TrustProxy) {
  const hops = (header ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (typeof trustProxy === 'number') return hops.length >= trustProxy ? hops[hops.length - trustProxy] : undefined;
  const proxies = new Set(trustProxy.map(normalizeAddress));
  // The request must come from a listed proxy; then walk back past the listed ones.
  if (socket !== undefined && !proxies.has(normalizeAddress(socket))) return undefined;
  for (let index = hops.length - 1; index >= 0; index--) {
    if (!proxies.has(normalizeAddress(hops[index]!))) return hops[index];
  }
  return undefined;
}

/** `::ffff:10.0.0.1` (an IPv4 address on an IPv6 socket) as `10.0.0.1`. */
function normalizeAddress(address: string): string {
  return address.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}
