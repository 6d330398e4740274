/**
 * The sharded directory in workerd: many conversations at once through the deployable Worker
 * (`DIRECTORY_SHARDS` = 8) spread their queue index over the shards, each conversation in the
 * shard its id hashes to and in no other, and the agent queue still lists every one of them, in
 * queue order, a page at a time. Prints the per-shard counts and the timings
 * (`HANDRAIL_TEST_DIRECTORY_SHARDS=1` runs the same load on one directory, for comparison).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryShards } from '../../src/store/directory-shards.js';
import { defaultDirectoryName } from '../../src/store/durable-object-store.js';
import { buildWorker, makePersistDir, type RunningWorker, startWorker } from '../support/miniflare.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

const agentToken = 'shard-test-agent-token-0123456789';
const shardCount = Number(process.env.HANDRAIL_TEST_DIRECTORY_SHARDS ?? 8);
const conversations = 200;
const concurrency = 25;

let worker: RunningWorker;
let removePersistDir: () => Promise<void>;

beforeAll(async () => {
  const { scriptPath } = await buildWorker('test/worker/fixtures/sharded-worker.ts');
  const persist = await makePersistDir();
  removePersistDir = persist.remove;
  worker = await startWorker({
    scriptPath,
    persistDir: persist.persistDir,
    bindings: { HANDRAIL_AGENT_TOKEN: agentToken, DIRECTORY_SHARDS: String(shardCount) },
  });
});

afterAll(async () => {
  await worker?.dispose();
  await removePersistDir?.();
});

/** Runs `work` for every index, `concurrency` at a time; answers each one's duration in ms. */
async function pooled(count: number, work: (index: number) => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      const started = performance.now();
      await work(index);
      durations[index] = performance.now() - started;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return durations;
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

describe('the sharded directory (workerd)', () => {
  it(`spreads ${conversations} concurrent conversations over ${shardCount} shards; the queue lists them all in order`, async () => {
    const ids = Array.from({ length: conversations }, (_, index) => `shard-conversation-${index}`);
    const started = performance.now();
    const durations = await pooled(conversations, async (index) => {
      const response = await worker.fetch('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: chatBody(ids[index]!, [userMessage('I want to talk to a real person')]),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { handoff: { status: string } | null };
      expect(body.handoff?.status).toBe('queued');
    });
    const writeMs = performance.now() - started;

    const shards = directoryShards(defaultDirectoryName, shardCount);
    const perShard = await Promise.all(
      shards.names.map(async (name) => {
        const response = await worker.fetch(`/__shard/${encodeURIComponent(name)}`);
        return { name, ...((await response.json()) as { ids: string[]; ms: number }) };
      }),
    );
    for (const { name, ids: held } of perShard) {
      expect(held.sort()).toEqual(ids.filter((id) => shards.of(id) === name).sort());
    }
    const counts = perShard.map((shard) => shard.ids.length);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(conversations);
    // A hash spreads 200 ids over 8 shards: none empty, none with more than twice its share.
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan((2 * conversations) / shardCount);

    const queueStarted = performance.now();
    const read = async (query: string) => {
      const response = await worker.fetch(`/api/agent/queue${query}`, {
        headers: { authorization: `Bearer ${agentToken}` },
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { queue: Array<{ id: string; urgency: string }>; total: number };
    };
    const all = await read('');
    const queueMs = performance.now() - queueStarted;
    expect(all.total).toBe(conversations);
    expect(new Set(all.queue.map((entry) => entry.id))).toEqual(new Set(ids));
    const pages = [];
    for (let offset = 0; offset < conversations; offset += 64)
      pages.push(...(await read(`?limit=64&offset=${offset}`)).queue);
    expect(pages.map((entry) => entry.id)).toEqual(all.queue.map((entry) => entry.id));

    console.info(
      JSON.stringify({
        conversations,
        concurrency,
        shards: Object.fromEntries(perShard.map((shard) => [shard.name, shard.ids.length])),
        writeMs: Math.round(writeMs),
        turnMs: { p50: Math.round(percentile(durations, 50)), p99: Math.round(percentile(durations, 99)) },
        shardReadMs: perShard.map((shard) => shard.ms),
        queueMs: Math.round(queueMs),
      }),
    );
  }, 180_000);
});
