import type { ConversationState } from '../chat/conversation.js';
import type { Urgency } from '../guard/types.js';
import type { HandoffRecord, Store, StoredConversation, TeamLoad } from '../store/store.js';
import { teamLoadStates, teamLoadsOf } from '../store/team-loads-of.js';
import type { StoreContractTestApi } from './store-contract.js';

let sequence = 0;

/** A conversation of `state` whose handoff (to `team`, created at minute `minute` past noon) has `extra`. */
function handedOff(
  state: ConversationState,
  team: string | null,
  urgency: Urgency,
  minute: number,
  extra: Partial<HandoffRecord> = {},
): StoredConversation {
  sequence += 1;
  const createdAt = new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();
  return {
    id: `load-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
    version: 0,
    state,
    createdAt,
    updatedAt: createdAt,
    messages: [],
    handoff: { id: `h-${sequence}`, createdAt, reasons: [], urgency, team, brief: null, ...extra },
  };
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();

/**
 * The contract of the optional `Store.teamLoads` (skipped by stores without it): the open handoffs
 * per team and agent, the queue and the part of it ahead of a handoff, as `teamLoadsOf` derives
 * them from the active summaries. `store` is the store of the running test.
 */
export function teamLoadCases({ describe, it, expect }: StoreContractTestApi, store: () => Store): void {
  describe('team loads', () => {
    it('answers no team while nothing is open', async (context) => {
      const subject = store();
      if (!subject.teamLoads) {
        context.skip();
        return;
      }
      await subject.putConversation({ ...handedOff('resolved', 'billing', 'high', 1), handoff: null }, null);
      expect(await subject.teamLoads()).toEqual([]);
    });

    it('counts open handoffs per team and agent, the queue, and the queue ahead of a handoff', async (context) => {
      const subject = store();
      if (!subject.teamLoads) {
        context.skip();
        return;
      }
      const first = handedOff('queued', 'billing', 'normal', 5);
      const later = handedOff('queued', 'billing', 'critical', 9);
      const reopened = handedOff('resolved', 'support', 'normal', 4, { agentId: 'a3' });
      const conversations = [
        { ...handedOff('bot', null, 'normal', 0), handoff: null },
        first,
        later,
        handedOff('queued', 'billing', 'normal', 5, { collecting: true }),
        handedOff('assigned', 'billing', 'high', 2, { agentId: 'a1' }),
        handedOff('human', 'billing', 'low', 0, { agentId: 'a2' }),
        handedOff('human', 'support', 'normal', 3, { agentId: 'a1' }),
        handedOff('queued', 'support', 'high', 7),
        handedOff('queued', null, 'normal', 1),
        handedOff('queued', 'billing', 'normal', 5),
        reopened,
        handedOff('queued', 'billing', 'high', 6),
        handedOff('queued', 'billing', 'normal', 8),
        handedOff('queued', 'billing', 'low', 1),
      ];
      for (const conversation of conversations) await subject.putConversation(conversation, null);
      // Later writes replace what the first ones counted.
      await subject.putConversation({ ...later, state: 'resolved' }, 1);
      await subject.putConversation({ ...reopened, state: 'assigned' }, 1);

      const load = (team: string | null, open: number, agents: Record<string, number>, queued: number) => ({
        team,
        open,
        agents,
        queued,
      });
      const billing = load('billing', 8, { a1: 1, a2: 1 }, 5);
      const support = load('support', 3, { a1: 1, a3: 1 }, 1);
      const none = load(null, 1, {}, 1);
      const all = await subject.teamLoads();
      expect(all).toEqual([
        { ...billing, queuedAhead: 5 },
        { ...support, queuedAhead: 1 },
        { ...none, queuedAhead: 1 },
      ]);
      const active = await subject.listConversations({ states: [...teamLoadStates] });
      expect(all).toEqual(teamLoadsOf(active));

      // Ahead of a normal handoff of minute 5: ties and higher urgencies, not the one being routed.
      const filter = { ahead: { urgency: 'normal' as const, createdAt: at(5) }, excludeConversationId: first.id };
      const ahead: TeamLoad[] = await subject.teamLoads(filter);
      expect(ahead).toEqual([
        { ...billing, queued: 4, queuedAhead: 2 },
        { ...support, queuedAhead: 1 },
        { ...none, queuedAhead: 1 },
      ]);
      expect(ahead).toEqual(teamLoadsOf(active, filter));
      const critical = await subject.teamLoads({ ahead: { urgency: 'critical', createdAt: at(0) } });
      expect(critical.map((entry) => [entry.team, entry.queued, entry.queuedAhead])).toEqual([
        ['billing', 5, 0],
        ['support', 1, 0],
        [null, 1, 0],
      ]);
    });
  });
}
