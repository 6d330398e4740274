import type { ConversationState } from '../chat/conversation.js';
import { compareQueued } from '../routing/queue-order.js';
import type { ConversationSummary, TeamLoad, TeamLoadFilter } from './store.js';

/** The states of the conversations a team's load counts: queued, assigned or with a person. */
export const teamLoadStates = ['queued', 'assigned', 'human'] as const satisfies readonly ConversationState[];

/** One group of the `GROUP BY team, agent` over the active conversations, as the SQL stores count it. */
export type TeamLoadRow = {
  team: string | null;
  /** The assigned agent; null (or empty) for the group without one. */
  agentId: string | null;
  open: number;
  queued: number;
  queuedAhead: number;
};

/** What {@link teamLoadsOf} reads of a conversation (a summary or a stored conversation). */
export type TeamLoadSource = Pick<ConversationSummary, 'id' | 'state' | 'handoff'>;

/**
 * The team loads of `conversations` (any may be inactive: only queued, assigned and human ones
 * count), the way every store must answer `teamLoads`: the fallback of stores without it and the
 * memory store's answer. Pure.
 */
export function teamLoadsOf(conversations: Iterable<TeamLoadSource>, filter: TeamLoadFilter = {}): TeamLoad[] {
  const rows: TeamLoadRow[] = [];
  const active = new Set<string>(teamLoadStates);
  for (const conversation of conversations) {
    if (active.has(conversation.state)) rows.push(rowOf(conversation, filter));
  }
  return teamLoadsFromRows(rows);
}

/** The one-conversation group of `conversation`. */
function rowOf({ id, state, handoff }: TeamLoadSource, { ahead, excludeConversationId }: TeamLoadFilter): TeamLoadRow {
  const waiting = state === 'queued' && handoff !== null && !handoff.collecting && id !== excludeConversationId;
  const before = waiting && (!ahead || compareQueued(handoff, ahead) <= 0);
  return {
    team: handoff?.team ?? null,
    agentId: handoff?.agentId || null,
    open: 1,
    queued: waiting ? 1 : 0,
    queuedAhead: before ? 1 : 0,
  };
}

/**
 * Folds `GROUP BY team, agent` rows into one {@link TeamLoad} per team, ordered by team id with the
 * null team last (the order every store answers in). Counts may come as numeric strings or bigints.
 */
export function teamLoadsFromRows(rows: Iterable<TeamLoadRow>): TeamLoad[] {
  const byTeam = new Map<string | null, { load: TeamLoad; agents: Map<string, number> }>();
  for (const row of rows) {
    const team = row.team ?? null;
    const entry = byTeam.get(team) ?? {
      load: { team, open: 0, agents: {}, queued: 0, queuedAhead: 0 },
      agents: new Map<string, number>(),
    };
    entry.load.open += Number(row.open);
    entry.load.queued += Number(row.queued);
    entry.load.queuedAhead += Number(row.queuedAhead);
    if (row.agentId) entry.agents.set(row.agentId, (entry.agents.get(row.agentId) ?? 0) + Number(row.open));
    byTeam.set(team, entry);
  }
  return [...byTeam.values()]
    .map(({ load, agents }) => ({ ...load, agents: Object.fromEntries(agents) }))
    .sort((a, b) => (a.team === null ? 1 : b.team === null ? -1 : a.team < b.team ? -1 : a.team > b.team ? 1 : 0));
}
