import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../src/errors/index.js';
import type { StoredConversation } from '../../src/store/store.js';
import { makeConversation, testStore } from '../store/store-contract.js';
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
