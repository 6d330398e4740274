import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { StoreUnavailableError } from '../errors/store-unavailable-error.js';
import { loadNodeSqlite } from './load-node-sqlite.js';
import { sqliteSchema } from './sqlite-conversation-sql.js';

/**
 * Opens (or creates) the store's database at `path`, making its folder when missing, and its
 * tables: a lock wait of `busyTimeoutMs`, write-ahead logging on a file, `synchronous = NORMAL`.
 */
export function openSqliteDatabase(path: string, busyTimeoutMs: number): DatabaseSync {
  const { DatabaseSync: Database } = loadNodeSqlite();
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database: DatabaseSync = new Database(path);
  database.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  if (path !== ':memory:') database.exec('PRAGMA journal_mode = WAL');
  database.exec('PRAGMA synchronous = NORMAL');
  database.exec(sqliteSchema);
  return database;
}

/** Runs `work` in one write transaction: all of its writes are kept, or none. */
export function inWriteTransaction<T>(database: DatabaseSync, work: () => T): T {
  database.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    database.exec('COMMIT');
    return result;
  } catch (error) {
    database.exec('ROLLBACK');
    throw error;
  }
}

/** Runs a database call, turning driver failures into `StoreUnavailableError`. */
export function runSqlite<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw new StoreUnavailableError({ message: 'The SQLite store could not be read or written.', cause: error });
  }
}
