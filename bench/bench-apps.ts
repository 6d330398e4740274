import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { convertToModelMessages, type LanguageModel, streamText, type UIMessage } from 'ai';
import { Hono } from 'hono';
import { createHandrailEngine } from '../src/handrail.js';
import { createMemoryStore } from '../src/store/memory-store.js';
import type { Store } from '../src/store/store.js';

/**
 * The baseline: a bare Hono route calling the AI SDK's `streamText` with the same model and
 * answering the UI message stream, with no guard and no store.
 */
export function createBareApp(model: LanguageModel): Hono {
  const app = new Hono();
  app.post('/api/chat', async (c) => {
    const body = await c.req.json<{ messages: UIMessage[] }>();
    const result = streamText({ model, messages: await convertToModelMessages(body.messages) });
    return result.toUIMessageStreamResponse();
  });
  return app;
}

/** Options of {@link createHandrailApp}. */
export interface HandrailAppOptions {
  model: LanguageModel;
  /** Scope utterances for the out-of-scope detector; none leaves it off. */
  scope?: string[];
  /** @default true */
  holdOutput?: boolean;
  /** @default 'none' (every request opens a new conversation) */
  conversationAuth?: 'none' | 'token';
  /** A store to use (one already holding conversations, say). @default a fresh memory store */
  store?: Store;
}

/** Limits high enough that a load test from one address is never refused, while the limiter still runs. */
const unreachableLimit = { limit: 1_000_000, windowMs: 60_000 };

/**
 * Handrail at `/api` as a host would mount it: guard on (with the scope when given), a fresh
 * in-memory store, `conversationAuth: 'none'` (every request opens a new conversation), the
 * extractive brief, and the rate limiters running with limits a load test cannot reach.
 */
export function createHandrailApp({
  model,
  scope,
  holdOutput = true,
  conversationAuth = 'none',
  store = createMemoryStore(),
}: HandrailAppOptions): Hono {
  const engine = createHandrailEngine({
    model,
    store,
    conversationAuth,
    holdOutput,
    brief: { model: false },
    rateLimit: { perConversation: unreachableLimit, perIp: unreachableLimit },
    ...(scope ? { guard: { scope: { utterances: scope } } } : {}),
  });
  const app = new Hono();
  app.route('/api', engine.app);
  return app;
}

/** A listening server whose app can be swapped between runs. */
export interface BenchServer {
  url: string;
  /** Serves `app` from now on. */
  use(app: Hono): void;
  close(): Promise<void>;
}

/** Starts a `@hono/node-server` on 127.0.0.1, port 0, serving `app` (replaceable with `use`). */
export async function startBenchServer(app: Hono): Promise<BenchServer> {
  let current = app;
  return await new Promise((resolve, reject) => {
    const server = serve(
      { fetch: (request, env) => current.fetch(request, env), port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        resolve({
          url: `http://127.0.0.1:${info.port}`,
          use(next) {
            current = next;
          },
          close: () =>
            new Promise<void>((done) => {
              if ('closeAllConnections' in server && typeof server.closeAllConnections === 'function') {
                server.closeAllConnections();
              }
              server.close(() => done());
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
