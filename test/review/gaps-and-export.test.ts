import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { runExportCasesCommand } from '../../src/evals/cli/index.js';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel, defaultKnowledgeBase } from '../../src/model/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { StoredConversation } from '../../src/store/store.js';
import { resolvedHandoff } from './fixtures.js';

const token = 'agent-token-0123456789';
const now = new Date('2026-03-10T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

/** Handoffs the bot caused, on three topics, plus ones it did not cause (asked for a person, judged needed). */
function seeded(): StoredConversation[] {
  const worn = [
    'Can I return shoes I have already worn outside?',
    'can i return worn shoes',
    'I wore the hiking shoes twice, can I still return them?',
    'Is it possible to return shoes after wearing them?',
    'return policy for worn shoes?',
  ];
  const giftCard = [
    'How do I check the balance of my gift card?',
    'what is the balance on my gift card',
    'gift card balance check',
  ];
  const warranty = [
    'Does the warranty cover a jacket bought abroad?',
    'warranty for a jacket bought in another country',
  ];
  const conversations: StoredConversation[] = [];
  worn.forEach((question, index) => {
    conversations.push(
      resolvedHandoff(`worn-${index}`, [`u: ${question}`], daysAgo(index < 4 ? 1 + index : 9), ['low_confidence']),
    );
  });
  giftCard.forEach((question, index) => {
    conversations.push(resolvedHandoff(`gift-${index}`, [`u: ${question}`], daysAgo(8 + index), ['out_of_scope']));
  });
  warranty.forEach((question, index) => {
    conversations.push(
      resolvedHandoff(`warranty-${index}`, [`u: ${question}`], daysAgo(2 + index), ['explicit_request'], {
        judgement: { needed: false, by: 'alex', at: daysAgo(1).toISOString() },
      }),
    );
  });
  // Not caused by the bot: the customer asked for a person, and the agent agreed.
  conversations.push(
    resolvedHandoff('asked', ['u: I want to talk to a person'], daysAgo(1), ['explicit_request'], {
      judgement: { needed: true, by: 'alex', at: daysAgo(1).toISOString() },
    }),
  );
  // Too old for the report.
  conversations.push(resolvedHandoff('old', ['u: can i return worn shoes'], daysAgo(60), ['low_confidence']));
  return conversations;
}

async function setup() {
  const store = createMemoryStore();
  for (const conversation of seeded()) await store.putConversation(conversation, null);
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    store,
    clock: () => now,
    agentToken: token,
    brief: { model: false },
    review: { knowledgeBase: defaultKnowledgeBase },
  });
  const app = new Hono();
  app.route('/api', engine.app);
  return { app, store };
}

interface Topic {
  name: string;
  count: number;
  thisWeek: number;
  lastWeek: number;
  trend: string;
  causes: Record<string, number>;
  examples: string[];
  conversationIds: string[];
  closestEntry: { id: string; answers: boolean } | null;
}

describe('the gap report', () => {
  it('groups the handoffs the bot caused into topics, named by their most central question', async () => {
    const { app } = await setup();
    const response = await app.request('/api/agent/gaps', { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { handoffs: number; knowledgeBase: boolean; topics: Topic[] };
    expect(body.handoffs).toBe(10);
    expect(body.knowledgeBase).toBe(true);
    const groups = body.topics.map((topic) => topic.conversationIds.map((id) => id.replace(/-\d+$/, '')).sort());
    expect(groups).toEqual([
      ['worn', 'worn', 'worn', 'worn', 'worn'],
      ['gift', 'gift', 'gift'],
      ['warranty', 'warranty'],
    ]);
    const [worn, gift, warranty] = body.topics as [Topic, Topic, Topic];
    expect(worn.name).toMatch(/return/i);
    expect(worn).toMatchObject({ count: 5, thisWeek: 4, lastWeek: 1, trend: 'rising', causes: { low_confidence: 5 } });
    expect(worn.examples).toHaveLength(3);
    expect(gift).toMatchObject({ thisWeek: 0, lastWeek: 3, trend: 'falling', causes: { out_of_scope: 3 } });
    expect(warranty.causes).toEqual({ needless: 2 });
    expect(worn.closestEntry?.id).toBeTruthy();
  });

  it('answers 400 for a bad window', async () => {
    const { app } = await setup();
    const response = await app.request('/api/agent/gaps?days=0', { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('days');
  });
});

describe('handrail export-cases', () => {
  it('fetches the judged cases with the agent token and writes them to a file', async () => {
    const { app } = await setup();
    const dir = await mkdtemp(join(tmpdir(), 'handrail-export-'));
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    try {
      const fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
        app.request(String(input).replace('http://handrail.test', ''), init)) as typeof globalThis.fetch;
      const out = join(dir, 'cases.jsonl');
      const code = await runExportCasesCommand(['--url', 'http://handrail.test/api/', '--token', token, '--out', out], {
        fetch,
      });
      expect(code).toBe(0);
      const lines = (await readFile(out, 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(3);
      expect(lines.map((line) => (JSON.parse(line) as { expect: string }).expect).sort()).toEqual([
        'escalate',
        'handle',
        'handle',
      ]);
      expect(stderr.join('')).toContain('3 cases');
      expect(
        await runExportCasesCommand(['--url', 'http://handrail.test/api', '--token', 'wrong-token-0123456789'], {
          fetch,
        }),
      ).toBe(3);
      expect(await runExportCasesCommand(['--token', token], { fetch, env: {} })).toBe(2);
    } finally {
      vi.restoreAllMocks();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
