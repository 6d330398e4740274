import { Hono } from 'hono';
import { demoTeams } from '../src/demo/demo-teams.js';
import { createHandrailEngine } from '../src/handrail.js';
import { createOfflineModel } from '../src/model/index.js';
import { createMemoryStore } from '../src/store/memory-store.js';
import { createSqliteStore } from '../src/store/sqlite-store.js';
import type { Store, StoredConversation } from '../src/store/store.js';
import { median } from './stats.js';

/** One store at one size. */
export interface StoreScaleRow {
  store: 'memory' | 'sqlite';
  /** Conversations stored before measuring (resolved ones, plus `active` waiting). */
  stored: number;
  /** A new conversation asking for a person, through the HTTP app: guard, routing, wait estimate, write (ms p50). */
  handoffTurnMsP50: number;
  /** `GET /agent/queue` (ms p50). */
  queueMsP50: number;
}

/** Result of {@link measureStoreScale}. */
export interface StoreScaleResult {
  rows: StoreScaleRow[];
  /** p50 at the largest size / p50 at the smallest, per store (goal <= 2). */
  handoffRatio: Record<'memory' | 'sqlite', number>;
  queueRatio: Record<'memory' | 'sqlite', number>;
}

const agentToken = 'bench-agent-token-0123456789';

/** A resolved conversation with a past handoff, the shape most of a busy store holds. */
function resolvedConversation(index: number, at: string): StoredConversation {
  return {
    id: `stored-${index}`,
    version: 0,
    state: index % 2 === 0 ? 'resolved' : 'bot',
    createdAt: at,
    updatedAt: at,
    messages: [
      { id: `m${index}`, role: 'user', parts: [{ type: 'text', text: `Where is order ${index}?` }] },
      { id: `a${index}`, role: 'assistant', parts: [{ type: 'text', text: 'It ships tomorrow.' }] },
    ],
    handoff: {
      id: `h${index}`,
      createdAt: at,
      reasons: [{ reason: 'explicit_request', source: 'guard', detail: 'asks for a person' }],
      urgency: 'normal',
      team: 'support',
      brief: null,
      resolvedAt: at,
      resolution: 'closed',
    },
  };
}

async function fill(store: Store, stored: number, active: number) {
  const at = new Date(Date.now() - 86_400_000).toISOString();
  for (let index = 0; index < stored; index++) await store.putConversation(resolvedConversation(index, at), null);
  for (let index = 0; index < active; index++) {
    const conversation = resolvedConversation(stored + index, at);
    const { resolvedAt: _resolved, resolution: _resolution, ...waiting } = conversation.handoff!;
    await store.putConversation({ ...conversation, state: 'queued', handoff: waiting }, null);
  }
}

async function measureOne(kind: 'memory' | 'sqlite', stored: number, active: number, samples: number) {
  const store = kind === 'memory' ? createMemoryStore() : createSqliteStore({ path: ':memory:' });
  await fill(store, stored, active);
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    store,
    teams: demoTeams,
    agentToken,
    brief: { model: false },
    conversationAuth: 'none',
    rateLimit: false,
  });
  const app = new Hono().route('/api', engine.app);
  const handoff: number[] = [];
  const queue: number[] = [];
  for (let sample = 0; sample < samples; sample++) {
    const started = performance.now();
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        id: `bench-handoff-${sample}`,
        messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'I want to talk to a real person' }] }],
      }),
    });
    await response.text();
    handoff.push(performance.now() - started);
    const queueStarted = performance.now();
    await (await app.request('/api/agent/queue', { headers: { authorization: `Bearer ${agentToken}` } })).text();
    queue.push(performance.now() - queueStarted);
  }
  await engine.idle();
  (store as { close?: () => void }).close?.();
  const p50 = (values: number[]) => Number(median(values).toFixed(3));
  return { store: kind, stored, handoffTurnMsP50: p50(handoff), queueMsP50: p50(queue) } satisfies StoreScaleRow;
}

/**
 * A handoff turn and the agent queue with 1,000 and with 100,000 conversations already stored
 * (a few dozen waiting), for the memory and SQLite stores: what they cost must not grow with the
 * store, only with the conversations waiting.
 */
export async function measureStoreScale({
  sizes = [1_000, 100_000],
  active = 50,
  samples = 40,
}: {
  sizes?: [number, number];
  active?: number;
  samples?: number;
} = {}): Promise<StoreScaleResult> {
  const rows: StoreScaleRow[] = [];
  for (const kind of ['memory', 'sqlite'] as const) {
    for (const stored of sizes) rows.push(await measureOne(kind, stored, active, samples));
  }
  const ratio = (kind: 'memory' | 'sqlite', field: 'handoffTurnMsP50' | 'queueMsP50') => {
    const [small, large] = rows.filter((row) => row.store === kind);
    return Number(((large?.[field] ?? Number.NaN) / (small?.[field] ?? Number.NaN)).toFixed(2));
  };
  return {
    rows,
    handoffRatio: { memory: ratio('memory', 'handoffTurnMsP50'), sqlite: ratio('sqlite', 'handoffTurnMsP50') },
    queueRatio: { memory: ratio('memory', 'queueMsP50'), sqlite: ratio('sqlite', 'queueMsP50') },
  };
}
