import type { Helper, Sql } from 'postgres';
import type { HandoffMetrics } from '../../agent/handoff-metrics.js';
import type { HandoffMetricsFilter } from '../store.js';

interface MetricsRow {
  conversations: number;
  handoffs: number;
  tickets: number;
  by_state: Record<string, number>;
  by_team: Record<string, number>;
  by_hour: Record<string, number>;
  by_reason: Record<string, number>;
  replies: number;
  median: number | null;
  mean: number | null;
}

/**
 * The agent metrics of `conversations` (a schema-qualified table), aggregated in one SQL
 * statement: the database scans, this process receives one row. With `teams`, only handoffs to
 * those teams count, as the agent API shows them to an agent of those teams.
 */
export async function queryHandoffMetrics(
  sql: Sql,
  conversations: Helper<string, []>,
  { teams }: HandoffMetricsFilter = {},
): Promise<HandoffMetrics> {
  const visible = teams
    ? sql`select * from ${conversations} where has_handoff and team in (select jsonb_array_elements_text(${sql.json(teams)}))`
    : sql`select * from ${conversations}`;
  const [row] = await sql<MetricsRow[]>`
    with visible as (${visible})
    select
      (select count(*)::int from visible) as conversations,
      (select count(*)::int from visible where has_handoff) as handoffs,
      (select count(*)::int from visible where has_ticket) as tickets,
      (select coalesce(jsonb_object_agg(state, n), '{}') from
        (select state, count(*)::int as n from visible group by state) as counts) as by_state,
      (select coalesce(jsonb_object_agg(coalesce(team, 'unrouted'), n), '{}') from
        (select team, count(*)::int as n from visible where has_handoff group by team) as counts) as by_team,
      (select coalesce(jsonb_object_agg(lpad(coalesce(handoff_hour::text, 'NaN'), 2, '0'), n), '{}') from
        (select handoff_hour, count(*)::int as n from visible where has_handoff group by handoff_hour) as counts) as by_hour,
      (select coalesce(jsonb_object_agg(reason, n), '{}') from
        (select reason, count(*)::int as n from visible, unnest(reasons) as reason group by reason) as counts) as by_reason,
      (select count(first_reply_seconds)::int from visible) as replies,
      (select percentile_cont(0.5) within group (order by first_reply_seconds) from visible) as median,
      (select avg(first_reply_seconds) from visible) as mean`;
  const result = row!;
  return {
    conversations: result.conversations,
    handoffs: result.handoffs,
    escalationRate: result.conversations === 0 ? 0 : result.handoffs / result.conversations,
    byReason: result.by_reason,
    byTeam: result.by_team,
    byHour: result.by_hour,
    byState: result.by_state,
    timeToFirstAgentReply: { count: result.replies, medianSeconds: result.median, meanSeconds: result.mean },
    ticketsCreatedOffline: result.tickets,
  };
}
