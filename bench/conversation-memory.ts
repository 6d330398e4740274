import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Result of {@link measureConversationMemory}. */
export interface ConversationMemoryResult {
  conversations: number;
  withHandoff: number;
  /** Retained heap per stored conversation after garbage collection, in bytes. */
  bytesPerConversation: number;
  /** Mean size of the same conversations as JSON, in bytes, for comparison. */
  serializedBytesPerConversation: number;
}

/**
 * Heap retained by the in-memory store per conversation (4 messages each, a handoff with a brief
 * for one in ten), measured in a child `node --expose-gc` process so nothing else is on its heap.
 */
export async function measureConversationMemory(conversations = 10_000): Promise<ConversationMemoryResult> {
  const child = resolve(import.meta.dirname, 'memory-child.ts');
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', child, String(conversations)], {
    cwd: resolve(import.meta.dirname, '..'),
    timeout: 120_000,
    maxBuffer: 1024 * 1024,
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const parsed = JSON.parse(line) as {
    conversations: number;
    withHandoff: number;
    heapDeltaBytes: number;
    serializedBytesPerConversation: number;
  };
  return {
    conversations: parsed.conversations,
    withHandoff: parsed.withHandoff,
    bytesPerConversation: Math.round(parsed.heapDeltaBytes / parsed.conversations),
    serializedBytesPerConversation: parsed.serializedBytesPerConversation,
  };
}
