import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { judgementProblems, writeJudgement } from '../../src/agent/judgement-write.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { resolvedHandoff } from '../review/fixtures.js';

const start = new Date('2026-03-01T10:00:00.000Z');

async function statusOf(run: () => Promise<unknown>): Promise<[number, string] | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (!(error instanceof HTTPException)) throw error;
    const body = (await error.getResponse().json()) as { error: { code: string } };
    return [error.status, body.error.code];
  }
}

describe('writeJudgement', () => {
  it('writes the change with its deliveries, keeping updatedAt', async () => {
    const store = createMemoryStore();
    const seeded = resolvedHandoff('c1', ['u: I want a person'], start, ['explicit_request']);
    await store.putConversation(seeded, null);
    const stored = await writeJudgement(
      { store, outbox: null },
      'c1',
      (current) => ({ conversation: { ...current, review: { verdict: 'fine', by: 'alex', at: 'now' } } }),
      async () => [],
    );
    expect(stored.review?.verdict).toBe('fine');
    expect(stored.updatedAt).toBe(seeded.updatedAt);
    expect((await store.getConversation('c1'))?.review?.by).toBe('alex');
  });

  it('answers a problem with its status and code, and writes nothing', async () => {
    const store = createMemoryStore();
    await store.putConversation(resolvedHandoff('c1', ['u: hi'], start, ['explicit_request']), null);
    const problem = await statusOf(() =>
      writeJudgement(
        { store, outbox: null },
        'c1',
        () => ({ problem: 'handoff_not_resolved' }),
        async () => [],
      ),
    );
    expect(problem).toEqual([409, 'handoff_not_resolved']);
    expect(judgementProblems.handoff_not_found[0]).toBe(404);
    expect((await store.getConversation('c1'))?.version).toBe(1);
  });

  it('answers 404 for a conversation that is not there', async () => {
    const store = createMemoryStore();
    const missing = await statusOf(() =>
      writeJudgement(
        { store, outbox: null },
        'nope',
        (current) => ({ conversation: current }),
        async () => [],
      ),
    );
    expect(missing).toEqual([404, 'conversation_not_found']);
  });
});
