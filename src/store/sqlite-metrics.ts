import type { DatabaseSync } from 'node:sqlite';
import type { HandoffMetrics } from '../agent/handoff-metrics.js';
import type { HandoffMetricsFilter } from './store.js';

/** The conversations an agent sees (`$teams`: a JSON array of team ids, or null for all), with what metrics read. */
const visible = `visible AS (
  SELECT id, state, summary, json_extract(summary, '$.handoff') IS NOT NULL AS has_handoff
  FROM conversations
  WHERE $teams IS NULL OR json_extract(summary, '$.handoff.team') IN (SELECT value FROM json_each($teams))
)`;

/** Seconds from handoff to first agent reply, rounded to the millisecond as the ISO times hold them. */
const replies = `replies AS (
  SELECT round((unixepoch(json_extract(summary, '$.handoff.firstAgentReplyAt'), 'subsec')
    - unixepoch(json_extract(summary, '$.handoff.createdAt'), 'subsec')) * 1000) / 1000.0 AS seconds
  FROM visible WHERE has_handoff AND json_extract(summary, '$.handoff.firstAgentReplyAt') IS NOT NULL
)`;

const queries = {
  totals: `WITH ${visible} SELECT count(*) AS conversations, coalesce(sum(has_handoff), 0) AS handoffs,
    coalesce(sum(json_extract(summary, '$.handoff.ticket') IS NOT NULL), 0) AS tickets FROM visible`,
  byState: `WITH ${visible} SELECT state AS key, count(*) AS n FROM visible GROUP BY state`,
  byTeam: `WITH ${visible} SELECT coalesce(json_extract(summary, '$.handoff.team'), 'unrouted') AS key, count(*) AS n
    FROM visible WHERE has_handoff GROUP BY 1`,
  byHour: `WITH ${visible} SELECT coalesce(strftime('%H', json_extract(summary, '$.handoff.createdAt')), 'NaN') AS key,
    count(*) AS n FROM visible WHERE has_handoff GROUP BY 1`,
  byReason: `WITH ${visible} SELECT json_extract(reason.value, '$.reason') AS key, count(DISTINCT visible.id) AS n
    FROM visible, json_each(visible.summary, '$.handoff.reasons') AS reason WHERE has_handoff GROUP BY 1`,
  replies: `WITH ${visible}, ${replies}, total AS (SELECT count(*) AS c FROM replies)
    SELECT (SELECT c FROM total) AS count, (SELECT avg(seconds) FROM replies) AS mean,
      (SELECT avg(seconds) FROM (SELECT seconds FROM replies ORDER BY seconds
        LIMIT 2 - (SELECT c FROM total) % 2 OFFSET ((SELECT c FROM total) - 1) / 2)) AS median`,
} as const;

type Counts = Array<{ key: string; n: number }>;

/**
 * The agent metrics of a SQLite store's conversations, aggregated in SQL over the stored
 * summaries (`json_extract`), in one read transaction: nothing but the figures reaches JavaScript.
 * Equal to `computeHandoffMetrics` over the summaries an agent of `teams` sees.
 */
export function sqliteHandoffMetrics(database: DatabaseSync, { teams }: HandoffMetricsFilter = {}): HandoffMetrics {
  const parameters = { teams: teams ? JSON.stringify(teams) : null };
  const record = (sql: string) => {
    const counts: Record<string, number> = {};
    for (const row of database.prepare(sql).all(parameters) as Counts) counts[row.key] = Number(row.n);
    return counts;
  };
  database.exec('BEGIN');
  try {
    const totals = database.prepare(queries.totals).get(parameters) as {
      conversations: number;
      handoffs: number;
      tickets: number;
    };
    const reply = database.prepare(queries.replies).get(parameters) as {
      count: number;
      mean: number | null;
      median: number | null;
    };
    const conversations = Number(totals.conversations);
    const handoffs = Number(totals.handoffs);
    return {
      conversations,
      handoffs,
      escalationRate: conversations === 0 ? 0 : handoffs / conversations,
      byReason: record(queries.byReason),
      byTeam: record(queries.byTeam),
      byHour: record(queries.byHour),
      byState: record(queries.byState),
      timeToFirstAgentReply: { count: Number(reply.count), medianSeconds: reply.median, meanSeconds: reply.mean },
      ticketsCreatedOffline: Number(totals.tickets),
    };
  } finally {
    database.exec('COMMIT');
  }
}
