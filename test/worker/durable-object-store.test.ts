import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../src/errors/index.js';
import { directoryShards } from '../../src/store/directory-shards.js';
import type { StoredConversation } from '../../src/store/store.js';
import { teamLoadsOf } from '../../src/store/team-loads-of.js';
import { makeConversation, makeDelivery, testStore } from '../store/store-contract.js';
import {
  buildWorker,
  createRemoteStore,
  makePersistDir,
  type RunningWorker,
  startWorker,
} from '../support/miniflare.js';

let scriptPath: string;
let persistDir: string;
let removePersistDir: () => Promise<void>;
let worker: RunningWorker;
let directoryCount = 0;

beforeAll(async () => {
  ({ scriptPath } = await buildWorker('test/worker/fixtures/store-worker.ts'));
  ({ persistDir, remove: removePersistDir } = await makePersistDir());
  worker = await startWorker({ scriptPath, persistDir });
});

afterAll(async () => {
  await worker?.dispose();
  await removePersistDir?.();
});

/** Restarts workerd over the same persisted storage: nothing survives but what was written to disk. */
async function restart(): Promise<void> {
  await worker.dispose();
  worker = await startWorker({ scriptPath, persistDir });
}

/** Forwards to whichever workerd is running now, so a store survives a restart. */
const currentWorker = { fetch: (path: string, init?: RequestInit) => worker.fetch(path, init) };

testStore('durable object store (workerd)', async () => {
  directoryCount += 1;
  const store = createRemoteStore(currentWorker, `directory-${directoryCount}`);
  return {
    store,
    reopen: async () => {
      await restart();
      return store;
    },
  };
});

describe('durable object store (workerd) under load', () => {
  it('lets one of many concurrent writers to one conversation win', async () => {
    const store = createRemoteStore(currentWorker, 'directory-race');
    const created = await store.putConversation(makeConversation(), null);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) =>
        store.putConversation({ ...created, updatedAt: `2026-01-01T12:00:0${index}.000Z` }, created.version),
      ),
    );
    const winners = results.filter(
      (result): result is PromiseFulfilledResult<StoredConversation> => result.status === 'fulfilled',
    );
    expect(winners).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected') expect(StoreConflictError.isInstance(result.reason)).toBe(true);
    }
    const read = await store.getConversation(created.id);
    expect(read?.version).toBe(2);
    expect(read?.updatedAt).toBe(winners[0]!.value.updatedAt);
  });

  it('keeps every append when writers retry on conflict', async () => {
    const store = createRemoteStore(currentWorker, 'directory-append');
    const created = await store.putConversation({ ...makeConversation(), messages: [] }, null);
    const append = async (index: number) => {
      for (;;) {
        const current = (await store.getConversation(created.id))!;
        const next = {
          ...current,
          messages: [...current.messages, { id: `m-${index}`, role: 'user' as const, parts: [] }],
        };
        try {
          return await store.putConversation(next, current.version);
        } catch (error) {
          if (!StoreConflictError.isInstance(error)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, (_, index) => append(index)));
    const read = await store.getConversation(created.id);
    expect(read?.version).toBe(7);
    expect(read?.messages.map((message) => message.id).sort()).toEqual(['m-0', 'm-1', 'm-2', 'm-3', 'm-4', 'm-5']);
    const [summary] = (await store.listConversations()).filter((item) => item.id === created.id);
    expect(summary?.messageCount).toBe(6);
  });
});

describe('durable object store (workerd) over directory shards', () => {
  it('indexes each conversation in the shard its id hashes to, reads all shards, and keeps one outbox', async () => {
    const base = 'directory-sharded';
    const shards = directoryShards(base, 4);
    const store = createRemoteStore(currentWorker, base, shards.count);
    const written = await Promise.all(
      Array.from({ length: 24 }, (_, index) => {
        const conversation = makeConversation();
        const handoff = {
          id: `h-${index}`,
          createdAt: conversation.createdAt,
          reasons: [],
          urgency: index % 5 === 0 ? ('high' as const) : ('normal' as const),
          team: index % 3 === 0 ? null : index % 3 === 1 ? 'billing' : 'tech',
          brief: null,
          ...(index % 4 === 0 ? { agentId: `agent-${index % 8}` } : {}),
        };
        const state =
          index % 4 === 0 ? ('assigned' as const) : index % 6 === 1 ? ('bot' as const) : ('queued' as const);
        const delivery = makeDelivery(`sharded-${index}`, conversation.createdAt);
        return store.putConversation({ ...conversation, state, handoff }, null, [delivery]);
      }),
    );
    const ids = written.map((conversation) => conversation.id);

    const held = await Promise.all(
      shards.names.map(async (name) => ({
        name,
        ids: (await createRemoteStore(currentWorker, name).listConversations()).map((summary) => summary.id),
      })),
    );
    for (const shard of held) expect(shard.ids.sort()).toEqual(ids.filter((id) => shards.of(id) === shard.name).sort());
    expect(held.filter((shard) => shard.ids.length > 0).length).toBeGreaterThan(1);

    const all = await store.listConversations();
    expect(all.map((summary) => summary.id).sort()).toEqual([...ids].sort());
    const queued = await store.listConversations({ states: ['queued'] });
    expect(queued.map((summary) => summary.id).sort()).toEqual(
      written
        .filter((conversation) => conversation.state === 'queued')
        .map((conversation) => conversation.id)
        .sort(),
    );
    const ahead = { ahead: { urgency: 'normal' as const, createdAt: written[10]!.createdAt } };
    expect(await store.teamLoads!(ahead)).toEqual(teamLoadsOf(all, ahead));

    // Every shard's conversations hand their notifications to the first shard's outbox.
    expect((await store.listDeliveries()).map((delivery) => delivery.id).sort()).toEqual(
      ids.map((_, index) => `sharded-${index}`).sort(),
    );
    for (const name of shards.names.slice(1)) {
      expect(await createRemoteStore(currentWorker, name).listDeliveries()).toEqual([]);
    }
  });

  it('moves a conversation to its new shard when the shard count grows, and lists it once', async () => {
    const base = 'directory-growing';
    const before = createRemoteStore(currentWorker, base);
    const after = createRemoteStore(currentWorker, base, 4);
    const created = await Promise.all(
      Array.from({ length: 12 }, () => before.putConversation(makeConversation(), null)),
    );
    const moved = await Promise.all(
      created.map((conversation) =>
        after.putConversation({ ...conversation, state: 'resolved' }, conversation.version),
      ),
    );
    const ids = moved.map((conversation) => conversation.id).sort();
    const listed = await after.listConversations();
    expect(listed.map((summary) => summary.id).sort()).toEqual(ids);
    expect(listed.every((summary) => summary.state === 'resolved')).toBe(true);
    expect(await after.listConversations({ states: ['bot'] })).toEqual([]);
    const shards = directoryShards(base, 4);
    const first = (await before.listConversations()).map((summary) => summary.id).sort();
    expect(first).toEqual(ids.filter((id) => shards.of(id) === base));
  });
});
