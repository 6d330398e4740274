/** One versioned schema change. `sql` runs with `search_path` unset: every name is qualified by `{schema}`. */
export interface PostgresMigration {
  version: number;
  name: string;
  /** Statements, with `{schema}` standing for the quoted schema name. */
  sql: string;
}

/**
 * The Postgres schema of Handrail, as data shipped with the package: applied in order, each
 * once, by {@link migratePostgres} (on first connect, or `npx handrail-postgres migrate`). Never
 * edit a released migration: add the next version.
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'conversations, outbox, rate limits',
    sql: `
CREATE SEQUENCE {schema}.write_sequence;
CREATE TABLE {schema}.conversations (
  id text PRIMARY KEY,
  version integer NOT NULL,
  state text NOT NULL,
  -- The handoff's fields that the queue and metrics read, so they are aggregated in SQL.
  team text,
  has_handoff boolean NOT NULL DEFAULT false,
  has_ticket boolean NOT NULL DEFAULT false,
  reasons text[] NOT NULL DEFAULT '{}',
  handoff_hour smallint,
  first_reply_seconds double precision,
  urgency_rank smallint NOT NULL DEFAULT 2,
  queued_at_ms bigint NOT NULL DEFAULT 0,
  write_sequence bigint NOT NULL DEFAULT nextval('{schema}.write_sequence'),
  summary text NOT NULL,
  data text NOT NULL
);
-- The full list and the queue (by state), in update order.
CREATE INDEX conversations_by_write ON {schema}.conversations (write_sequence);
CREATE INDEX conversations_by_state ON {schema}.conversations (state, write_sequence);
-- The agent queue, in its order (urgency, then oldest), a page at a time.
CREATE INDEX conversations_queue ON {schema}.conversations (urgency_rank, queued_at_ms, write_sequence)
  WHERE state IN ('queued', 'assigned', 'human');
-- Metrics of an agent who sees some teams only.
CREATE INDEX conversations_by_team ON {schema}.conversations (team) WHERE has_handoff;

CREATE SEQUENCE {schema}.enqueue_sequence;
CREATE TABLE {schema}.deliveries (
  id text PRIMARY KEY,
  status text NOT NULL,
  attempts integer NOT NULL,
  created_at_ms bigint NOT NULL,
  next_attempt_at_ms bigint NOT NULL,
  enqueue_sequence bigint NOT NULL DEFAULT nextval('{schema}.enqueue_sequence'),
  data text NOT NULL
);
-- Due deliveries: pending only (delivered and failed ones pile up outside the index).
CREATE INDEX deliveries_due ON {schema}.deliveries (next_attempt_at_ms, created_at_ms) WHERE status = 'pending';
CREATE INDEX deliveries_by_enqueue ON {schema}.deliveries (enqueue_sequence);

-- Fixed-window counters; losing them in a crash only resets the current windows.
CREATE UNLOGGED TABLE {schema}.rate_limits (
  key text PRIMARY KEY,
  reset_at_ms bigint NOT NULL,
  count integer NOT NULL
);
CREATE INDEX rate_limits_expiry ON {schema}.rate_limits (reset_at_ms);
`,
  },
  {
    version: 2,
    name: 'team loads',
    sql: `
-- The handoff's fields that the team loads (routing and wait estimates) group by, in SQL.
ALTER TABLE {schema}.conversations
  ADD COLUMN agent_id text,
  ADD COLUMN collecting boolean NOT NULL DEFAULT false;
UPDATE {schema}.conversations
SET agent_id = nullif(data::jsonb -> 'handoff' ->> 'agentId', ''),
  collecting = coalesce(data::jsonb -> 'handoff' ->> 'collecting' = 'true', false)
WHERE has_handoff;
-- The GROUP BY team, agent of the active few, read from the index alone.
CREATE INDEX conversations_loads ON {schema}.conversations (team, agent_id)
  INCLUDE (id, state, has_handoff, collecting, urgency_rank, queued_at_ms)
  WHERE state IN ('queued', 'assigned', 'human');
`,
  },
  {
    version: 3,
    name: 'guard state',
    sql: `
-- What the guard has read of the transcript (StoredConversation.guardState), kept beside the
-- conversation's data and written in the same conditional write; null: the guard reads from scratch.
ALTER TABLE {schema}.conversations ADD COLUMN guard_state jsonb;
`,
  },
];
