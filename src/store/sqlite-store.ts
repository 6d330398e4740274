import { StoreConflictError } from '../errors/store-conflict-error.js';
import { deliveryRow, leaseRow, parseDelivery } from './sql-outbox.js';
import { teamLoadsParameters } from './sql-team-loads.js';
import { type ConversationRow, conversationRow, parseConversation, parseSummary } from './sqlite-conversation-rows.js';
import { inWriteTransaction, openSqliteDatabase, runSqlite } from './sqlite-database.js';
import { sqliteHandoffMetrics } from './sqlite-metrics.js';
import { sqliteQueue } from './sqlite-queue.js';
import { prepareSqliteStatements, type SqliteStatements } from './sqlite-statements.js';
import type { OutboxDelivery, Store, StoredConversation } from './store.js';
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
  const database = openSqliteDatabase(path, busyTimeoutMs);
  const statements = prepareSqliteStatements(database);
  const enqueue = (deliveries: readonly OutboxDelivery[]) => {
    for (const delivery of deliveries) statements.enqueue.run(...deliveryRow(delivery));
  };

  return {
    async getConversation(id) {
      const row = runSqlite(() => statements.get.get(id)) as { data: string } | undefined;
      return row ? parseConversation(row) : null;
    },

    async putConversation(conversation, expectedVersion, deliveries = []) {
      const stored: StoredConversation = { ...conversation, version: (expectedVersion ?? 0) + 1 };
      const row = conversationRow(stored);
      const written = runSqlite(() =>
        inWriteTransaction(database, () => {
          if (!writeConversation(statements, stored, row, expectedVersion)) return false;
          enqueue(deliveries);
          return true;
        }),
      );
      if (!written) throw new StoreConflictError({ conversationId: conversation.id });
      return parseConversation(row);
    },

    async listConversations(filter = {}) {
      const states = filter.states;
      if (states && states.length === 0) return [];
      // By state through the index: the queue and routing read the active few, not every conversation.
      const rows = runSqlite(() =>
        states ? statements.listByStates(states.length).all(...states) : statements.listAll.all(),
      ) as Array<{ summary: string }>;
      return rows.map(parseSummary);
    },

    async enqueueDeliveries(deliveries) {
      runSqlite(() => inWriteTransaction(database, () => enqueue(deliveries)));
    },

    async dueDeliveries(now, limit) {
      const rows = runSqlite(() => statements.due.all(now.getTime(), Math.max(0, Math.floor(limit))));
      return (rows as Array<{ data: string }>).map(parseDelivery);
    },

    async updateDelivery(delivery, expectedAttempts) {
      if (expectedAttempts === undefined) {
        runSqlite(() => statements.updateDelivery.run(...deliveryRow(delivery)));
        return true;
      }
      return runSqlite(() => statements.lease.all(...leaseRow(delivery, expectedAttempts))).length === 1;
    },

    async listDeliveries() {
      const rows = runSqlite(() => statements.listDeliveries.all()) as Array<{ data: string }>;
      return rows.map(parseDelivery);
    },

    async handoffMetrics(filter) {
      return runSqlite(() => sqliteHandoffMetrics(database, filter));
    },

    async listQueue(filter) {
      return runSqlite(() => sqliteQueue(database, filter));
    },

    async teamLoads(filter) {
      const rows = runSqlite(() => statements.teamLoads.all(...teamLoadsParameters(filter)));
      return teamLoadsFromRows(rows as unknown as TeamLoadRow[]);
    },

    close() {
      if (database.isOpen) database.close();
    },
  };
}

/**
 * Inserts `stored` (`expectedVersion` null) or updates it if the stored row has `expectedVersion`;
 * answers whether a row was written. Call it inside a write transaction.
 */
function writeConversation(
  statements: SqliteStatements,
  stored: StoredConversation,
  { data, summary }: ConversationRow,
  expectedVersion: number | null,
): boolean {
  const result =
    expectedVersion === null
      ? statements.insert.run(stored.id, stored.state, summary, data)
      : statements.update.run(stored.state, summary, data, stored.id, expectedVersion);
  return Number(result.changes) === 1;
}
