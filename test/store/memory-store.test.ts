import { createMemoryStore } from '../../src/store/index.js';
import { testStore } from './store-contract.js';

testStore('memory store', async () => ({ store: createMemoryStore() }));
