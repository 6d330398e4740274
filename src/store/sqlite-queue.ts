import type { DatabaseSync } from 'node:sqlite';
import type { ConversationSummary, QueueFilter, QueuePage } from './store.js';

/** The active conversations an agent sees (`$teams`: a JSON array of team ids, or null for all). */
const active = `active AS (
  SELECT summary, write_sequence,
    CASE coalesce(json_extract(summary, '$.handoff.urgency'), 'normal')
      WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'low' THEN 3 ELSE 2 END AS urgency_rank,
    unixepoch(coalesce(json_extract(summary, '$.handoff.createdAt'), json_extract(summary, '$.createdAt')), 'subsec')
      AS queued_at
  FROM conversations
  WHERE state IN ('queued', 'assigned', 'human')
    AND ($teams IS NULL OR json_extract(summary, '$.handoff.team') IN (SELECT value FROM json_each($teams)))
)`;

const queries = {
  page: `WITH ${active} SELECT summary FROM active ORDER BY urgency_rank, queued_at, write_sequence
    LIMIT $limit OFFSET $offset`,
  total: `WITH ${active} SELECT count(*) AS total FROM active`,
} as const;

/**
 * A page of the agent queue of a SQLite store, ordered and cut in SQL (the active few come
 * through the `(state, write_sequence)` index): urgency, then oldest handoff, then write order,
 * the order `compareQueued` gives. Only the page's summaries reach JavaScript.
 */
export function sqliteQueue(database: DatabaseSync, { teams, limit, offset = 0 }: QueueFilter = {}): QueuePage {
  const parameters = {
    teams: teams ? JSON.stringify(teams) : null,
    limit: limit === undefined ? -1 : Math.max(0, Math.floor(limit)),
    offset: Math.max(0, Math.floor(offset)),
  };
  database.exec('BEGIN');
  try {
    const rows = database.prepare(queries.page).all(parameters) as Array<{ summary: string }>;
    const { total } = database.prepare(queries.total).get({ teams: parameters.teams }) as { total: number };
    return { entries: rows.map((row) => JSON.parse(row.summary) as ConversationSummary), total: Number(total) };
  } finally {
    database.exec('COMMIT');
  }
}
