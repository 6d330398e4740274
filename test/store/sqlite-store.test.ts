import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../src/errors/index.js';
import { createSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { makeConversation, testStore } from './store-contract.js';

testStore('sqlite store', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'handrail-sqlite-'));
  const path = join(folder, 'nested', 'handrail.db');
  const opened: SqliteStore[] = [createSqliteStore({ path })];
  return {
    store: opened[0]!,
    reopen: async () => {
      for (const store of opened) store.close();
      const store = createSqliteStore({ path });
      opened.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of opened) store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
});

testStore('sqlite store in memory', async () => {
  const store = createSqliteStore({ path: ':memory:' });
  return { store, cleanup: async () => store.close() };
});

describe('sqlite store across connections', () => {
  it('resolves a race between two connections to the same file to one winner', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'handrail-sqlite-'));
    const path = join(folder, 'handrail.db');
    const first = createSqliteStore({ path });
    const second = createSqliteStore({ path });
    try {
      const created = await first.putConversation(makeConversation(), null);
      const results = await Promise.allSettled([
        first.putConversation({ ...created, state: 'queued' }, 1),
        second.putConversation({ ...created, state: 'human' }, 1),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((result) => result.status === 'rejected');
      expect(StoreConflictError.isInstance(rejected?.reason)).toBe(true);
      expect((await second.getConversation(created.id))?.version).toBe(2);
    } finally {
      first.close();
      second.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
