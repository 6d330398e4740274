import type { Helper, Sql } from 'postgres';
import type { ConversationSummary, QueueFilter, QueuePage } from '../store.js';

/**
 * A page of the agent queue from `conversations` (a schema-qualified table), ordered and cut in
 * SQL on the `conversations_queue` index: urgency rank, then when the handoff began, then write
 * order (the order `compareQueued` gives the summaries). The total comes in the same statement.
 */
export async function queryQueue(
  sql: Sql,
  conversations: Helper<string, []>,
  { teams, limit, offset = 0 }: QueueFilter = {},
): Promise<QueuePage> {
  const team = teams ? sql`and team in (select jsonb_array_elements_text(${sql.json(teams)}))` : sql``;
  const rows = await sql<Array<{ summary: string | null; total: number }>>`
    with active as (
      select summary, urgency_rank, queued_at_ms, write_sequence from ${conversations}
      where state in ('queued', 'assigned', 'human') ${team}
    ), page as (
      select summary, urgency_rank, queued_at_ms, write_sequence from active
      order by urgency_rank, queued_at_ms, write_sequence
      limit ${limit === undefined ? null : Math.max(0, Math.floor(limit))} offset ${Math.max(0, Math.floor(offset))}
    )
    select page.summary, (select count(*)::int from active) as total
    from (select 1) as one left join page on true
    order by page.urgency_rank, page.queued_at_ms, page.write_sequence`;
  return {
    entries: rows.flatMap((row) => (row.summary ? [JSON.parse(row.summary) as ConversationSummary] : [])),
    total: rows[0]?.total ?? 0,
  };
}
