import type { RateLimitStore } from '../../http/rate-limit.js';
import type { PostgresStore } from './postgres-store.js';

/** Options of {@link createPostgresRateLimitStore}. */
export interface PostgresRateLimitStoreOptions {
  /** The store whose database, schema and pool hold the counters (its migrations create the table). */
  store: PostgresStore;
}

/**
 * Rate-limit counters in Postgres, so a limit holds across every instance on the database: one
 * upsert per counted request (`INSERT ... ON CONFLICT DO UPDATE ... RETURNING`), atomic under
 * concurrency. An instance whose clock lags never restarts a window that another already moved
 * on from. Expired windows are deleted at most once per window length. The table is `UNLOGGED`:
 * a database crash only resets the current windows.
 *
 * @example
 * const store = createPostgresStore({ url: process.env.DATABASE_URL });
 * app.route('/api', handrail({ model, store, rateLimit: { store: createPostgresRateLimitStore({ store }) } }));
 */
export function createPostgresRateLimitStore({ store }: PostgresRateLimitStoreOptions): RateLimitStore {
  if (!store || typeof store.ready !== 'function' || typeof store.sql !== 'function') {
    throw new Error('createPostgresRateLimitStore: store must be a store made by createPostgresStore.');
  }
  const { sql } = store;
  const table = sql(`${store.schema}.rate_limits`);
  let nextSweep = 0;
  return {
    async increment(key, windowMs, now) {
      await store.ready();
      const resetAt = (Math.floor(now / windowMs) + 1) * windowMs;
      if (now >= nextSweep) {
        nextSweep = now + windowMs;
        // Best effort: a failed sweep is retried a window later.
        sql`delete from ${table} where reset_at_ms <= ${now}`.catch(() => {});
      }
      const [row] = await sql<Array<{ count: number; reset_at_ms: string }>>`
        insert into ${table} (key, reset_at_ms, count) values (${key}, ${resetAt}, 1)
        on conflict (key) do update set
          count = case when excluded.reset_at_ms > ${table}.reset_at_ms then 1 else ${table}.count + 1 end,
          reset_at_ms = greatest(excluded.reset_at_ms, ${table}.reset_at_ms)
        returning count, reset_at_ms`;
      return { count: row!.count, resetAt: Number(row!.reset_at_ms) };
    },
  };
}
