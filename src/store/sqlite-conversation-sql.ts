import { outboxSql } from './sql-outbox.js';

/**
 * The conversations table of the `node:sqlite` store and its statements: each row holds the
 * conversation's JSON (`data`), its summary's JSON (`summary`) and the columns the store filters
 * and orders by. `insert` takes id, state, summary and data; `update` takes state, summary, data,
 * then the id and the version the stored row must have. Both move the row to the end of the
 * write order.
 */
export const conversationSql = {
  schema: `
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  write_sequence INTEGER NOT NULL,
  summary TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_by_write ON conversations (write_sequence);
CREATE INDEX IF NOT EXISTS conversations_by_state ON conversations (state, write_sequence);`,
  get: 'SELECT data FROM conversations WHERE id = ?',
  insert: `INSERT INTO conversations (id, version, state, write_sequence, summary, data)
       VALUES (?, 1, ?, (SELECT coalesce(max(write_sequence), 0) + 1 FROM conversations), ?, ?)
       ON CONFLICT (id) DO NOTHING`,
  update: `UPDATE conversations
       SET version = version + 1, state = ?, summary = ?, data = ?,
           write_sequence = (SELECT coalesce(max(write_sequence), 0) + 1 FROM conversations)
       WHERE id = ? AND version = ?`,
  listAll: 'SELECT summary FROM conversations ORDER BY write_sequence',
} as const;

/** The whole schema of the `node:sqlite` store: the conversations and the notification outbox. */
export const sqliteSchema = `${conversationSql.schema}
${outboxSql.schema}
`;

/** The summaries of the conversations in any of `count` states (the parameters), in write order. */
export function listByStatesSql(count: number): string {
  const marks = Array.from({ length: count }, () => '?').join(', ');
  return `SELECT summary FROM conversations WHERE state IN (${marks}) ORDER BY write_sequence`;
}
