import { type Context, Hono } from 'hono';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createHandrailEngine, handrail } from '../src/handrail.js';
import type { ConversationAuthHook, HandrailOptions } from '../src/handrail-options.js';
import { createOfflineModel } from '../src/model/index.js';
import { chatBody, userMessage } from './support/ui-stream.js';

// The type-level half of this file is checked by `npm run typecheck` (tsconfig includes test/):
// a wrong use below without its error fails the type check, a right use with an error fails it too.

/** A host app whose middleware authenticates the user and stores it on the context. */
type AppEnv = { Variables: { user: { id: string } } };

const jsonAccept = { 'content-type': 'application/json', accept: 'application/json' };

function hostApp(seen: string[]) {
  const app = new Hono<AppEnv>();
  app.use('/api/*', async (c, next) => {
    c.set('user', { id: c.req.header('x-user') ?? 'anonymous' });
    await next();
  });
  app.route(
    '/api',
    handrail<AppEnv>({
      model: createOfflineModel(),
      // No cast: c is a Context<AppEnv>, so c.get('user') is { id: string }.
      conversationAuth: (c, conversationId) => {
        seen.push(c.get('user').id);
        return conversationId.startsWith(`${c.get('user').id}-`);
      },
      rateLimit: { perIp: { limit: 100, windowMs: 60_000, key: (c) => c.get('user').id }, perConversation: false },
    }),
  );
  return app;
}

describe('handrail<E>() in a host app with its own Env', () => {
  it("gives conversationAuth the host's context, with the variables its middleware set", async () => {
    const seen: string[] = [];
    const app = hostApp(seen);
    const ask = (user: string, id: string) =>
      app.request('/api/chat', {
        method: 'POST',
        headers: { ...jsonAccept, 'x-user': user },
        body: chatBody(id, [userMessage('How long does shipping take?')]),
      });

    expect((await ask('alice', 'alice-conversation-1')).status).toBe(200);
    const refused = await ask('bob', 'alice-conversation-2');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(seen).toEqual(['alice', 'bob']);
  });

  it('types the hooks with the Env and returns a Hono<E>', () => {
    const options = { model: createOfflineModel() };
    expectTypeOf(handrail<AppEnv>(options)).toEqualTypeOf<Hono<AppEnv>>();
    expectTypeOf(createHandrailEngine<AppEnv>(options).app).toEqualTypeOf<Hono<AppEnv>>();
    expectTypeOf<Parameters<ConversationAuthHook<AppEnv>>[0]>().toEqualTypeOf<Context<AppEnv>>();
    const hook: ConversationAuthHook<AppEnv> = (c) => {
      expectTypeOf(c.get('user')).toEqualTypeOf<{ id: string }>();
      expectTypeOf(c.get('user')).not.toBeAny();
      return true;
    };
    expectTypeOf(hook).toExtend<NonNullable<HandrailOptions<AppEnv>['conversationAuth']>>();

    // The Env is inferred from an annotated hook, too.
    const inferred = handrail({
      model: createOfflineModel(),
      conversationAuth: (c: Context<AppEnv>) => c.get('user').id.length > 0,
    });
    expectTypeOf(inferred).toEqualTypeOf<Hono<AppEnv>>();
    // And it mounts in the host app as any sub-app does.
    expectTypeOf(new Hono<AppEnv>().route('/api', inferred)).toExtend<Hono<AppEnv>>();
  });

  it('rejects at compile time what the Env does not have', () => {
    const wrong: HandrailOptions<AppEnv> = {
      model: createOfflineModel(),
      conversationAuth: (c) =>
        // @ts-expect-error: the host's user has no `name`.
        c.get('user').name === 'alice',
      rateLimit: {
        perIp: {
          limit: 1,
          windowMs: 60_000,
          // @ts-expect-error: `session` is not among the host's variables.
          key: (c) => c.get('session'),
        },
      },
    };
    const withoutEnv: HandrailOptions = {
      model: createOfflineModel(),
      // @ts-expect-error: without the host's Env there are no variables to read (no silent `any`).
      conversationAuth: (c) => c.get('user').id === 'alice',
    };
    // @ts-expect-error: a hook of another Env does not fit this app's options.
    const otherEnv: HandrailOptions<AppEnv> = { model: createOfflineModel(), conversationAuth: otherHook };
    expect([wrong, withoutEnv, otherEnv].length).toBe(3);
  });
});

const otherHook: ConversationAuthHook<{ Variables: { tenant: number } }> = (c) => c.get('tenant') > 0;
