import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { StoreConflictError } from '../errors/store-conflict-error.js';
import { StoreUnavailableError } from '../errors/store-unavailable-error.js';
import { loadNodeSqlite } from './load-node-sqlite.js';
import { summarizeConversation } from './memory-store.js';
import { deliveryRow, leaseRow, outboxSql, parseDelivery } from './sql-outbox.js';
import { teamLoadsParameters, teamLoadsSql } from './sql-team-loads.js';
import { sqliteHandoffMetrics } from './sqlite-metrics.js';
import { sqliteQueue } from './sqlite-queue.js';
import type { ConversationSummary, Store, StoredConversation } from './store.js';
import { type TeamLoadRow, teamLoadsFromRows } from './team-loads-of.js';

/** Options of {@link createSqliteStore}. */
export interface SqliteStoreOptions {
  /** Database file; its folder is created when missing. `:memory:` keeps nothing on disk. */
  path: string;
  /** How long a write waits for another process holding the database lock. @default 5000 */
  busyTimeoutMs?: number;
}

/** A {@link Store} backed by one SQLite file; `close()` releases the file. */
export interface SqliteStore extends Store {
  close(): void;
}

const schema = `
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  write_sequence INTEGER NOT NULL,
  summary TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_by_write ON conversations (write_sequence);
CREATE INDEX IF NOT EXISTS conversations_by_state ON conversations (state, write_sequence);
${outboxSql.schema}
`;

/**
 * A durable `Store` for Node (22+) on the built-in `node:sqlite`: one file holds the
 * conversations and the outbox, so state survives a restart. Conditional writes are a
 * single `UPDATE ... WHERE version = ?` (or `INSERT ... ON CONFLICT DO NOTHING`), atomic
 * even when several processes share the file.
 *
 * Node only: the Worker uses `createDurableObjectStore` instead. `node:sqlite` is loaded here, when
 * the store is made (importing `handrail/sqlite` prints no experimental warning); on a Node
 * without it, this throws an error naming the Node version it needs.
 *
 * @example
 * const store = createSqliteStore({ path: '.handrail/handrail.db' });
 * app.route('/api', handrail({ model, store }));
 */
export function createSqliteStore({ path, busyTimeoutMs = 5000 }: SqliteStoreOptions): SqliteStore {
  const { DatabaseSync: Database } = loadNodeSqlite();
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database: DatabaseSync = new Database(path);
  database.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  if (path !== ':memory:') database.exec('PRAGMA journal_mode = WAL');
  database.exec('PRAGMA synchronous = NORMAL');
  database.exec(schema);

  const statements = {
    get: database.prepare('SELECT data FROM conversations WHERE id = ?'),
    insert: database.prepare(
      `INSERT INTO conversations (id, version, state, write_sequence, summary, data)
       VALUES (?, 1, ?, (SELECT coalesce(max(write_sequence), 0) + 1 FROM conversations), ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    ),
    update: database.prepare(
      `UPDATE conversations
       SET version = version + 1, state = ?, summary = ?, data = ?,
           write_sequence = (SELECT coalesce(max(write_sequence), 0) + 1 FROM conversations)
       WHERE id = ? AND version = ?`,
    ),
    listAll: database.prepare('SELECT summary FROM conversations ORDER BY write_sequence'),
    enqueue: database.prepare(outboxSql.enqueue),
    due: database.prepare(outboxSql.due),
    updateDelivery: database.prepare(outboxSql.upsert),
    lease: database.prepare(outboxSql.lease),
    listDeliveries: database.prepare(outboxSql.list),
    teamLoads: database.prepare(teamLoadsSql('conversations', 'summary')),
  };

  // One prepared statement per number of states listed (the queue and routing ask for the same three on every handoff).
  const byStateCount = new Map<number, ReturnType<DatabaseSync['prepare']>>();
  const listByStates = (count: number) => {
    let statement = byStateCount.get(count);
    if (!statement) {
      const marks = Array.from({ length: count }, () => '?').join(', ');
      statement = database.prepare(
        `SELECT summary FROM conversations WHERE state IN (${marks}) ORDER BY write_sequence`,
      );
      byStateCount.set(count, statement);
    }
    return statement;
  };

  /** Runs `work` in one write transaction: all of its writes are kept, or none. */
  const transaction = <T>(work: () => T): T => {
    database.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      database.exec('COMMIT');
      return result;
    } catch (error) {
      database.exec('ROLLBACK');
      throw error;
    }
  };

  /** Runs a database call, turning driver failures into `StoreUnavailableError`. */
  const run = <T>(operation: () => T): T => {
    try {
      return operation();
    } catch (error) {
      throw new StoreUnavailableError({ message: 'The SQLite store could not be read or written.', cause: error });
    }
  };

  return {
    async getConversation(id) {
      const row = run(() => statements.get.get(id)) as { data: string } | undefined;
      return row ? (JSON.parse(row.data) as StoredConversation) : null;
    },

    async putConversation(conversation, expectedVersion, deliveries = []) {
      const stored: StoredConversation = { ...conversation, version: (expectedVersion ?? 0) + 1 };
      const data = JSON.stringify(stored);
      const summary = JSON.stringify(summarizeConversation(stored));
      const written = run(() =>
        transaction(() => {
          const result =
            expectedVersion === null
              ? statements.insert.run(stored.id, stored.state, summary, data)
              : statements.update.run(stored.state, summary, data, stored.id, expectedVersion);
          if (Number(result.changes) !== 1) return false;
          for (const delivery of deliveries) statements.enqueue.run(...deliveryRow(delivery));
          return true;
        }),
      );
      if (!written) throw new StoreConflictError({ conversationId: conversation.id });
      return JSON.parse(data) as StoredConversation;
    },

    async listConversations(filter = {}) {
      const states = filter.states;
      if (states && states.length === 0) return [];
      // By state through the index: the queue and routing read the active few, not every conversation.
      const rows = run(() =>
        states ? listByStates(states.length).all(...states) : statements.listAll.all(),
      ) as Array<{ summary: string }>;
      return rows.map((row) => JSON.parse(row.summary) as ConversationSummary);
    },

    async enqueueDeliveries(deliveries) {
      run(() =>
        transaction(() => {
          for (const delivery of deliveries) statements.enqueue.run(...deliveryRow(delivery));
        }),
      );
    },

    async dueDeliveries(now, limit) {
      const rows = run(() => statements.due.all(now.getTime(), Math.max(0, Math.floor(limit)))) as Array<{
        data: string;
      }>;
      return rows.map(parseDelivery);
    },

    async updateDelivery(delivery, expectedAttempts) {
      if (expectedAttempts === undefined) {
        run(() => statements.updateDelivery.run(...deliveryRow(delivery)));
        return true;
      }
      return run(() => statements.lease.all(...leaseRow(delivery, expectedAttempts))).length === 1;
    },

    async listDeliveries() {
      const rows = run(() => statements.listDeliveries.all()) as Array<{ data: string }>;
      return rows.map(parseDelivery);
    },

    async handoffMetrics(filter) {
      return run(() => sqliteHandoffMetrics(database, filter));
    },

    async listQueue(filter) {
      return run(() => sqliteQueue(database, filter));
    },

    async teamLoads(filter) {
      const rows = run(() => statements.teamLoads.all(...teamLoadsParameters(filter)));
      return teamLoadsFromRows(rows as unknown as TeamLoadRow[]);
    },

    close() {
      if (database.isOpen) database.close();
    },
  };
}
