import { estimateWaitSeconds, queueAhead, routeHandoff, type Team } from '../routing/index.js';
import type { ConversationSummary, HandoffRecord, Store, StoredConversation } from '../store/store.js';
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

  /** The wait of `handoff` counting only those before it in the queue's order (a critical one goes first). */
  function waitSeconds(conversationId: string, handoff: HandoffRecord, team: Team, active: ConversationSummary[]) {
    const waiting = active.flatMap((summary) =>
      summary.id !== conversationId &&
      summary.state === 'queued' &&
      summary.handoff &&
      !summary.handoff.collecting &&
      (summary.handoff.team ?? null) === team.id
        ? [summary.handoff]
        : [],
    );
    const availableAgents = team.agents.filter((agent) => agent.status === 'online').length;
    return estimateWaitSeconds({
      queueAhead: queueAhead(handoff, waiting),
      availableAgents: Math.max(1, availableAgents),
      recentHandlingSeconds: recentHandling.get(team.id) ?? [],
      defaultHandlingSeconds,
    });
  }

  return {
    async route(conversation, record, topic) {
      // Without teams nobody is known to be online: no wait is promised.
      if (teams.length === 0) return { route: null };
      const active = await store.listConversations({ states: ['queued', 'assigned', 'human'] });
      const load: Record<string, number> = {};
      for (const summary of active) {
        const agentId = summary.handoff?.agentId;
        if (agentId) load[agentId] = (load[agentId] ?? 0) + 1;
      }
      const route = routeHandoff({
        teams,
        reasons: record.reasons,
        ...(topic ? { topic } : {}),
        language: languageOf(conversation),
        now: clock(),
        load,
      });
      if (!route.available) return { route };
      return { route, etaSeconds: waitSeconds(conversation.id, record, route.team, active) };
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
