import { estimateWaitSeconds, routeHandoff, type Team } from '../routing/index.js';
import { readTeamLoads } from '../store/read-team-loads.js';
import type { HandoffRecord, Store, StoredConversation, TeamLoad } from '../store/store.js';
import { languageOf } from './handoff-parts.js';
import type { HandoffRouting } from './handoff-transition-event.js';

/** Options of {@link createHandoffRouting}. */
export interface HandoffRoutingOptions {
  store: Store;
  teams: Team[];
  clock: () => Date;
  /** The handling time assumed before any handoff of a team was resolved. */
  defaultHandlingSeconds: number;
}

/** The I/O side of routing: reads the queue and the agents' load, and remembers recent handling times. */
export interface HandoffRoutingSource {
  /** Where the handoff goes and the wait it may promise, from the teams and the current queue. */
  route(conversation: StoredConversation, record: HandoffRecord, topic?: string): Promise<HandoffRouting>;
  /** Records the claim-to-resolve time of a resolved handoff for later wait estimates. */
  recordHandling(handoff: HandoffRecord): void;
}

/**
 * Creates the routing source of the handoff service. Handling times (claim to resolve) are the
 * last 20 per team seen by this instance: an estimate needs recent history, not every conversation ever stored.
 */
export function createHandoffRouting(options: HandoffRoutingOptions): HandoffRoutingSource {
  const { store, teams, clock, defaultHandlingSeconds } = options;
  const recentHandling = new Map<string, number[]>();

  /** The wait of a handoff with `queuedAhead` others before it in `team`'s queue. */
  function waitSeconds(queuedAhead: number, team: Team) {
    const availableAgents = team.agents.filter((agent) => agent.status === 'online').length;
    return estimateWaitSeconds({
      queueAhead: queuedAhead,
      availableAgents: Math.max(1, availableAgents),
      recentHandlingSeconds: recentHandling.get(team.id) ?? [],
      defaultHandlingSeconds,
    });
  }

  return {
    async route(conversation, record, topic) {
      // Without teams nobody is known to be online: no wait is promised.
      if (teams.length === 0) return { route: null };
      // Aggregated by the store (SQL) when it can; the handoff being routed is not ahead of itself.
      const loads = await readTeamLoads(store, {
        ahead: { urgency: record.urgency, createdAt: record.createdAt },
        excludeConversationId: conversation.id,
      });
      const load = agentLoads(loads);
      const route = routeHandoff({
        teams,
        reasons: record.reasons,
        ...(topic ? { topic } : {}),
        language: languageOf(conversation),
        now: clock(),
        load,
      });
      if (!route.available) return { route };
      const queuedAhead = loads.find((entry) => entry.team === route.team.id)?.queuedAhead ?? 0;
      return { route, etaSeconds: waitSeconds(queuedAhead, route.team) };
    },

    recordHandling(handoff) {
      if (!handoff.claimedAt || !handoff.resolvedAt) return;
      const key = handoff.team ?? '';
      const times = recentHandling.get(key) ?? [];
      times.push((Date.parse(handoff.resolvedAt) - Date.parse(handoff.claimedAt)) / 1000);
      recentHandling.set(key, times.slice(-20));
    },
  };
}

/** Open conversations per agent id over every team (what `routeHandoff` takes as `load`). Pure. */
function agentLoads(loads: readonly TeamLoad[]): Record<string, number> {
  const load: Record<string, number> = {};
  for (const { agents } of loads) {
    for (const [agentId, open] of Object.entries(agents)) load[agentId] = (load[agentId] ?? 0) + open;
  }
  return load;
}
