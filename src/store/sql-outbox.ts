import type { OutboxDelivery } from './store.js';

/**
 * The notification outbox as SQLite tables and statements, shared by the two SQLite-backed
 * stores: Node's `node:sqlite` file store and the Workers directory Durable Object. Parameters
 * of `enqueue` and `upsert` are {@link deliveryRow}; of `due`, the time in ms and a limit.
 */
export const outboxSql = {
  schema: `CREATE TABLE IF NOT EXISTS deliveries (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  next_attempt_at_ms INTEGER NOT NULL,
  enqueue_sequence INTEGER NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt_at_ms);`,
  enqueue: `INSERT INTO deliveries (id, status, created_at_ms, next_attempt_at_ms, enqueue_sequence, data)
VALUES (?, ?, ?, ?, (SELECT coalesce(max(enqueue_sequence), 0) + 1 FROM deliveries), ?)
ON CONFLICT (id) DO NOTHING`,
  due: `SELECT data FROM deliveries WHERE status = 'pending' AND next_attempt_at_ms <= ?
ORDER BY created_at_ms, enqueue_sequence LIMIT ?`,
  upsert: `INSERT INTO deliveries (id, status, created_at_ms, next_attempt_at_ms, enqueue_sequence, data)
VALUES (?, ?, ?, ?, (SELECT coalesce(max(enqueue_sequence), 0) + 1 FROM deliveries), ?)
ON CONFLICT (id) DO UPDATE SET status = excluded.status, created_at_ms = excluded.created_at_ms,
  next_attempt_at_ms = excluded.next_attempt_at_ms, data = excluded.data`,
  /** {@link leaseRow}'s parameters: replaces a pending delivery only, and returns its id when it did. */
  lease: `UPDATE deliveries SET status = ?, created_at_ms = ?, next_attempt_at_ms = ?, data = ?
WHERE id = ? AND status = 'pending' AND json_extract(data, '$.attempts') = ?
RETURNING id`,
  list: 'SELECT data FROM deliveries ORDER BY enqueue_sequence',
} as const;

/** The parameters that store one delivery: id, status, created and next attempt times in ms, the JSON. */
export function deliveryRow(delivery: OutboxDelivery): [string, string, number, number, string] {
  return [
    delivery.id,
    delivery.status,
    Date.parse(delivery.createdAt),
    Date.parse(delivery.nextAttemptAt),
    JSON.stringify(delivery),
  ];
}

/** A delivery read back from its `data` column. */
export function parseDelivery(row: { data: string }): OutboxDelivery {
  return JSON.parse(row.data) as OutboxDelivery;
}

/** The parameters of `lease`: the new row, then its id and the attempts the stored row must have. */
export function leaseRow(
  delivery: OutboxDelivery,
  expectedAttempts: number,
): [string, number, number, string, string, number] {
  const [id, status, createdAt, nextAttemptAt, data] = deliveryRow(delivery);
  return [status, createdAt, nextAttemptAt, data, id, expectedAttempts];
}
