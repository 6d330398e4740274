import type { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeHandoffMetrics, type HandoffMetrics } from '../agent/handoff-metrics.js';
import type { ConversationState } from '../chat/conversation.js';
import { StoreConflictError } from '../errors/store-conflict-error.js';
import type { Urgency } from '../guard/types.js';
import { compareQueued } from '../routing/queue-order.js';
import type { ConversationSummary, HandoffRecord, OutboxDelivery, Store, StoredConversation } from '../store/store.js';
import { teamLoadCases } from './store-contract-team-loads.js';

/**
 * The parts of vitest the suite uses, passed in so this module never imports vitest at run time:
 * `import * as vitest from 'vitest'` and pass `vitest`.
 */
export interface StoreContractTestApi {
  describe: typeof describe;
  it: typeof it;
  expect: typeof expect;
  beforeEach: typeof beforeEach;
  afterEach: typeof afterEach;
}

/** What a backend under test gives the contract suite. */
export interface StoreUnderTest {
  store: Store;
  /** Opens the same backing storage again (a restart); omitted for stores that do not persist. */
  reopen?: () => Promise<Store>;
  cleanup?: () => Promise<void>;
}

let sequence = 0;

/** A valid conversation at version 0 (not stored yet). */
export function makeConversation(overrides: Partial<StoredConversation> = {}): StoredConversation {
  sequence += 1;
  const createdAt = new Date(Date.UTC(2026, 0, 1, 12, 0, sequence)).toISOString();
  return {
    id: `conversation-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
    version: 0,
    state: 'bot',
    createdAt,
    updatedAt: createdAt,
    messages: [
      {
        id: `message-${sequence}`,
        role: 'user',
        parts: [{ type: 'text', text: 'Where is my order?' }],
        metadata: { createdAt },
      },
    ],
    handoff: null,
    ...overrides,
  };
}

/** A pending delivery created at `createdAt`, due at `nextAttemptAt` (defaults to `createdAt`). */
export function makeDelivery(id: string, createdAt: string, nextAttemptAt = createdAt): OutboxDelivery {
  return {
    id,
    notifier: 'webhook',
    type: 'handoff.created',
    payload: { conversationId: 'c-1', nested: { reasons: ['explicit_request'] } },
    createdAt,
    attempts: 0,
    nextAttemptAt,
    status: 'pending',
  };
}

function withState(conversation: StoredConversation, state: ConversationState): StoredConversation {
  return { ...conversation, state };
}

/**
 * The contract every `Store` adapter passes: conditional writes by version, isolation of
 * returned values, listing, the outbox, the aggregates (metrics, queue and team loads, where the
 * store has them), the change feed (where the store has `watch`) and
 * (where the backend persists) a restart. Each test gets a fresh store from `makeStore`, which
 * must start empty.
 *
 * @example
 * import * as vitest from 'vitest';
 * import { testStoreContract } from 'handrail/testing';
 *
 * testStoreContract('redis store', async () => ({ store: createRedisStore(), cleanup: flushAll }), vitest);
 */
export function testStoreContract(
  name: string,
  makeStore: () => Promise<StoreUnderTest>,
  api: StoreContractTestApi,
): void {
  const { describe, beforeEach, afterEach } = api;
  describe(`${name} (store contract)`, () => {
    let subject: StoreUnderTest;
    let store: Store;

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });

    afterEach(async () => {
      await subject.cleanup?.();
    });

    const current = () => ({ subject, store });
    conversationCases(api, current);
    listingCases(api, current);
    outboxCases(api, current);
    metricsCases(api, current);
    queueCases(api, current);
    teamLoadCases(api, () => store);
    changeFeedCases(api, current);
    persistenceCases(api, current);
  });
}

/** The store of the running test, as the outer `beforeEach` made it. */
type Current = () => { subject: StoreUnderTest; store: Store };

function conversationCases(api: StoreContractTestApi, current: Current): void {
  api.describe('conversations', () => {
    conversationVersionCases(api, current);
    conversationContentCases(api, current);
    conversationRaceCases(api, current);
  });
}

/** Conditional writes by version: creates, updates, and the conflicts of stale or missing versions. */
function conversationVersionCases({ it, expect, beforeEach }: StoreContractTestApi, current: Current): void {
  let store: Store;
  beforeEach(() => {
    ({ store } = current());
  });

  it('returns null for an unknown conversation', async () => {
    expect(await store.getConversation('missing')).toBeNull();
  });

  it('creates a conversation at version 1 and reads it back', async () => {
    const conversation = makeConversation();
    const stored = await store.putConversation(conversation, null);
    expect(stored.version).toBe(1);
    expect(stored.messages).toEqual(conversation.messages);
    expect(await store.getConversation(conversation.id)).toEqual(stored);
  });

  it('increments the version on every write', async () => {
    const conversation = makeConversation();
    const first = await store.putConversation(conversation, null);
    const second = await store.putConversation({ ...first, state: 'queued' }, first.version);
    const third = await store.putConversation({ ...second, state: 'assigned' }, second.version);
    expect([first.version, second.version, third.version]).toEqual([1, 2, 3]);
    const read = await store.getConversation(conversation.id);
    expect(read?.version).toBe(3);
    expect(read?.state).toBe('assigned');
  });

  it('uses the expected version, not the version field of the argument', async () => {
    const conversation = makeConversation();
    await store.putConversation(conversation, null);
    const stored = await store.putConversation({ ...conversation, version: 41 }, 1);
    expect(stored.version).toBe(2);
  });

  it('rejects a write with a stale version and keeps the stored copy', async () => {
    const conversation = makeConversation();
    const first = await store.putConversation(conversation, null);
    await store.putConversation({ ...first, state: 'queued' }, 1);
    const error = await store.putConversation({ ...first, state: 'resolved' }, 1).catch((caught: unknown) => caught);
    expect(StoreConflictError.isInstance(error)).toBe(true);
    expect((error as StoreConflictError).conversationId).toBe(conversation.id);
    const read = await store.getConversation(conversation.id);
    expect(read?.state).toBe('queued');
    expect(read?.version).toBe(2);
  });

  it('rejects a create when the conversation exists', async () => {
    const conversation = makeConversation();
    await store.putConversation(conversation, null);
    const error = await store
      .putConversation({ ...conversation, state: 'human' }, null)
      .catch((caught: unknown) => caught);
    expect(StoreConflictError.isInstance(error)).toBe(true);
    expect((await store.getConversation(conversation.id))?.state).toBe('bot');
  });

  it('rejects an update of a conversation that does not exist', async () => {
    const error = await store.putConversation(makeConversation(), 3).catch((caught: unknown) => caught);
    expect(StoreConflictError.isInstance(error)).toBe(true);
  });
}

/** What a conversation keeps: isolation from the caller's objects, every field, the guard state. */
function conversationContentCases({ it, expect, beforeEach }: StoreContractTestApi, current: Current): void {
  let store: Store;
  beforeEach(() => {
    ({ store } = current());
  });

  it('isolates stored values from the objects passed in and returned', async () => {
    const conversation = makeConversation();
    const stored = await store.putConversation(conversation, null);
    conversation.messages.push({ id: 'extra', role: 'user', parts: [] });
    stored.state = 'resolved';
    stored.messages.length = 0;
    const read = await store.getConversation(conversation.id);
    expect(read?.state).toBe('bot');
    expect(read?.messages).toHaveLength(1);
    read!.messages.length = 0;
    const again = await store.getConversation(conversation.id);
    expect(again?.messages).toHaveLength(1);
  });

  it('keeps every field of a full conversation', async () => {
    const conversation = makeConversation({
      state: 'assigned',
      tokenHash: 'a'.repeat(64),
      identity: { id: 'u-1', name: 'Ana', email: 'ana@example.com' },
      language: 'es',
      handoff: {
        id: 'h-1',
        createdAt: '2026-01-01T12:00:00.000Z',
        reasons: [{ reason: 'explicit_request', source: 'guard', detail: 'asked for a person', score: 0.9 }],
        urgency: 'high',
        team: 'billing',
        skills: ['refunds'],
        etaSeconds: 120,
        brief: { summary: 'Refund for a double charge', nested: [1, 2, { deep: true }] },
        agentId: 'agent-7',
        claimedAt: '2026-01-01T12:01:00.000Z',
      },
      pastHandoffs: [],
    });
    const stored = await store.putConversation(conversation, null);
    expect(stored).toEqual({ ...conversation, version: 1 });
    expect(await store.getConversation(conversation.id)).toEqual({ ...conversation, version: 1 });
  });

  it('keeps the guard state with the conversation, replaces it, and clears it', async () => {
    const guardState = { v: 1, n: 2, f: 0, b: 1, a: -1, fb: [], s: [[0, -0.25]], r: [[123, 0, 'ship take', [], []]] };
    const created = await store.putConversation(makeConversation({ guardState }), null);
    expect((await store.getConversation(created.id))?.guardState).toEqual(guardState);
    const replaced = { ...guardState, n: 3 };
    const updated = await store.putConversation({ ...created, guardState: replaced }, created.version);
    expect(updated.guardState).toEqual(replaced);
    expect((await store.getConversation(created.id))?.guardState).toEqual(replaced);
    const { guardState: _dropped, ...without } = updated;
    await store.putConversation(without, updated.version);
    expect((await store.getConversation(created.id))?.guardState).toBeUndefined();
  });
}

/** Concurrent writes and creates: exactly one wins. */
function conversationRaceCases({ it, expect, beforeEach }: StoreContractTestApi, current: Current): void {
  let store: Store;
  beforeEach(() => {
    ({ store } = current());
  });

  it('lets exactly one of two concurrent writes with the same expected version win', async () => {
    const conversation = makeConversation();
    const created = await store.putConversation(conversation, null);
    const results = await Promise.allSettled([
      store.putConversation({ ...created, state: 'queued' }, created.version),
      store.putConversation({ ...created, state: 'human' }, created.version),
      store.putConversation({ ...created, state: 'resolved' }, created.version),
    ]);
    const winners = results.filter((result) => result.status === 'fulfilled');
    const losers = results.filter((result) => result.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(2);
    for (const loser of losers) expect(StoreConflictError.isInstance(loser.reason)).toBe(true);
    const read = await store.getConversation(conversation.id);
    expect(read?.version).toBe(2);
    expect(read?.state).toBe((winners[0] as PromiseFulfilledResult<StoredConversation>).value.state);
  });

  it('lets exactly one of two concurrent creates win', async () => {
    const conversation = makeConversation();
    const results = await Promise.allSettled([
      store.putConversation(conversation, null),
      store.putConversation({ ...conversation, state: 'queued' }, null),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });
}

function listingCases({ describe, it, expect, beforeEach }: StoreContractTestApi, current: Current): void {
  describe('listConversations', () => {
    let store: Store;
    beforeEach(() => {
      ({ store } = current());
    });

    it('lists summaries, newest update last, filtered by state', async () => {
      const first = await store.putConversation(makeConversation(), null);
      const second = await store.putConversation(withState(makeConversation(), 'queued'), null);
      const third = await store.putConversation(withState(makeConversation(), 'human'), null);
      // Updating the first moves it to the end.
      await store.putConversation(withState(first, 'queued'), first.version);

      const all = await store.listConversations();
      expect(all.map((summary) => summary.id)).toEqual([second.id, third.id, first.id]);
      expect(all[2]).toMatchObject({ id: first.id, state: 'queued', messageCount: 1, handoff: null });

      const queued = await store.listConversations({ states: ['queued'] });
      expect(queued.map((summary) => summary.id)).toEqual([second.id, first.id]);

      const several = await store.listConversations({ states: ['human', 'resolved'] });
      expect(several.map((summary) => summary.id)).toEqual([third.id]);
      expect(await store.listConversations({ states: [] })).toEqual([]);
    });

    it('summarizes the handoff and message count', async () => {
      const conversation = makeConversation({
        state: 'queued',
        handoff: {
          id: 'h-2',
          createdAt: '2026-01-01T12:00:00.000Z',
          reasons: [{ reason: 'negative_sentiment', source: 'guard', detail: 'angry' }],
          urgency: 'normal',
          team: 'support',
          brief: null,
        },
      });
      await store.putConversation(conversation, null);
      const [summary] = await store.listConversations({ states: ['queued'] });
      expect(summary).toEqual({
        id: conversation.id,
        state: 'queued',
        createdAt: conversation.createdAt,
        updatedAt: conversation.updatedAt,
        messageCount: 1,
        handoff: conversation.handoff,
      });
    });
  });
}

function outboxCases(api: StoreContractTestApi, current: Current): void {
  api.describe('outbox', () => {
    outboxQueueCases(api, current);
    outboxWriteCases(api, current);
  });
}

/** The outbox as a queue: enqueued once per id, due oldest first, updated after an attempt. */
function outboxQueueCases({ it, expect, beforeEach }: StoreContractTestApi, current: Current): void {
  let store: Store;
  beforeEach(() => {
    ({ store } = current());
  });

  it('enqueues deliveries once per id', async () => {
    const delivery = makeDelivery('d-1', '2026-01-01T12:00:00.000Z');
    await store.enqueueDeliveries([delivery]);
    await store.enqueueDeliveries([{ ...delivery, type: 'handoff.changed' }, makeDelivery('d-2', delivery.createdAt)]);
    const all = await store.listDeliveries();
    expect(all.map((item) => item.id).sort()).toEqual(['d-1', 'd-2']);
    expect(all.find((item) => item.id === 'd-1')?.type).toBe('handoff.created');
    expect(all.find((item) => item.id === 'd-1')).toEqual(delivery);
  });

  it('returns pending due deliveries oldest first, up to the limit', async () => {
    await store.enqueueDeliveries([
      makeDelivery('late', '2026-01-01T12:00:03.000Z'),
      makeDelivery('early', '2026-01-01T12:00:01.000Z'),
      makeDelivery('middle', '2026-01-01T12:00:02.000Z'),
      makeDelivery('future', '2026-01-01T12:00:00.000Z', '2026-01-01T13:00:00.000Z'),
    ]);
    const now = new Date('2026-01-01T12:30:00.000Z');
    expect((await store.dueDeliveries(now, 10)).map((item) => item.id)).toEqual(['early', 'middle', 'late']);
    expect((await store.dueDeliveries(now, 2)).map((item) => item.id)).toEqual(['early', 'middle']);
    const later = new Date('2026-01-01T13:00:00.000Z');
    expect((await store.dueDeliveries(later, 10)).map((item) => item.id)).toEqual([
      'future',
      'early',
      'middle',
      'late',
    ]);
  });

  it('updates a delivery after an attempt', async () => {
    const delivery = makeDelivery('d-3', '2026-01-01T12:00:00.000Z');
    await store.enqueueDeliveries([delivery]);
    await store.updateDelivery({
      ...delivery,
      attempts: 1,
      lastError: 'HTTP 500',
      nextAttemptAt: '2026-01-01T12:05:00.000Z',
    });
    expect(await store.dueDeliveries(new Date('2026-01-01T12:01:00.000Z'), 10)).toEqual([]);
    const [retry] = await store.dueDeliveries(new Date('2026-01-01T12:05:00.000Z'), 10);
    expect(retry).toMatchObject({ id: 'd-3', attempts: 1, lastError: 'HTTP 500' });

    await store.updateDelivery({
      ...retry!,
      attempts: 2,
      status: 'delivered',
      deliveredAt: '2026-01-01T12:05:01.000Z',
    });
    expect(await store.dueDeliveries(new Date('2026-02-01T00:00:00.000Z'), 10)).toEqual([]);
    const [stored] = await store.listDeliveries();
    expect(stored).toMatchObject({ status: 'delivered', attempts: 2, deliveredAt: '2026-01-01T12:05:01.000Z' });
  });
}

/** Deliveries written with their change, leased to one flusher, and isolated from returned objects. */
function outboxWriteCases({ it, expect, beforeEach }: StoreContractTestApi, current: Current): void {
  let store: Store;
  beforeEach(() => {
    ({ store } = current());
  });

  it('stores the notifications of a change in the same write as the change', async () => {
    const created = await store.putConversation(makeConversation(), null, [
      makeDelivery('with-create', '2026-01-01T12:00:00.000Z'),
    ]);
    await store.putConversation({ ...created, state: 'queued' }, created.version, [
      makeDelivery('with-update-1', '2026-01-01T12:00:01.000Z'),
      makeDelivery('with-update-2', '2026-01-01T12:00:02.000Z'),
    ]);
    const ids = (await store.listDeliveries()).map((item) => item.id).sort();
    expect(ids).toEqual(['with-create', 'with-update-1', 'with-update-2']);
  });

  it('keeps neither the change nor its notifications when the write conflicts', async () => {
    const created = await store.putConversation(makeConversation(), null);
    await store.putConversation({ ...created, state: 'queued' }, created.version);
    await expect(
      store.putConversation({ ...created, state: 'assigned' }, created.version, [
        makeDelivery('lost-race', '2026-01-01T12:00:00.000Z'),
      ]),
    ).rejects.toSatisfy(StoreConflictError.isInstance);
    await expect(
      store.putConversation(makeConversation({ id: created.id }), null, [
        makeDelivery('lost-create', '2026-01-01T12:00:00.000Z'),
      ]),
    ).rejects.toSatisfy(StoreConflictError.isInstance);
    expect(await store.listDeliveries()).toEqual([]);
    expect((await store.getConversation(created.id))?.state).toBe('queued');
  });

  it('leases a delivery to one of two flushers', async () => {
    const delivery = makeDelivery('leased', '2026-01-01T12:00:00.000Z');
    await store.enqueueDeliveries([delivery]);
    const lease = { ...delivery, attempts: 1, nextAttemptAt: '2026-01-01T12:00:30.000Z' };
    const results = await Promise.all([store.updateDelivery(lease, 0), store.updateDelivery(lease, 0)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await store.updateDelivery({ ...lease, attempts: 2 }, 0)).toBe(false);
    expect(await store.updateDelivery({ ...lease, status: 'delivered' }, 1)).toBe(true);
    // A delivered one is nobody's to lease again.
    expect(await store.updateDelivery({ ...lease, attempts: 2 }, 1)).toBe(false);
    expect(await store.updateDelivery({ ...lease, attempts: 3 })).toBe(true);
    expect((await store.listDeliveries())[0]).toMatchObject({ attempts: 3 });
  });

  it('isolates deliveries from returned objects', async () => {
    await store.enqueueDeliveries([makeDelivery('d-4', '2026-01-01T12:00:00.000Z')]);
    const [listed] = await store.listDeliveries();
    listed!.status = 'failed';
    (listed!.payload as { conversationId: string }).conversationId = 'changed';
    const [again] = await store.listDeliveries();
    expect(again?.status).toBe('pending');
    expect(again?.payload).toMatchObject({ conversationId: 'c-1' });
  });
}

function metricsCases({ describe, it, expect, beforeEach }: StoreContractTestApi, current: Current): void {
  describe('handoff metrics', () => {
    let store: Store;
    beforeEach(() => {
      ({ store } = current());
    });

    it('aggregates the same metrics as computeHandoffMetrics over the summaries, for all and by team', async (context) => {
      if (!store.handoffMetrics) {
        context.skip();
        return;
      }
      const handoff = (team: string | null, hour: number, extra: Partial<HandoffRecord> = {}): HandoffRecord => ({
        id: `h-${team}-${hour}`,
        createdAt: new Date(Date.UTC(2026, 0, 1, hour, 0, 0)).toISOString(),
        reasons: [
          { reason: 'explicit_request', source: 'guard', detail: 'asked' },
          { reason: 'explicit_request', source: 'model', detail: 'asked again' },
        ],
        urgency: 'normal',
        team,
        brief: null,
        ...extra,
      });
      const reply = (hour: number, seconds: number) => new Date(Date.UTC(2026, 0, 1, hour, 0, seconds)).toISOString();
      const conversations = [
        makeConversation(),
        makeConversation({ state: 'resolved' }),
        makeConversation({ state: 'queued', handoff: handoff('billing', 3) }),
        makeConversation({
          state: 'human',
          handoff: handoff('billing', 3, {
            firstAgentReplyAt: reply(3, 42),
            reasons: [{ reason: 'negative_sentiment', source: 'guard', detail: 'angry' }],
          }),
        }),
        makeConversation({ state: 'resolved', handoff: handoff('support', 23, { firstAgentReplyAt: reply(23, 7) }) }),
        makeConversation({ state: 'resolved', handoff: handoff('support', 9, { firstAgentReplyAt: reply(9, 13) }) }),
        makeConversation({
          state: 'queued',
          handoff: handoff(null, 0, {
            ticket: { id: 't-1', createdAt: '2026-01-01T00:00:00.000Z', replyBy: '2026-01-02T00:00:00.000Z' },
          }),
        }),
      ];
      for (const conversation of conversations) await store.putConversation(conversation, null);
      // A later write replaces what an earlier one counted.
      const moved = await store.putConversation({ ...conversations[1]!, handoff: handoff('support', 5) }, 1);
      expect(moved.version).toBe(2);
      const summaries = await store.listConversations();
      const exact = ({ escalationRate: _rate, timeToFirstAgentReply: _reply, ...rest }: HandoffMetrics) => rest;
      const sameAs = (actual: HandoffMetrics, expected: HandoffMetrics) => {
        expect(exact(actual)).toEqual(exact(expected));
        expect(actual.escalationRate).toBeCloseTo(expected.escalationRate, 9);
        const [reply, expectedReply] = [actual.timeToFirstAgentReply, expected.timeToFirstAgentReply];
        expect(reply.count).toBe(expectedReply.count);
        expect(reply.medianSeconds).toBeCloseTo(expectedReply.medianSeconds ?? Number.NaN, 6);
        expect(reply.meanSeconds).toBeCloseTo(expectedReply.meanSeconds ?? Number.NaN, 6);
      };
      sameAs(await store.handoffMetrics(), computeHandoffMetrics(summaries));
      const teams = ['billing', 'support'];
      const visible = summaries.filter((summary) => summary.handoff?.team && teams.includes(summary.handoff.team));
      sameAs(await store.handoffMetrics({ teams }), computeHandoffMetrics(visible));
      const billing = await store.handoffMetrics({ teams: ['billing'] });
      expect(billing).toMatchObject({ conversations: 2, handoffs: 2, byReason: { explicit_request: 1 } });
      expect(await store.handoffMetrics({ teams: ['nobody'] })).toMatchObject({ conversations: 0, handoffs: 0 });
    });
  });
}

function queueCases({ describe, it, expect, beforeEach }: StoreContractTestApi, current: Current): void {
  describe('agent queue', () => {
    let store: Store;
    beforeEach(() => {
      ({ store } = current());
    });

    it('pages the queue in the order compareQueued gives, by team, with the total', async (context) => {
      if (!store.listQueue) {
        context.skip();
        return;
      }
      const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();
      const waiting = (state: ConversationState, team: string | null, urgency: Urgency, minute: number) =>
        makeConversation({
          state,
          handoff: { id: `h-${minute}`, createdAt: at(minute), reasons: [], urgency, team, brief: null },
        });
      const conversations = [
        makeConversation(),
        waiting('resolved', 'billing', 'critical', 1),
        waiting('queued', 'billing', 'normal', 5),
        waiting('queued', 'support', 'critical', 9),
        waiting('assigned', 'billing', 'high', 2),
        waiting('human', null, 'low', 0),
        waiting('queued', 'support', 'normal', 5),
        waiting('queued', 'billing', 'critical', 9),
        waiting('queued', 'support', 'high', 7),
      ];
      for (const conversation of conversations) await store.putConversation(conversation, null);
      const active = await store.listConversations({ states: ['queued', 'assigned', 'human'] });
      const order = (teams?: string[]) =>
        active
          .filter((summary) => !teams || (summary.handoff?.team != null && teams.includes(summary.handoff.team)))
          .sort((a, b) =>
            compareQueued(
              { urgency: a.handoff?.urgency, createdAt: a.handoff?.createdAt ?? a.createdAt },
              { urgency: b.handoff?.urgency, createdAt: b.handoff?.createdAt ?? b.createdAt },
            ),
          )
          .map((summary) => summary.id);
      const ids = (page: { entries: ConversationSummary[] }) => page.entries.map((summary) => summary.id);

      const all = await store.listQueue();
      expect(ids(all)).toEqual(order());
      expect(all.total).toBe(7);
      expect(all.entries[0]).toEqual(active.find((summary) => summary.id === all.entries[0]!.id));
      const second = await store.listQueue({ limit: 3, offset: 3 });
      expect(ids(second)).toEqual(order().slice(3, 6));
      expect(second.total).toBe(7);
      const billing = await store.listQueue({ teams: ['billing'], limit: 2 });
      expect(ids(billing)).toEqual(order(['billing']).slice(0, 2));
      expect(billing.total).toBe(3);
      expect(await store.listQueue({ teams: ['nobody'] })).toEqual({ entries: [], total: 0 });
      expect(await store.listQueue({ offset: 50 })).toEqual({ entries: [], total: 7 });
    });
  });
}

function changeFeedCases({ describe, it, expect, beforeEach }: StoreContractTestApi, current: Current): void {
  describe('change feed', () => {
    let store: Store;
    beforeEach(() => {
      ({ store } = current());
    });

    it('calls a watcher after each write of its conversation, until it stops', async (context) => {
      if (!store.watch) {
        context.skip();
        return;
      }
      const watched = makeConversation();
      const other = await store.putConversation(makeConversation(), null);
      let calls = 0;
      const stop = store.watch(watched.id, () => {
        calls++;
      });
      // A feed may also call as it connects (a change could have been missed before): once the
      // first write has been heard, it is connected, and every later call is a change.
      const created = await store.putConversation(watched, null);
      expect(await waitFor(() => calls > 0, 5000)).toBe(true);
      await waitFor(() => false, 100);
      calls = 0;
      const updated = await store.putConversation({ ...created, state: 'queued' }, created.version);
      expect(await waitFor(() => calls > 0, 5000)).toBe(true);
      calls = 0;
      await store.putConversation({ ...other, state: 'queued' }, other.version);
      await waitFor(() => false, 300);
      expect(calls).toBe(0);
      stop();
      await store.putConversation({ ...updated, state: 'human' }, updated.version);
      await waitFor(() => false, 300);
      expect(calls).toBe(0);
    });
  });
}

function persistenceCases({ describe, it, expect, beforeEach }: StoreContractTestApi, current: Current): void {
  describe('persistence', () => {
    let subject: StoreUnderTest;
    let store: Store;
    beforeEach(() => {
      ({ subject, store } = current());
    });

    it('keeps conversations and deliveries across a reopen', async (context) => {
      if (!subject.reopen) {
        context.skip();
        return;
      }
      const conversation = makeConversation();
      const created = await store.putConversation(conversation, null);
      const updated = await store.putConversation({ ...created, state: 'queued' }, created.version);
      await store.enqueueDeliveries([makeDelivery('d-persist', '2026-01-01T12:00:00.000Z')]);

      const reopened = await subject.reopen();
      expect(await reopened.getConversation(conversation.id)).toEqual(updated);
      expect((await reopened.listConversations({ states: ['queued'] })).map((item) => item.id)).toContain(
        conversation.id,
      );
      expect((await reopened.listDeliveries()).map((item) => item.id)).toContain('d-persist');
      const error = await reopened.putConversation(created, created.version).catch((caught: unknown) => caught);
      expect(StoreConflictError.isInstance(error)).toBe(true);
      expect((await reopened.putConversation(updated, updated.version)).version).toBe(3);
    });
  });
}

/** Waits until `done()` (checked every 10 ms) or `timeoutMs`; answers whether it came true. */
async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return done();
}
