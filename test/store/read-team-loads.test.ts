import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/index.js';
import { readTeamLoads } from '../../src/store/read-team-loads.js';
import type { Store } from '../../src/store/store.js';
import { makeConversation, testStore } from './store-contract.js';

/** The memory store as a third-party store written before `teamLoads`: only the required methods. */
function withoutTeamLoads(): Store {
  const { teamLoads: _native, ...rest } = createMemoryStore();
  return rest;
}

// The fallback answers the same contract, derived from `listConversations`.
testStore('a store without teamLoads, through readTeamLoads', async () => {
  const store = withoutTeamLoads();
  return { store: { ...store, teamLoads: (filter) => readTeamLoads(store, filter) } };
});

describe('readTeamLoads', () => {
  it('derives the loads from the active summaries when the store has no teamLoads', async () => {
    const store = withoutTeamLoads();
    const handoff = {
      id: 'h',
      createdAt: '2026-01-01T12:00:00.000Z',
      reasons: [],
      urgency: 'normal' as const,
      brief: null,
    };
    await store.putConversation(
      makeConversation({ state: 'human', handoff: { ...handoff, team: 'billing', agentId: 'a1' } }),
      null,
    );
    await store.putConversation(
      makeConversation({ state: 'resolved', handoff: { ...handoff, team: 'billing', agentId: 'a1' } }),
      null,
    );
    expect(store.teamLoads).toBeUndefined();
    expect(await readTeamLoads(store)).toEqual([
      { team: 'billing', open: 1, agents: { a1: 1 }, queued: 0, queuedAhead: 0 },
    ]);
  });

  it('asks the store when it aggregates the loads itself', async () => {
    const store = withoutTeamLoads();
    const answer = [{ team: 'x', open: 7, agents: {}, queued: 7, queuedAhead: 3 }];
    const filters: unknown[] = [];
    const aggregating: Store = {
      ...store,
      teamLoads: async (filter) => {
        filters.push(filter);
        return answer;
      },
    };
    const filter = { excludeConversationId: 'c-1' };
    expect(await readTeamLoads(aggregating, filter)).toBe(answer);
    expect(filters).toEqual([filter]);
  });
});
