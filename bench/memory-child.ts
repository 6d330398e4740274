/**
 * Child process of the memory benchmark (run with `node --expose-gc --import tsx`): stores
 * conversations in the in-memory store and prints `{ conversations, heapDeltaBytes, ... }` as
 * one JSON line. Usage: `memory-child.ts <conversations>`.
 */
import { createMemoryStore } from '../src/store/memory-store.js';
import { benchConversation, handoffEvery } from './bench-conversation.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function settledHeap(): number {
  for (let index = 0; index < 4; index++) gc!();
  return process.memoryUsage().heapUsed;
}

const count = Number(process.argv[2] ?? 10_000);
const store = createMemoryStore();
// Warm the store's code paths (and structuredClone) so compiled code is not counted.
await store.putConversation({ ...benchConversation(-1), id: 'warm-up' }, null);
let serializedBytes = 0;
const before = settledHeap();
for (let index = 0; index < count; index++) {
  const conversation = benchConversation(index);
  serializedBytes += Buffer.byteLength(JSON.stringify(conversation));
  await store.putConversation(conversation, null);
}
const after = settledHeap();
const stored = await store.listConversations();
process.stdout.write(
  `${JSON.stringify({
    conversations: stored.length - 1,
    withHandoff: stored.filter((summary) => summary.handoff !== null).length,
    handoffEvery,
    heapDeltaBytes: after - before,
    serializedBytesPerConversation: Math.round(serializedBytes / count),
  })}\n`,
);
