import postgres, { type Helper, type Sql } from 'postgres';
import { z } from 'zod';
import type { HandoffMetrics } from '../../agent/handoff-metrics.js';
import { StoreConflictError } from '../../errors/store-conflict-error.js';
import { StoreUnavailableError } from '../../errors/store-unavailable-error.js';
import { parseStoreOptions } from '../parse-store-options.js';
import type {
  ConversationSummary,
  HandoffMetricsFilter,
  OutboxDelivery,
  QueueFilter,
  QueuePage,
  Store,
  StoredConversation,
  TeamLoad,
  TeamLoadFilter,
} from '../store.js';
import { summarizeConversation } from '../summarize-conversation.js';
import { conversationColumns } from './conversation-columns.js';
import { migratePostgres, schemaNamePattern } from './migrate-postgres.js';
import { changePayload, createPostgresChangeFeed } from './postgres-change-feed.js';
import { queryHandoffMetrics } from './postgres-metrics.js';
import { queryQueue } from './postgres-queue.js';
import { queryTeamLoads } from './postgres-team-loads.js';

/** Options of {@link createPostgresStore}: a connection string, or a postgres.js client to share. */
export interface PostgresStoreOptions {
  /** Connection string (`postgres://user:password@host:5432/database`). */
  url?: string;
  /** A postgres.js client to use instead of `url` (its pool is shared; `close()` leaves it open). */
  sql?: Sql;
  /** Schema that holds Handrail's tables; created when missing. @default 'handrail' */
  schema?: string;
  /** Most connections of this instance's pool (with `url`), plus one for `LISTEN`. @default 10 */
  max?: number;
  /** Apply the shipped migrations on first use (under an advisory lock). `false`: run `handrail-postgres migrate` yourself. @default true */
  migrate?: boolean;
}

/** A {@link Store} on Postgres, with a change feed; `close()` ends its connections. */
export interface PostgresStore extends Store {
  watch(conversationId: string, onChange: () => void): () => void;
  handoffMetrics(filter?: HandoffMetricsFilter): Promise<HandoffMetrics>;
  listQueue(filter?: QueueFilter): Promise<QueuePage>;
  teamLoads(filter?: TeamLoadFilter): Promise<TeamLoad[]>;
  /** Resolves once the schema is migrated and the store can be used (every method waits for it anyway). */
  ready(): Promise<void>;
  /** The postgres.js client (for {@link createPostgresRateLimitStore} and your own queries). */
  readonly sql: Sql;
  readonly schema: string;
  close(): Promise<void>;
}

const optionsSchema = z
  .object({
    url: z.string().min(1).optional(),
    sql: z.custom<Sql>((value) => typeof value === 'function', 'must be a postgres.js client').optional(),
    schema: z.string().regex(schemaNamePattern, 'must be a lower-case identifier of at most 40 characters').optional(),
    max: z.number().int().positive().optional(),
    migrate: z.boolean().optional(),
  })
  .strict()
  .refine((options) => (options.url === undefined) !== (options.sql === undefined), 'pass either url or sql');

/** The `LISTEN` channel of a schema's conversation changes. */
export function postgresChannel(schema: string): string {
  return `handrail_${schema}_changes`;
}

/** The delivery columns, as the JSON that `jsonb_to_recordset` turns back into rows. */
function deliveryRows(deliveries: readonly OutboxDelivery[]) {
  return deliveries.map((delivery) => ({
    id: delivery.id,
    status: delivery.status,
    attempts: delivery.attempts,
    created_at_ms: Date.parse(delivery.createdAt),
    next_attempt_at_ms: Date.parse(delivery.nextAttemptAt),
    data: JSON.stringify(delivery),
  }));
}

/**
 * A durable `Store` for several Node instances on one Postgres (driver: postgres.js). Every
 * conversation write is one statement: the conditional update (`WHERE version = $expected`, or
 * `INSERT ... ON CONFLICT DO NOTHING`), its outbox rows and a `pg_notify` commit together or not
 * at all. Deliveries are leased with `FOR UPDATE SKIP LOCKED`. `watch` is fed by
 * `LISTEN/NOTIFY`, so the live event streams of every instance hear of every write at once.
 *
 * @example
 * import { createPostgresStore, createPostgresRateLimitStore } from 'handrail/postgres';
 * const store = createPostgresStore({ url: process.env.DATABASE_URL });
 * app.route('/api', handrail({ model, store, rateLimit: { store: createPostgresRateLimitStore({ store }) } }));
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const {
    url,
    schema = 'handrail',
    max = 10,
    migrate = true,
  } = parseStoreOptions('createPostgresStore', optionsSchema, options);
  const owned = !options.sql;
  const sql = options.sql ?? postgres(url!, { max, onnotice: () => {}, connection: { application_name: 'handrail' } });
  const ready = migrateOnce(sql, schema, migrate);
  const context: PostgresContext = {
    sql,
    table: { conversations: sql(`${schema}.conversations`), deliveries: sql(`${schema}.deliveries`) },
    channel: postgresChannel(schema),
    run: async (operation) => {
      try {
        await ready();
        return await operation();
      } catch (error) {
        throw new StoreUnavailableError({ message: 'The Postgres store could not be read or written.', cause: error });
      }
    },
  };
  const feed = createPostgresChangeFeed({ sql, channel: context.channel });

  return {
    sql,
    schema,
    ready,
    ...conversationMethods(context),
    ...outboxMethods(context),
    ...aggregateMethods(context),

    watch(conversationId, onChange) {
      return feed.watch(conversationId, onChange);
    },

    async close() {
      await feed.close();
      if (owned) await sql.end({ timeout: 5 });
    },
  };
}

/** What the pieces of a Postgres store share: the client, its tables and the guard of every query. */
interface PostgresContext {
  sql: Sql;
  /** The schema-qualified tables. */
  table: { conversations: Helper<string, []>; deliveries: Helper<string, []> };
  /** The `LISTEN/NOTIFY` channel of conversation writes. */
  channel: string;
  /** Runs a query once migrated, turning driver failures into `StoreUnavailableError`. */
  run<T>(operation: () => Promise<T>): Promise<T>;
}

/** `ready()`: migrates once (when `migrate`), shared by every caller, and again after a failure. */
function migrateOnce(sql: Sql, schema: string, migrate: boolean): () => Promise<void> {
  let migrated: Promise<void> | null = null;
  return () => {
    migrated ??= (migrate ? migratePostgres(sql, schema).then(() => {}) : Promise.resolve()).catch((error) => {
      migrated = null;
      throw error;
    });
    return migrated;
  };
}

/** Reading, writing and listing conversations. */
function conversationMethods(
  context: PostgresContext,
): Pick<Store, 'getConversation' | 'putConversation' | 'listConversations'> {
  const { sql, table, run } = context;
  return {
    async getConversation(id) {
      const rows = await run(
        () => sql<Array<{ data: string; guard_state: unknown }>>`
        select data, guard_state from ${table.conversations} where id = ${id}`,
      );
      return rows[0] ? withGuardState(JSON.parse(rows[0].data) as StoredConversation, rows[0].guard_state) : null;
    },

    async putConversation(conversation, expectedVersion, deliveries = []) {
      const stored: StoredConversation = { ...conversation, version: (expectedVersion ?? 0) + 1 };
      // The guard state has its own column (migration 3); `data` is the rest.
      const { guardState, ...rest } = stored;
      const data = JSON.stringify(rest);
      const written = await run(() => writeConversation(context, stored, data, expectedVersion, deliveries));
      if (!written) throw new StoreConflictError({ conversationId: conversation.id });
      return withGuardState(JSON.parse(data) as StoredConversation, copyGuardState(guardState));
    },

    async listConversations(filter = {}) {
      const states = filter.states;
      if (states && states.length === 0) return [];
      const rows = await run(() =>
        states
          ? sql<Array<{ summary: string }>>`
              select summary from ${table.conversations}
              where state in (select jsonb_array_elements_text(${sql.json(states)}))
              order by write_sequence`
          : sql<Array<{ summary: string }>>`select summary from ${table.conversations} order by write_sequence`,
      );
      return rows.map((row) => JSON.parse(row.summary) as ConversationSummary);
    },
  };
}

/**
 * Writes `stored` (JSON `data`) if its version is `expectedVersion` (null: new), with its outbox
 * rows; answers whether it did. One statement, so one transaction: the write, its
 * notifications and the NOTIFY (sent at commit).
 */
async function writeConversation(
  { sql, table, channel }: PostgresContext,
  stored: StoredConversation,
  data: string,
  expectedVersion: number | null,
  deliveries: readonly OutboxDelivery[],
): Promise<boolean> {
  const summary = JSON.stringify(summarizeConversation(stored));
  const columns = conversationColumns(stored);
  const reasons = sql.json(columns.reasons);
  const rows = deliveryRows(deliveries);
  const payload = changePayload(stored.id);
  const guardState = stored.guardState === undefined ? null : sql.json(stored.guardState as never);
  const [result] = await sql<Array<{ written: number }>>`
    with written as (${
      expectedVersion === null
        ? sql`insert into ${table.conversations} (id, version, state, team, agent_id, collecting, has_handoff,
              has_ticket, reasons, handoff_hour, first_reply_seconds, urgency_rank, queued_at_ms, summary, data,
              guard_state)
            values (${stored.id}, 1, ${stored.state}, ${columns.team}, ${columns.agentId}, ${columns.collecting},
              ${columns.hasHandoff}, ${columns.hasTicket},
              array(select jsonb_array_elements_text(${reasons})), ${columns.handoffHour},
              ${columns.firstReplySeconds}, ${columns.urgencyRank}, ${columns.queuedAtMs}, ${summary}, ${data},
              ${guardState})
            on conflict (id) do nothing returning id`
        : sql`update ${table.conversations}
            set version = version + 1, state = ${stored.state}, team = ${columns.team},
              agent_id = ${columns.agentId}, collecting = ${columns.collecting},
              has_handoff = ${columns.hasHandoff}, has_ticket = ${columns.hasTicket},
              reasons = array(select jsonb_array_elements_text(${reasons})), handoff_hour = ${columns.handoffHour},
              first_reply_seconds = ${columns.firstReplySeconds}, urgency_rank = ${columns.urgencyRank},
              queued_at_ms = ${columns.queuedAtMs}, summary = ${summary}, data = ${data},
              guard_state = ${guardState}, write_sequence = default
            where id = ${stored.id} and version = ${expectedVersion} returning id`
    }), queued as (
      insert into ${table.deliveries} (id, status, attempts, created_at_ms, next_attempt_at_ms, data)
      select d.id, d.status, d.attempts, d.created_at_ms, d.next_attempt_at_ms, d.data
      from jsonb_to_recordset(${sql.json(rows)})
        as d(id text, status text, attempts integer, created_at_ms bigint, next_attempt_at_ms bigint, data text)
      where exists (select from written)
      on conflict (id) do nothing
    ), notified as (
      select pg_notify(${channel}, ${payload}) from written
    )
    select (select count(*) from written)::int as written, (select count(*) from notified)::int as notified`;
  return result?.written === 1;
}

/** A conversation read from `data`, with the `guard_state` column (null: none). */
function withGuardState(conversation: StoredConversation, guardState: unknown): StoredConversation {
  return guardState === null || guardState === undefined ? conversation : { ...conversation, guardState };
}

/** A copy of a guard state as the column gives it back (plain JSON). */
const copyGuardState = (guardState: unknown): unknown =>
  guardState === undefined ? null : JSON.parse(JSON.stringify(guardState));

/** The notification outbox: enqueueing, due deliveries, the lease and the full list. */
function outboxMethods({
  sql,
  table,
  run,
}: PostgresContext): Pick<Store, 'enqueueDeliveries' | 'dueDeliveries' | 'updateDelivery' | 'listDeliveries'> {
  return {
    async enqueueDeliveries(deliveries) {
      if (deliveries.length === 0) return;
      await run(
        () => sql`
        insert into ${table.deliveries} (id, status, attempts, created_at_ms, next_attempt_at_ms, data)
        select d.id, d.status, d.attempts, d.created_at_ms, d.next_attempt_at_ms, d.data
        from jsonb_to_recordset(${sql.json(deliveryRows(deliveries))})
          as d(id text, status text, attempts integer, created_at_ms bigint, next_attempt_at_ms bigint, data text)
        on conflict (id) do nothing`,
      );
    },

    async dueDeliveries(now, limit) {
      const rows = await run(
        () => sql<Array<{ data: string }>>`
        select data from ${table.deliveries}
        where status = 'pending' and next_attempt_at_ms <= ${now.getTime()}
        order by created_at_ms, enqueue_sequence
        limit ${Math.max(0, Math.floor(limit))}`,
      );
      return rows.map((row) => JSON.parse(row.data) as OutboxDelivery);
    },

    async updateDelivery(delivery, expectedAttempts) {
      const values = {
        status: delivery.status,
        attempts: delivery.attempts,
        createdAt: Date.parse(delivery.createdAt),
        nextAttemptAt: Date.parse(delivery.nextAttemptAt),
        data: JSON.stringify(delivery),
      };
      if (expectedAttempts === undefined) {
        await run(
          () => sql`
          insert into ${table.deliveries} (id, status, attempts, created_at_ms, next_attempt_at_ms, data)
          values (${delivery.id}, ${values.status}, ${values.attempts}, ${values.createdAt}, ${values.nextAttemptAt}, ${values.data})
          on conflict (id) do update set status = excluded.status, attempts = excluded.attempts,
            created_at_ms = excluded.created_at_ms, next_attempt_at_ms = excluded.next_attempt_at_ms,
            data = excluded.data`,
        );
        return true;
      }
      // The lease: a flusher that finds the row locked by another skips it instead of waiting.
      const rows = await run(
        () => sql`
        update ${table.deliveries}
        set status = ${values.status}, attempts = ${values.attempts}, created_at_ms = ${values.createdAt},
          next_attempt_at_ms = ${values.nextAttemptAt}, data = ${values.data}
        where id = (
          select id from ${table.deliveries}
          where id = ${delivery.id} and status = 'pending' and attempts = ${expectedAttempts}
          for update skip locked)
        returning id`,
      );
      return rows.length === 1;
    },

    async listDeliveries() {
      const rows = await run(
        () => sql<Array<{ data: string }>>`
        select data from ${table.deliveries} order by enqueue_sequence`,
      );
      return rows.map((row) => JSON.parse(row.data) as OutboxDelivery);
    },
  };
}

/** What the backend aggregates in SQL: the agent metrics, the queue page and the team loads. */
function aggregateMethods({
  sql,
  table,
  run,
}: PostgresContext): Pick<PostgresStore, 'handoffMetrics' | 'listQueue' | 'teamLoads'> {
  return {
    async handoffMetrics(filter) {
      return run(() => queryHandoffMetrics(sql, table.conversations, filter));
    },

    async listQueue(filter) {
      return run(() => queryQueue(sql, table.conversations, filter));
    },

    async teamLoads(filter) {
      return run(() => queryTeamLoads(sql, table.conversations, filter));
    },
  };
}
