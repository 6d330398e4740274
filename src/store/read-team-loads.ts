import type { Store, TeamLoad, TeamLoadFilter } from './store.js';
import { teamLoadStates, teamLoadsOf } from './team-loads-of.js';

/**
 * The team loads of `store`: aggregated by the backend when it has `teamLoads`; otherwise (a
 * third-party store written before it) derived in JavaScript from the active summaries that
 * `listConversations` returns, with the same answer.
 */
export async function readTeamLoads(store: Store, filter: TeamLoadFilter = {}): Promise<TeamLoad[]> {
  if (store.teamLoads) return store.teamLoads(filter);
  return teamLoadsOf(await store.listConversations({ states: [...teamLoadStates] }), filter);
}
