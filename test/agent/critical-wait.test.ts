import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import type { Team } from '../../src/routing/index.js';
import { compareQueued, queueAhead } from '../../src/routing/index.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

const alwaysOpen = Object.fromEntries(
  ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [day, [['00:00', '24:00']]]),
);

function team(agents: Team['agents']): Team {
  return {
    id: 'support',
    name: 'Support',
    skills: ['general'],
    topics: ['explicit_request', 'crisis', 'high_stakes', 'negative_sentiment'],
    languages: ['en'],
    businessHours: { timeZone: 'UTC', weekly: alwaysOpen, holidays: [] },
    capacityPerAgent: 5,
    agents,
    fallback: true,
  } as Team;
}

/** An engine whose one team has `agents`, with `backlog` ordinary handoffs already queued. */
async function queueWith(agents: Team['agents'], backlog: number) {
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    teams: [team(agents)],
    brief: { model: false },
    conversationAuth: 'none',
    rateLimit: false,
    defaultHandlingSeconds: 900,
    waitUntil: (promise) => void promise.catch(() => {}),
  });
  const app = new Hono().route('/api', engine.app);
  const say = async (id: string, text: string) => {
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: chatBody(id, [userMessage(text)]),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { handoff: { status: string; message: string; etaSeconds?: number } }).handoff;
  };
  for (let index = 0; index < backlog; index++) await say(`waiting-${index}`, 'I want to talk to a real person please');
  return say;
}

describe('wait estimates by urgency', () => {
  it('orders the queue by urgency, then age', () => {
    const normalEarly = { urgency: 'normal' as const, createdAt: '2026-01-01T10:00:00Z' };
    const normalLate = { urgency: 'normal' as const, createdAt: '2026-01-01T10:05:00Z' };
    const critical = { urgency: 'critical' as const, createdAt: '2026-01-01T10:10:00Z' };
    expect([normalLate, critical, normalEarly].sort(compareQueued)).toEqual([critical, normalEarly, normalLate]);
    expect(queueAhead(critical, [normalEarly, normalLate])).toBe(0);
    expect(queueAhead(normalLate, [normalEarly, critical])).toBe(2);
  });

  it('puts a crisis first: its wait does not count the ordinary handoffs queued before it', async () => {
    const say = await queueWith([{ id: 'a1', name: 'Ann', languages: ['en'], status: 'online' }], 12);
    const ordinary = await say('ordinary-late', 'I want to talk to a real person please');
    expect(ordinary.etaSeconds).toBeGreaterThanOrEqual(12 * 900);
    expect(ordinary.message).toMatch(/hours?/);
    const crisis = await say('crisis-1', 'I have decided to kill myself tonight');
    expect(crisis.status).toBe('queued');
    expect(crisis.message).toMatch(/not alone/i);
    expect(crisis.message).not.toMatch(/hours?/);
    expect(crisis.etaSeconds ?? 0).toBeLessThanOrEqual(600);
  });

  it('never tells a user in crisis to wait hours: when nobody can answer soon, it says so and gives the resources', async () => {
    // Nobody online and critical handoffs already ahead: no person can answer in minutes.
    const say = await queueWith([{ id: 'a1', name: 'Ann', languages: ['en'], status: 'offline' }], 0);
    for (let index = 0; index < 3; index++) await say(`crisis-ahead-${index}`, 'I want to end my life');
    const crisis = await say('crisis-late', 'there is no reason to go on, I want to die');
    expect(crisis.message).toMatch(/crisis line|emergency/i);
    expect(crisis.message).toMatch(/nobody on our team may be able to answer in the next few minutes/);
    expect(crisis.message).not.toMatch(/\d+\s*(?:hours?|minutes?)\b/);
    expect(crisis.etaSeconds).toBeUndefined();
  });
});

describe('honest waits', () => {
  it('promises no wait when no teams are configured (nobody is known to be online)', async () => {
    const engine = createHandrailEngine({
      model: createOfflineModel(),
      brief: { model: false },
      conversationAuth: 'none',
      rateLimit: false,
    });
    const app = new Hono().route('/api', engine.app);
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: chatBody('no-teams-1', [userMessage('I want to talk to a real person please')]),
    });
    const { handoff } = (await response.json()) as { handoff: { etaSeconds?: number; message: string } };
    expect(handoff.etaSeconds).toBeUndefined();
    expect(handoff.message).not.toMatch(/less than a minute|minutes?|hours?/i);
  });
});

describe('languages and how a handoff ends, as the user reads them', () => {
  async function engineWith(agents: Team['agents']) {
    const agentToken = 'agent-token-0123456789';
    const engine = createHandrailEngine({
      model: createOfflineModel(),
      teams: [team(agents)],
      agentToken,
      brief: { model: false },
      conversationAuth: 'none',
      rateLimit: false,
      waitUntil: (promise) => void promise.catch(() => {}),
    });
    const app = new Hono().route('/api', engine.app);
    const say = async (id: string, text: string) => {
      const response = await app.request('/api/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: chatBody(id, [userMessage(text)]),
      });
      return ((await response.json()) as { handoff: { message: string; language?: string } }).handoff;
    };
    const agent = (path: string, body?: unknown) =>
      app.request(`/api/agent/conversations${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    return { engine, say, agent };
  }

  it('tells a Spanish speaker, in Spanish, that the person who answers may not speak Spanish', async () => {
    const { say } = await engineWith([{ id: 'a1', name: 'Ann', languages: ['en', 'de'], status: 'online' }]);
    const handoff = await say('spanish-1', 'quiero hablar con una persona, por favor');
    expect(handoff.language).toBe('es');
    expect(handoff.message).toContain('no hay nadie disponible que hable tu idioma');
    const speaker = await engineWith([{ id: 'a2', name: 'Rosa', languages: ['es'], status: 'online' }]);
    expect((await speaker.say('spanish-2', 'quiero hablar con una persona, por favor')).message).not.toContain(
      'otro idioma',
    );
  });

  it('says "closed" when the agent closes it and "back to the assistant" when they hand it back', async () => {
    const { engine, say, agent } = await engineWith([{ id: 'a1', name: 'Ann', languages: ['en'], status: 'online' }]);
    const lastNotice = async (id: string) => {
      const stored = await engine.store.getConversation(id);
      const part = stored?.messages.at(-1)?.parts.find((item) => item.type === 'data-handoff') as
        | { data: { resolution?: string; message: string } }
        | undefined;
      return part?.data;
    };
    for (const [id, to] of [
      ['ends-closed-1', 'closed'],
      ['ends-bot-1', 'bot'],
    ] as const) {
      await say(id, 'I want to talk to a real person please');
      expect((await agent(`/${id}/claim`)).status).toBe(200);
      expect((await agent(`/${id}/resolve`, { to })).status).toBe(200);
    }
    const closed = await lastNotice('ends-closed-1');
    const back = await lastNotice('ends-bot-1');
    expect(closed).toMatchObject({ resolution: 'closed' });
    expect(closed?.message).toMatch(/closed this conversation/);
    expect(back).toMatchObject({ resolution: 'bot' });
    expect(back?.message).toMatch(/talking to the assistant again/);
  });
});
