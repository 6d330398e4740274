import { describe, expect, it } from 'vitest';
import type { ConversationState } from '../../src/chat/conversation.js';
import type { Urgency } from '../../src/guard/types.js';
import { languageOf } from '../../src/handoff/handoff-parts.js';
import { createHandoffRouting } from '../../src/handoff/handoff-routing.js';
import { alwaysOpen, estimateWaitSeconds, queueAhead, routeHandoff, type Team } from '../../src/routing/index.js';
import { createMemoryStore } from '../../src/store/index.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { ConversationSummary, HandoffRecord, Store, StoredConversation } from '../../src/store/store.js';
import { team } from '../routing/fixtures.js';

const now = new Date('2026-01-05T15:00:00.000Z');
const minute = (value: number) => new Date(Date.UTC(2026, 0, 5, 14, value)).toISOString();
const online = (id: string) => ({ id, name: id, status: 'online' as const, languages: [] });
const teams: Team[] = [
  team({
    id: 'billing',
    name: 'Billing',
    topics: ['billing'],
    capacityPerAgent: 2,
    businessHours: { timeZone: 'UTC', weekly: alwaysOpen },
    agents: [online('a1'), online('a2')],
  }),
  team({
    id: 'support',
    name: 'Support',
    fallback: true,
    capacityPerAgent: 3,
    businessHours: { timeZone: 'UTC', weekly: alwaysOpen },
    agents: [online('a3'), { ...online('a4'), status: 'away' }],
  }),
];

let sequence = 0;
function conversation(state: ConversationState, handoff: Partial<HandoffRecord> | null): StoredConversation {
  sequence += 1;
  return {
    id: `c-${sequence}`,
    version: 0,
    state,
    createdAt: minute(0),
    updatedAt: minute(0),
    messages: [],
    handoff: handoff && {
      id: `h-${sequence}`,
      createdAt: minute(0),
      reasons: [],
      urgency: 'normal',
      team: null,
      brief: null,
      ...handoff,
    },
  };
}

/** The routing as it was before `teamLoads`: every active summary read and counted in JavaScript. */
function routeBefore(
  active: ConversationSummary[],
  subject: StoredConversation,
  record: HandoffRecord,
  topic?: string,
) {
  const load: Record<string, number> = {};
  for (const summary of active) {
    const agentId = summary.handoff?.agentId;
    if (agentId) load[agentId] = (load[agentId] ?? 0) + 1;
  }
  const language = languageOf(subject);
  const route = routeHandoff({ teams, reasons: record.reasons, ...(topic ? { topic } : {}), language, now, load });
  if (!route.available) return { route };
  const waiting = active.flatMap((summary) =>
    summary.id !== subject.id &&
    summary.state === 'queued' &&
    summary.handoff &&
    !summary.handoff.collecting &&
    (summary.handoff.team ?? null) === route.team.id
      ? [summary.handoff]
      : [],
  );
  const agents = route.team.agents.filter((agent) => agent.status === 'online').length;
  const etaSeconds = estimateWaitSeconds({
    queueAhead: queueAhead(record, waiting),
    availableAgents: Math.max(1, agents),
    recentHandlingSeconds: [],
    defaultHandlingSeconds: 300,
  });
  return { route, etaSeconds };
}

/** A seeded generator of numbers in [0, 1) (mulberry32), so a failing scenario can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, values: readonly T[]): T => values[Math.floor(next() * values.length)]!;

/** A random open queue (some resolved and bot conversations too), and the conversation being routed. */
function scenario(next: () => number) {
  const states: ConversationState[] = ['bot', 'queued', 'queued', 'assigned', 'human', 'resolved'];
  const urgencies: Urgency[] = ['critical', 'high', 'normal', 'low'];
  const others = Array.from({ length: Math.floor(next() * 14) }, () => {
    const state = pick(next, states);
    if (state === 'bot') return conversation(state, null);
    const agentId = state === 'assigned' || state === 'human' ? pick(next, ['a1', 'a2', 'a3', '']) : undefined;
    return conversation(state, {
      team: pick(next, ['billing', 'support', null]),
      urgency: pick(next, urgencies),
      createdAt: minute(Math.floor(next() * 6)),
      ...(agentId !== undefined ? { agentId } : {}),
      ...(next() < 0.2 ? { collecting: true } : {}),
    });
  });
  // A re-routed handoff already names a team: it must not count as ahead of itself.
  const subject = conversation('queued', {
    team: pick(next, ['billing', 'support', null]),
    urgency: pick(next, urgencies),
    createdAt: minute(Math.floor(next() * 6)),
  });
  return { others, subject, topic: pick(next, ['billing', undefined]) };
}

async function compareWithBefore(makeStore: () => Store, scenarios: number, seed: number): Promise<number> {
  const next = random(seed);
  let withEta = 0;
  for (let index = 0; index < scenarios; index++) {
    const store = makeStore();
    const { others, subject, topic } = scenario(next);
    for (const stored of [...others, subject]) await store.putConversation(stored, null);
    const routing = createHandoffRouting({ store, teams, clock: () => now, defaultHandlingSeconds: 300 });
    const after = await routing.route(subject, subject.handoff!, topic);
    const active = await store.listConversations({ states: ['queued', 'assigned', 'human'] });
    const before = routeBefore(active, subject, subject.handoff!, topic);
    expect(after, `scenario ${index} of seed ${seed}`).toEqual(before);
    if (after.etaSeconds) withEta++;
  }
  return withEta;
}

describe('createHandoffRouting', () => {
  it('picks the least busy agent with room and counts the queue ahead, from the store loads', async () => {
    const store = createMemoryStore();
    const subject = conversation('queued', { team: 'billing', urgency: 'normal', createdAt: minute(3) });
    const stored = [
      conversation('human', { team: 'billing', agentId: 'a1' }),
      conversation('assigned', { team: 'support', agentId: 'a1' }),
      conversation('human', { team: 'billing', agentId: 'a2' }),
      conversation('resolved', { team: 'billing', agentId: 'a2' }),
      conversation('queued', { team: 'billing', urgency: 'high', createdAt: minute(5) }),
      conversation('queued', { team: 'billing', urgency: 'normal', createdAt: minute(3) }),
      conversation('queued', { team: 'billing', urgency: 'normal', createdAt: minute(4) }),
      conversation('queued', { team: 'billing', urgency: 'critical', createdAt: minute(1), collecting: true }),
      conversation('queued', { team: 'support', urgency: 'critical', createdAt: minute(1) }),
      subject,
    ];
    for (const entry of stored) await store.putConversation(entry, null);
    const routing = createHandoffRouting({ store, teams, clock: () => now, defaultHandlingSeconds: 300 });
    const { route, etaSeconds } = await routing.route(subject, subject.handoff!, 'billing');
    // a1 holds two (one of billing, one of support), a2 one: a2 has room and is least busy.
    expect(route?.agent?.id).toBe('a2');
    // Ahead: the high one and the normal one of the same minute; 2 of 2 agents at 300 s each.
    expect(etaSeconds).toBe(300);
  });

  it('decides as before teamLoads on the memory store', async () => {
    expect(await compareWithBefore(() => createMemoryStore(), 150, 1)).toBeGreaterThan(20);
  });

  it('decides as before teamLoads on the SQLite store', async () => {
    expect(await compareWithBefore(() => createSqliteStore({ path: ':memory:' }), 40, 2)).toBeGreaterThan(5);
  });

  it('decides as before teamLoads on a store without it (derived from listConversations)', async () => {
    const bare = () => {
      const { teamLoads: _aggregated, ...rest } = createMemoryStore();
      return rest;
    };
    expect(await compareWithBefore(bare, 60, 3)).toBeGreaterThan(5);
  });
});
