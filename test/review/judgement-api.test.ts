import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runEvalCommand } from '../../src/evals/cli/index.js';
import { evalCaseSchema } from '../../src/evals/eval-case.js';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import { judgementEventTypes, lifecycleEventTypes, type Notifier } from '../../src/notify/index.js';
import { inReviewSample } from '../../src/review/index.js';
import { alwaysOpen, type Team } from '../../src/routing/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { chatBody, userMessage } from '../support/ui-stream.js';
import { botConversation } from './fixtures.js';

const agentToken = 'agent-token-0123456789';
const billingToken = 'billing-token-0123456789';
const teams: Team[] = [
  {
    id: 'support',
    name: 'Support',
    skills: ['general'],
    topics: ['explicit_request'],
    languages: ['en'],
    businessHours: { timeZone: 'UTC', weekly: alwaysOpen, holidays: [] },
    capacityPerAgent: 5,
    agents: [{ id: 'alex', name: 'Alex', languages: ['en'], status: 'online' }],
    fallback: true,
  },
];

function setup() {
  let now = new Date('2026-03-02T10:00:00.000Z');
  const store = createMemoryStore();
  const notifier: Notifier = {
    name: 'capture',
    events: [...lifecycleEventTypes, ...judgementEventTypes],
    deliver: async () => {},
  };
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    store,
    teams,
    clock: () => now,
    notifiers: [notifier],
    agents: [
      { token: agentToken, id: 'alex', name: 'Alex' },
      { token: billingToken, id: 'bea', name: 'Bea', teams: ['billing'] },
    ],
    brief: { model: false },
    review: { sampleShare: 0, endedAfterMinutes: 15 },
  });
  const app = new Hono();
  app.route('/api', engine.app);
  const say = async (conversationId: string, text: string) => {
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: chatBody(conversationId, [userMessage(text)]),
    });
    expect(response.status).toBe(200);
  };
  const agent = (path: string, body?: unknown, token = agentToken) =>
    app.request(`/api/agent${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const advance = (minutes: number) => {
    now = new Date(now.getTime() + minutes * 60_000);
  };
  return { store, engine, say, agent, advance, now: () => now };
}

async function handOffAndClose(context: ReturnType<typeof setup>, id: string) {
  await context.say(id, 'I would like to talk to a person, please. My email is jane.doe@example.com');
  expect((await context.agent(`/conversations/${id}/claim`, {})).status).toBe(200);
  expect((await context.agent(`/conversations/${id}/resolve`, { to: 'closed' })).status).toBe(200);
}

const deliveriesOf = async (context: ReturnType<typeof setup>, type: string) =>
  (await context.store.listDeliveries()).filter((delivery) => delivery.type === type);

describe('judging a handoff', () => {
  it('stores the agent judgement on the handoff and sends handoff.judged in the same write', async () => {
    const context = setup();
    await handOffAndClose(context, 'judge-one');
    const response = await context.agent('/conversations/judge-one/judgement', { needed: false, note: 'order status' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { judgement: { needed: boolean; by: string; at: string } };
    expect(body.judgement).toMatchObject({ needed: false, by: 'alex', at: context.now().toISOString() });
    const stored = await context.store.getConversation('judge-one');
    expect(stored?.handoff?.judgement).toMatchObject({ needed: false, note: 'order status' });
    const events = await deliveriesOf(context, 'handoff.judged');
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ conversationId: 'judge-one', judgement: { needed: false, by: 'alex' } });

    // A corrected reason replaces the verdict; the handoff stays resolved.
    const corrected = await context.agent('/conversations/judge-one/judgement', {
      needed: true,
      reason: 'high_stakes',
    });
    expect(corrected.status).toBe(200);
    expect((await context.store.getConversation('judge-one'))?.handoff).toMatchObject({
      resolution: 'closed',
      judgement: { needed: true, reason: 'high_stakes' },
    });
  });

  it('answers 409 before the handoff is resolved, 400 naming a bad field, 403 for another team', async () => {
    const context = setup();
    await context.say('judge-two', 'I would like to talk to a person, please.');
    const early = await context.agent('/conversations/judge-two/judgement', { needed: true });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('handoff_not_resolved');
    expect((await context.agent('/conversations/judge-two/claim', {})).status).toBe(200);
    expect((await context.agent('/conversations/judge-two/resolve', { to: 'bot' })).status).toBe(200);

    const invalid = await context.agent('/conversations/judge-two/judgement', { needed: 'maybe' });
    expect(invalid.status).toBe(400);
    const issues = ((await invalid.json()) as { error: { issues: Array<{ path: string; message: string }> } }).error
      .issues;
    expect(issues[0]).toMatchObject({ path: 'needed', message: 'needed must be true or false' });
    const reasonless = await context.agent('/conversations/judge-two/judgement', { needed: false, reason: 'crisis' });
    expect(reasonless.status).toBe(400);
    const unknownReason = await context.agent('/conversations/judge-two/judgement', { needed: true, reason: 'bored' });
    expect(JSON.stringify(await unknownReason.json())).toContain('reason must be one of');
    const otherTeam = await context.agent('/conversations/judge-two/judgement', { needed: true }, billingToken);
    expect(otherTeam.status).toBe(403);
    const missing = await context.agent('/conversations/nope/judgement', { needed: true });
    expect(missing.status).toBe(404);
  });
});

describe('the review queue', () => {
  it('lists ended bot-only conversations with negative sentiment or a repeated question, and takes a verdict', async () => {
    const context = setup();
    const start = new Date(context.now().getTime() - 3 * 3_600_000);
    await context.store.putConversation(
      botConversation(
        'angry',
        [
          'u: Where is my refund? Email me at jane.doe@example.com or call +49 30 12345678',
          'Refunds take 5 to 10 business days after we receive the return.',
          'u: This is useless and ridiculous, I am so frustrated. My card 4111 1111 1111 1111 was charged.',
          'Sorry to hear that.',
        ],
        start,
      ),
      null,
    );
    await context.store.putConversation(
      botConversation(
        'repeat',
        [
          'u: How do I change the delivery address of my order?',
          'You can change it in your account until the order ships.',
          'u: How can I change the delivery address for my order?',
          'You can change it in your account until the order ships.',
        ],
        start,
      ),
      null,
    );
    await context.store.putConversation(
      botConversation('calm', ['u: Do you ship to Canada?', 'Yes, we ship to Canada.'], start),
      null,
    );
    // Still going: not ended yet, so not in the queue.
    await context.store.putConversation(
      botConversation(
        'live',
        ['u: This is useless, I am furious.', 'Sorry.'],
        new Date(context.now().getTime() - 60_000),
      ),
      null,
    );
    await handOffAndClose(context, 'handed-off');

    const listed = await context.agent('/review');
    expect(listed.status).toBe(200);
    const queue = (await listed.json()) as {
      review: Array<{ id: string; causes: string[]; review: unknown }>;
      total: number;
      pending: number;
    };
    expect(queue.review.map((entry) => entry.id).sort()).toEqual(['angry', 'repeat']);
    expect(queue.review.find((entry) => entry.id === 'angry')?.causes).toContain('negative_sentiment');
    expect(queue.review.find((entry) => entry.id === 'repeat')?.causes).toContain('repeated_question');

    const flagged = await context.agent('/review/angry', { verdict: 'missed', reason: 'negative_sentiment' });
    expect(flagged.status).toBe(200);
    expect((await context.store.getConversation('angry'))?.review).toMatchObject({
      verdict: 'missed',
      reason: 'negative_sentiment',
      by: 'alex',
    });
    const reviewed = await deliveriesOf(context, 'conversation.reviewed');
    expect(reviewed[0]?.payload).toMatchObject({ conversationId: 'angry', review: { verdict: 'missed' } });
    expect((await context.agent('/review/repeat', { verdict: 'fine' })).status).toBe(200);

    const after = (await (await context.agent('/review')).json()) as { pending: number; review: Array<{ id: string }> };
    expect(after.pending).toBe(0);

    expect((await context.agent('/review/handed-off', { verdict: 'fine' })).status).toBe(409);
    expect((await context.agent('/review/angry', { verdict: 'missed' })).status).toBe(400);
    expect((await context.agent('/review', undefined, billingToken)).status).toBe(403);
    expect((await context.agent('/review/angry')).status).toBe(200);
  });

  it('samples a stable share of conversations by a hash of the id', () => {
    const ids = Array.from({ length: 2000 }, (_, index) => `conversation-${index}`);
    const share = ids.filter((id) => inReviewSample(id, 0.1)).length / ids.length;
    expect(share).toBeGreaterThan(0.08);
    expect(share).toBeLessThan(0.12);
    expect(ids.filter((id) => inReviewSample(id, 0.1)).every((id) => inReviewSample(id, 0.3))).toBe(true);
    expect(ids.some((id) => inReviewSample(id, 0))).toBe(false);
  });
});

describe('judged conversations as eval cases', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'handrail-cases-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exports valid, redacted cases that handrail eval runs, with per-week figures', async () => {
    const context = setup();
    await handOffAndClose(context, 'needless-one');
    expect((await context.agent('/conversations/needless-one/judgement', { needed: false })).status).toBe(200);
    await context.store.putConversation(
      botConversation(
        'missed-1',
        [
          'u: I need to cancel my card 4111 1111 1111 1111 now, call me on +49 30 12345678',
          'You can manage cards in the app.',
          'u: This is useless, I am furious, write to jane.doe@example.com',
        ],
        new Date(context.now().getTime() - 3_600_000),
      ),
      null,
    );
    expect((await context.agent('/review/missed-1', { verdict: 'missed', reason: 'negative_sentiment' })).status).toBe(
      200,
    );

    const response = await context.agent('/cases.jsonl');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    expect(response.headers.get('x-handrail-cases')).toBe('2');
    const text = await response.text();
    for (const raw of ['jane.doe@example.com', '4111 1111 1111 1111', '+49 30 12345678'])
      expect(text).not.toContain(raw);
    for (const mask of ['[email]', '[card]', '[phone]']) expect(text).toContain(mask);
    const cases = text
      .trim()
      .split('\n')
      .map((line) => evalCaseSchema.parse(JSON.parse(line)));
    expect(
      cases.map(({ id, expect: label, reason, production, source }) => ({ id, label, reason, production, source })),
    ).toEqual([
      {
        id: `needless-one-${cases[0]!.id.slice('needless-one-'.length)}`,
        label: 'handle',
        reason: 'none',
        production: 'escalate',
        source: 'production-handoffs',
      },
      {
        id: 'missed-1-review',
        label: 'escalate',
        reason: 'negative_sentiment',
        production: 'handle',
        source: 'production-reviews',
      },
    ]);
    expect(cases.every((evalCase) => evalCase.judgedAt === context.now().toISOString())).toBe(true);
    expect(cases[0]!.messages.at(-1)?.content).toContain('talk to a person');
    // A team-scoped agent gets only its teams' handoffs, and no reviews.
    expect((await (await context.agent('/cases.jsonl', undefined, billingToken)).text()).trim()).toBe('');

    const file = join(dir, 'cases.jsonl');
    await writeFile(file, text);
    const stdout: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout.push(String(chunk));
      return true;
    });
    const code = await runEvalCommand([file, '--guard-only', '--html', join(dir, 'report.html')]);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    const output = stdout.join('');
    expect(output).toContain('cases 2 (escalate 1, handle 1)');
    expect(output).toMatch(/per week of judgement[\s\S]*2026-W10/);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Per week of judgement');
    expect(html).toMatch(/2026-W10<\/td><td class="num">2<\/td><td>100\.0% \(1\/1/);
  });
});
