import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/index.js';
import type { StoredConversation } from '../../src/store/store.js';
import { testStore } from './store-contract.js';

testStore('memory store', async () => ({ store: createMemoryStore() }));

describe('memory store copies', () => {
  const base = (): StoredConversation => ({
    id: 'copy-1',
    version: 0,
    state: 'bot',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'hello' }], metadata: { createdAt: 'x' } }],
    handoff: null,
  });

  it('copies JSON data exactly as structuredClone does, own __proto__ keys and undefined values included', async () => {
    const store = createMemoryStore();
    const conversation = base();
    const metadata = JSON.parse('{"createdAt":"x","__proto__":{"polluted":true},"nested":[1,"two",null,{"a":[]}]}');
    metadata.missing = undefined;
    conversation.messages[0]!.metadata = metadata;
    const stored = await store.putConversation(conversation, null);
    const read = await store.getConversation('copy-1');
    const expected = { ...structuredClone(conversation), version: 1 };
    expect(stored).toStrictEqual(expected);
    expect(read).toStrictEqual(expected);
    const readMetadata = read!.messages[0]!.metadata as Record<string, unknown>;
    expect(Object.keys(readMetadata)).toEqual(['createdAt', '__proto__', 'nested', 'missing']);
    expect(Object.getPrototypeOf(readMetadata)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readMetadata.nested).not.toBe(metadata.nested);
  });

  it('hands values that are not plain data to structuredClone (dates, maps, cycles)', async () => {
    const store = createMemoryStore();
    const conversation = base();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const at = new Date('2026-01-02T00:00:00.000Z');
    conversation.messages[0]!.metadata = { createdAt: 'x', at, map: new Map([['k', 1]]), cyclic } as never;
    await store.putConversation(conversation, null);
    const read = await store.getConversation('copy-1');
    const metadata = read!.messages[0]!.metadata as unknown as {
      at: Date;
      map: Map<string, number>;
      cyclic: { self: unknown };
    };
    expect(metadata.at).toBeInstanceOf(Date);
    expect(metadata.at).not.toBe(at);
    expect(metadata.at.getTime()).toBe(at.getTime());
    expect(metadata.map.get('k')).toBe(1);
    expect(metadata.cyclic.self).toBe(metadata.cyclic);
  });

  it('refuses what structuredClone refuses', async () => {
    const store = createMemoryStore();
    const conversation = base();
    conversation.messages[0]!.metadata = { createdAt: 'x', callback: () => 1 } as never;
    await expect(store.putConversation(conversation, null)).rejects.toThrow();
    expect(await store.getConversation('copy-1')).toBeNull();
  });
});
