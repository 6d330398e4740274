import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createHandrailEngine } from '../../src/handrail.js';
import type { HandrailOptions } from '../../src/handrail-options.js';
import { createOfflineModel } from '../../src/model/index.js';
import { alwaysOpen, type Team, weeklyHours, workWeek } from '../../src/routing/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

const agentToken = 'agent-token-0123456789';
const billingToken = 'billing-token-0123456789';
const teams: Team[] = [
  {
    id: 'support',
    name: 'Support',
    skills: ['general'],
    topics: ['explicit_request', 'negative_sentiment'],
    languages: ['en'],
    businessHours: { timeZone: 'UTC', weekly: alwaysOpen, holidays: [] },
    capacityPerAgent: 5,
    agents: [{ id: 'alex', name: 'Alex', languages: ['en'], status: 'online' }],
    fallback: true,
  },
  {
    id: 'billing',
    name: 'Billing',
    skills: ['billing'],
    topics: ['high_stakes', 'billing_dispute', 'refund'],
    languages: ['en'],
    businessHours: { timeZone: 'UTC', weekly: alwaysOpen, holidays: [] },
    capacityPerAgent: 5,
    agents: [{ id: 'bea', name: 'Bea', languages: ['en'], status: 'online' }],
  },
];

function setup(extra: Partial<HandrailOptions> = {}) {
  const store = createMemoryStore();
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    store,
    teams,
    agents: [
      { token: agentToken, id: 'alex', name: 'Alex', teams: ['support'] },
      { token: billingToken, id: 'bea', name: 'Bea', teams: ['billing'] },
    ],
    brief: { model: false },
    ...extra,
  });
  const app = new Hono();
  app.route('/api', engine.app);
  const tokens = new Map<string, string>();
  const history = new Map<string, ReturnType<typeof userMessage>[]>();
  async function say(conversationId: string, text: string) {
    const messages = [...(history.get(conversationId) ?? []), userMessage(text)];
    history.set(conversationId, messages);
    const token = tokens.get(conversationId);
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { 'x-handrail-conversation-token': token } : {}),
      },
      body: chatBody(conversationId, messages),
    });
    expect(response.status).toBe(200);
    const issued = response.headers.get('x-handrail-conversation-token');
    if (issued) tokens.set(conversationId, issued);
    return (await response.json()) as {
      messages: Array<{ role: string; metadata?: { author?: string }; parts: Array<{ type: string; text?: string }> }>;
      handoff: { status: string; team?: string; reasons: { reason: string }[] } | null;
    };
  }
  const agent = (path: string, init: RequestInit = {}, token = agentToken) =>
    app.request(`/api/agent${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(init.headers as Record<string, string>),
      },
    });
  return { app, engine, store, say, agent, tokens };
}

const text = (message: { parts: Array<{ type: string; text?: string }> }) =>
  message.parts
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('');

describe('the full round trip', () => {
  it('user -> bot -> handoff -> agent claims -> agent message reaches the user -> resolve -> bot answers again', async () => {
    const { say, agent, app, tokens, engine } = setup();
    const answered = await say('round-trip-1', 'How long does shipping take?');
    expect(answered.handoff).toBeNull();

    const handed = await say('round-trip-1', 'Please let me speak to a human agent, my order 55123 is late');
    expect(handed.handoff).toMatchObject({ status: 'queued', team: 'support' });

    const queue = (await (await agent('/queue')).json()) as {
      queue: Array<{ id: string; brief: { intent: string; entities: { orderNumbers: string[] } } }>;
    };
    const entry = queue.queue.find((item) => item.id === 'round-trip-1');
    expect(entry?.brief.entities.orderNumbers).toContain('55123');

    // The agent reads the brief and transcript before the first human message.
    const detail = (await (await agent('/conversations/round-trip-1')).json()) as {
      brief: { summary: string };
      conversation: { messages: unknown[] };
    };
    expect(detail.brief.summary.length).toBeGreaterThan(0);
    expect(detail.conversation.messages.length).toBeGreaterThanOrEqual(4);

    expect((await agent('/conversations/round-trip-1/claim', { method: 'POST' })).status).toBe(200);
    const sent = await agent('/conversations/round-trip-1/messages', {
      method: 'POST',
      body: JSON.stringify({ text: 'Hi, I am Alex. Let me check order 55123.' }),
    });
    expect(sent.status).toBe(201);

    // The user's next reply carries the agent's message; the model is not called.
    const reply = await say('round-trip-1', 'Thank you!');
    const last = reply.messages.at(-1)!;
    expect(text(last)).toContain('Let me check order 55123');

    // The user's events stream has the agent's message too.
    const events = await app.request(
      `/api/conversations/round-trip-1/events?after=&token=${tokens.get('round-trip-1')}`,
    );
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const reader = events.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('event: state');
    await reader.cancel();

    const resolved = await agent('/conversations/round-trip-1/resolve', {
      method: 'POST',
      body: JSON.stringify({ to: 'bot' }),
    });
    expect(((await resolved.json()) as { state: string }).state).toBe('bot');

    const again = await say('round-trip-1', 'What payment methods do you accept?');
    expect(again.handoff).toBeNull();
    expect(again.messages.at(-1)?.metadata?.author).toBe('bot');

    const metrics = (await (await agent('/metrics')).json()) as {
      handoffs: number;
      byReason: Record<string, number>;
      timeToFirstAgentReply: { count: number };
    };
    expect(metrics.handoffs).toBe(1);
    expect(metrics.byReason.explicit_request).toBe(1);
    expect(metrics.timeToFirstAgentReply.count).toBe(1);
    await engine.idle();
  });
});

describe('agent API auth and scope', () => {
  it('answers 401 without or with a wrong token', async () => {
    const { app } = setup();
    expect((await app.request('/api/agent/queue')).status).toBe(401);
    const wrong = await app.request('/api/agent/queue', { headers: { authorization: 'Bearer nope-nope-nope-nope' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it("answers 403 for another team's conversation and hides it from the queue", async () => {
    const { say, agent } = setup();
    const handed = await say('billing-1', 'I want to dispute a charge of $120 on my card, I never bought this');
    expect(handed.handoff?.team).toBe('billing');
    expect((await agent('/conversations/billing-1')).status).toBe(403);
    expect((await agent('/conversations/billing-1/claim', { method: 'POST' })).status).toBe(403);
    const queue = (await (await agent('/queue')).json()) as { queue: { id: string }[] };
    expect(queue.queue.map((item) => item.id)).not.toContain('billing-1');
    expect((await agent('/conversations/billing-1', {}, billingToken)).status).toBe(200);
  });

  it('answers 404 for unknown conversations and 400/409 for bad agent actions', async () => {
    const { say, agent } = setup();
    expect((await agent('/conversations/nope-nope-1')).status).toBe(404);
    await say('state-conv-1', 'talk to a human please');
    const early = await agent('/conversations/state-conv-1/messages', {
      method: 'POST',
      body: JSON.stringify({ text: 'hello' }),
    });
    expect(early.status).toBe(409);
    const empty = await agent('/conversations/state-conv-1/messages', {
      method: 'POST',
      body: JSON.stringify({ text: '' }),
    });
    expect(empty.status).toBe(400);
    const badResolve = await agent('/conversations/state-conv-1/resolve', {
      method: 'POST',
      body: JSON.stringify({ to: 'moon' }),
    });
    expect(badResolve.status).toBe(400);
  });
});

describe('races', () => {
  it('two escalations of one conversation at once make one handoff', async () => {
    const { engine, store } = setup();
    await store.putConversation(
      {
        id: 'race-1',
        version: 0,
        state: 'bot',
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        messages: [],
        handoff: null,
      },
      null,
    );
    const request = {
      reasons: [{ reason: 'explicit_request' as const, source: 'guard' as const, detail: 'asked' }],
      urgency: 'normal' as const,
    };
    const outcomes = await Promise.all([
      engine.handoffs.startHandoff('race-1', request),
      engine.handoffs.startHandoff('race-1', request),
    ]);
    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
    const stored = await store.getConversation('race-1');
    expect(stored?.handoff?.id).toBe(outcomes.find((outcome) => outcome.created)?.record?.id);
    expect(stored?.pastHandoffs ?? []).toHaveLength(0);
  });

  it('a claim by two agents at once gives the conversation to one', async () => {
    const { say, engine } = setup();
    await say('race-conv-2', 'I need a real person now');
    const results = await Promise.allSettled([
      engine.handoffs.claim('race-conv-2', { id: 'alex', name: 'Alex' }),
      engine.handoffs.claim('race-conv-2', { id: 'sam', name: 'Sam' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(String(rejected.reason)).toMatch(/already claimed/);
  });
});

describe('offline hours', () => {
  it('says at once that nobody is available, collects contact details and opens a ticket with the reply time', async () => {
    const closedTeams: Team[] = [
      {
        ...teams[0]!,
        businessHours: {
          timeZone: 'America/New_York',
          weekly: weeklyHours(workWeek, '09:00', '17:00'),
          holidays: [],
        },
      },
    ];
    // Friday 2026-11-27 23:00 UTC = 18:00 in New York: closed until Monday 9:00.
    const { say } = setup({ teams: closedTeams, clock: () => new Date('2026-11-27T23:00:00Z') });
    const handed = await say('offline-1', 'Can I talk to a human?');
    expect(handed.handoff?.status).toBe('offline');
    expect(text(handed.messages.at(-1)!)).toMatch(/offline.*name and email.*by 9:00 AM on Monday/i);
    const contact = await say('offline-1', 'Jane Doe, jane@example.com');
    expect(contact.handoff?.status).toBe('offline');
    expect(text(contact.messages.at(-1)!)).toMatch(/T-[A-Z0-9]+/);
  });
});

describe('wait estimates', () => {
  it('use the configured handling time until there is history, then recent handling times', async () => {
    let now = new Date('2026-11-25T10:00:00Z');
    const { say, agent } = setup({ clock: () => now, defaultHandlingSeconds: 120 });
    await say('wait-conv-1', 'I want a human');
    const second = await say('wait-conv-2', 'Let me speak to an agent please');
    // One conversation ahead, one agent online, 120 s configured.
    expect(second.handoff).toMatchObject({ status: 'queued', etaSeconds: 120 });

    // Alex takes the first one for ten minutes.
    await agent('/conversations/wait-conv-1/claim', { method: 'POST' });
    now = new Date(now.getTime() + 600_000);
    await agent('/conversations/wait-conv-1/resolve', { method: 'POST', body: JSON.stringify({ to: 'bot' }) });

    const third = await say('wait-conv-3', 'Can I talk to a real person?');
    expect(third.handoff).toMatchObject({ status: 'queued', etaSeconds: 600 });
    expect(text(third.messages.at(-1)!)).toMatch(/10 minutes/);
  });
});
