import { describe, expect, it } from 'vitest';
import type { ConversationState } from '../../src/chat/conversation.js';
import { createMemoryStore } from '../../src/store/index.js';
import type { OutboxDelivery, Store } from '../../src/store/store.js';
import { makeConversation, makeDelivery } from '../../src/testing/store-contract.js';

const minute = 60_000;

/** A memory store whose clock the test moves. */
function storeAt(retentionMs: number): { store: Store; advance: (ms: number) => void } {
  let now = Date.UTC(2026, 0, 1);
  const store = createMemoryStore({ retentionMs, clock: () => new Date(now) });
  return { store, advance: (ms) => (now += ms) };
}

async function putIn(store: Store, state: ConversationState): Promise<string> {
  const conversation = makeConversation({ state });
  await store.putConversation(conversation, null);
  return conversation.id;
}

describe('memory store retention', () => {
  it('drops conversations with no open handoff once their last write is older than the retention', async () => {
    const { store, advance } = storeAt(60 * minute);
    const ids = Object.fromEntries(
      await Promise.all(
        (['bot', 'queued', 'assigned', 'human', 'resolved'] as const).map(async (state) => [
          state,
          await putIn(store, state),
        ]),
      ),
    ) as Record<ConversationState, string>;
    advance(61 * minute);
    await putIn(store, 'bot'); // a write is what sweeps

    expect(await store.getConversation(ids.bot)).toBeNull();
    expect(await store.getConversation(ids.resolved)).toBeNull();
    for (const state of ['queued', 'assigned', 'human'] as const) {
      expect((await store.getConversation(ids[state]))?.state).toBe(state);
    }
    const listed = (await store.listConversations()).map((summary) => summary.id);
    expect(listed).not.toContain(ids.bot);
    expect(listed).not.toContain(ids.resolved);
    expect(listed).toHaveLength(4);
    expect((await store.listConversations({ states: ['bot', 'resolved'] })).map((s) => s.id)).not.toContain(ids.bot);
  });

  it('counts from the last write, not from creation', async () => {
    const { store, advance } = storeAt(60 * minute);
    const id = await putIn(store, 'bot');
    advance(50 * minute);
    const stored = (await store.getConversation(id))!;
    await store.putConversation({ ...stored, messages: [...stored.messages] }, stored.version);
    advance(50 * minute);
    await putIn(store, 'bot');
    expect((await store.getConversation(id))?.version).toBe(2);
    advance(11 * minute);
    await putIn(store, 'bot');
    expect(await store.getConversation(id)).toBeNull();
  });

  it('keeps a conversation that left the queue only for the retention after it was resolved', async () => {
    const { store, advance } = storeAt(60 * minute);
    const id = await putIn(store, 'queued');
    advance(24 * 60 * minute);
    await putIn(store, 'bot');
    const queued = (await store.getConversation(id))!;
    await store.putConversation({ ...queued, state: 'resolved' }, queued.version);
    advance(59 * minute);
    await putIn(store, 'bot');
    expect((await store.getConversation(id))?.state).toBe('resolved');
    advance(2 * minute);
    await putIn(store, 'bot');
    expect(await store.getConversation(id)).toBeNull();
  });

  it('holds memory to the traffic of one retention period', async () => {
    const { store, advance } = storeAt(60 * minute);
    for (let index = 0; index < 1_000; index++) {
      await putIn(store, index % 10 === 0 ? 'resolved' : 'bot');
      advance(minute);
    }
    // One write a minute: the last 60 minutes' writes and the one of this minute.
    expect((await store.listConversations()).length).toBeLessThanOrEqual(61);
  });

  it('drops deliveries delivered or failed longer ago than the retention and never a pending one', async () => {
    const { store, advance } = storeAt(60 * minute);
    const at = '2026-01-01T00:00:00.000Z';
    const settle = (delivery: OutboxDelivery, status: 'delivered' | 'failed') =>
      store.updateDelivery({ ...delivery, attempts: 1, status }, 0);
    const [delivered, failed, pending] = ['delivered', 'failed', 'pending'].map((id) => makeDelivery(id, at));
    await store.enqueueDeliveries([delivered!, failed!, pending!]);
    expect(await settle(delivered!, 'delivered')).toBe(true);
    advance(30 * minute);
    expect(await settle(failed!, 'failed')).toBe(true);
    advance(31 * minute);
    await store.enqueueDeliveries([makeDelivery('new', at)]);
    expect((await store.listDeliveries()).map((delivery) => delivery.id)).toEqual(['failed', 'pending', 'new']);

    advance(24 * 60 * minute);
    await putIn(store, 'bot');
    expect((await store.listDeliveries()).map((delivery) => delivery.id)).toEqual(['pending', 'new']);
    expect((await store.dueDeliveries(new Date('2026-01-02T00:00:00.000Z'), 10)).map((d) => d.id)).toEqual([
      'pending',
      'new',
    ]);
  });

  it('keeps everything with an infinite retention', async () => {
    const { store, advance } = storeAt(Number.POSITIVE_INFINITY);
    const id = await putIn(store, 'resolved');
    advance(10 * 365 * 24 * 60 * minute);
    await putIn(store, 'bot');
    expect(await store.getConversation(id)).not.toBeNull();
  });

  it('names a bad option', () => {
    expect(() => createMemoryStore({ retentionMs: 0 })).toThrow(/createMemoryStore: retentionMs/);
    expect(() => createMemoryStore({ retentionMs: Number.NaN })).toThrow(/createMemoryStore: retentionMs/);
    expect(() => createMemoryStore({ clock: 'now' as never })).toThrow(/createMemoryStore: clock must be a function/);
    expect(() => createMemoryStore({ retention: 5 } as never)).toThrow(/createMemoryStore: .*retention/);
  });
});
