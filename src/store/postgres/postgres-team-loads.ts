import type { Helper, Sql } from 'postgres';
import type { TeamLoad, TeamLoadFilter } from '../store.js';
import { type TeamLoadRow, teamLoadsFromRows } from '../team-loads-of.js';
import { queueColumns } from './conversation-columns.js';

/**
 * The team loads from `conversations` (a schema-qualified table): one `GROUP BY team, agent_id`
 * over the active rows, on the `conversations_loads` index (migration 2), so one row per team
 * and agent reaches JavaScript. `ahead` compares `(urgency_rank, queued_at_ms)` as a row, the
 * order `compareQueued` gives.
 */
export async function queryTeamLoads(
  sql: Sql,
  conversations: Helper<string, []>,
  { ahead, excludeConversationId }: TeamLoadFilter = {},
): Promise<TeamLoad[]> {
  const place = ahead ? queueColumns(ahead.urgency, ahead.createdAt) : null;
  const exclude = excludeConversationId ?? null;
  const rows = await sql<TeamLoadRow[]>`
    select team, agent_id as "agentId", count(*)::int as open,
      (count(*) filter (where ${waiting(sql, exclude)}))::int as queued,
      (count(*) filter (where ${waiting(sql, exclude)} and (${place === null}::boolean
        or (urgency_rank, queued_at_ms) <= (${place?.urgencyRank ?? 0}::smallint, ${place?.queuedAtMs ?? 0}::bigint))))::int
        as "queuedAhead"
    from ${conversations}
    where state in ('queued', 'assigned', 'human')
    group by team, agent_id`;
  return teamLoadsFromRows(rows);
}

/** A handoff waiting in the queue, other than the conversation `exclude`. */
function waiting(sql: Sql, exclude: string | null) {
  return sql`(state = 'queued' and has_handoff and not collecting and id is distinct from ${exclude}::text)`;
}
