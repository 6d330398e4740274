import * as vitest from 'vitest';
import { type StoreUnderTest, testStoreContract } from '../../src/testing/index.js';

export { makeConversation, makeDelivery, type StoreUnderTest } from '../../src/testing/index.js';

/** The store contract suite (exported as `handrail/testing`), run with this repository's vitest. */
export function testStore(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  testStoreContract(name, makeStore, vitest);
}
