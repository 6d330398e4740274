import type { TeamLoadFilter } from './store.js';

/**
 * The `GROUP BY team, agent` behind `teamLoads` in the two SQLite-backed stores (Node's
 * `node:sqlite` file store and the Workers directory Durable Object), over `table`, whose
 * `column` holds each conversation's summary JSON. Only the active rows are read (through a
 * `state` index where the table has one) and only one row per team and agent comes back, for
 * `teamLoadsFromRows`. Parameters: {@link teamLoadsParameters}, positional (both drivers take `?`).
 */
export function teamLoadsSql(table: string, column: string): string {
  const field = (path: string) => `json_extract(${column}, '$.handoff${path}')`;
  return `WITH parameters AS (SELECT ? AS exclude, ? AS rank, unixepoch(?, 'subsec') AS at),
active AS (
  SELECT ${field('.team')} AS team,
    nullif(${field('.agentId')}, '') AS agent_id,
    state = 'queued' AND json_type(${column}, '$.handoff') = 'object'
      AND coalesce(${field('.collecting')}, 0) = 0 AND id IS NOT parameters.exclude AS waiting,
    CASE coalesce(${field('.urgency')}, 'normal')
      WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'low' THEN 3 ELSE 2 END AS urgency_rank,
    unixepoch(${field('.createdAt')}, 'subsec') AS queued_at
  FROM ${table}, parameters
  WHERE state IN ('queued', 'assigned', 'human')
)
SELECT team, agent_id AS agentId, count(*) AS open, coalesce(sum(waiting), 0) AS queued,
  coalesce(sum(waiting AND (parameters.rank IS NULL OR urgency_rank < parameters.rank
    OR (urgency_rank = parameters.rank AND queued_at <= parameters.at))), 0) AS queuedAhead
FROM active, parameters
GROUP BY team, agent_id`;
}

/** Rank of each urgency in the queue, as `compareQueued` orders it: critical first. */
const urgencyRank: Record<string, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/** The positional parameters of {@link teamLoadsSql}: the conversation left out, the rank and time of `ahead`. */
export function teamLoadsParameters({
  ahead,
  excludeConversationId,
}: TeamLoadFilter = {}): [string | null, number | null, string | null] {
  return [
    excludeConversationId ?? null,
    ahead ? (urgencyRank[ahead.urgency ?? 'normal'] ?? 2) : null,
    ahead ? ahead.createdAt : null,
  ];
}
