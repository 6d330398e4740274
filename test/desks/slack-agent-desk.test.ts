import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { demoTeams } from '../../src/demo/demo-teams.js';
import { createSlackAgentDesk, renderSlackBlocks, type SlackDeskBlock } from '../../src/desks/index.js';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import type { StoredConversation } from '../../src/store/store.js';
import { type FakeSlack, startFakeSlack } from '../fakes/slack-api.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

const botToken = 'xoxb-1234-5678-fake';
const signingSecret = '8f742231b10e8888abcd99yyyzzz85a5';
const agentToken = 'agent-token-for-slack-tests';

/** The JSON answer of `POST /chat`. */
interface ChatAnswer {
  handoff: { status: string } | null;
  messages: Array<{ metadata?: { author?: string } }>;
}

interface Setup {
  fake: FakeSlack;
  engine: ReturnType<typeof createHandrailEngine>;
  clock: { now: Date };
  url: string;
  settle(): Promise<void>;
  chat(conversationId: string, text: string): Promise<{ status: number; body: ChatAnswer }>;
  conversation(id: string): Promise<StoredConversation>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(options: { allowChannelMembers?: boolean } = {}): Promise<Setup> {
  const clock = { now: new Date() };
  const fake = await startFakeSlack({
    botToken,
    signingSecret,
    channels: { C0SUPPORT: { member: true }, C0BILLING: { member: true }, C0OTHER: { member: false } },
    clock: () => clock.now,
  });
  const desk = createSlackAgentDesk({
    botToken,
    signingSecret,
    apiUrl: fake.apiUrl,
    channels: { support: 'C0SUPPORT', billing: 'C0BILLING' },
    agents: { U0ALEX: { id: 'agent' } },
    ...(options.allowChannelMembers ? { allowChannelMembers: true } : {}),
    timeoutMs: 2000,
  });
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    brief: { model: false },
    teams: demoTeams,
    agentToken,
    clock: () => clock.now,
    outbox: { baseMs: 1000, maxMs: 60_000 },
    desks: [desk],
  });
  const host = new Hono();
  host.route('/api', engine.app);
  host.route('/desks/slack', desk.routes);
  const server = serve({ fetch: host.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.connectApp(`${url}/desks/slack`);
  cleanups.push(async () => {
    await engine.idle();
    await fake.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const tokens = new Map<string, string>();
  const history = new Map<string, ReturnType<typeof userMessage>[]>();
  return {
    fake,
    engine,
    clock,
    url,
    async settle() {
      for (let round = 0; round < 5; round++) {
        await engine.idle();
        await engine.flushOutbox();
      }
      await engine.idle();
    },
    async chat(conversationId, text) {
      const messages = [...(history.get(conversationId) ?? []), userMessage(text)];
      history.set(conversationId, messages);
      const token = tokens.get(conversationId);
      const response = await fetch(`${url}/api/chat`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token ? { 'x-handrail-conversation-token': token } : {}),
        },
        body: chatBody(conversationId, messages),
      });
      const issued = response.headers.get('x-handrail-conversation-token');
      if (issued) tokens.set(conversationId, issued);
      return { status: response.status, body: (await response.json()) as ChatAnswer };
    },
    async conversation(id) {
      const conversation = await engine.store.getConversation(id);
      if (!conversation) throw new Error(`no conversation ${id}`);
      return conversation;
    },
  };
}

function buttons(blocks: SlackDeskBlock[] | undefined): string[] {
  return (blocks ?? []).flatMap((block) =>
    block.type === 'actions' ? block.elements.map((button) => button.action_id) : [],
  );
}

describe('Slack agent desk', () => {
  it('runs a handoff round trip through a Slack thread', async () => {
    const s = await setup();
    const asked = await s.chat('slack-round-trip', 'I want to talk to a person about my order');
    expect(asked.status).toBe(200);
    expect(asked.body.handoff?.status).toBe('queued');
    await s.settle();

    // The brief is in the support team's channel, with the reason in plain words and the buttons.
    const [brief] = s.fake.messages('C0SUPPORT');
    expect(brief).toBeDefined();
    const blocks = brief!.blocks as SlackDeskBlock[];
    const rendered = renderSlackBlocks(blocks);
    expect(rendered).toContain('The customer asked for a person.');
    expect(rendered).toContain('I want to talk to a person about my order');
    expect(buttons(blocks)).toEqual(['handrail_claim', 'handrail_back_to_bot', 'handrail_close']);
    expect(s.fake.calls[0]).toMatchObject({ method: 'chat.postMessage', authorization: `Bearer ${botToken}` });
    expect((await s.conversation('slack-round-trip')).handoff?.desks?.['slack-desk']).toMatchObject({
      externalId: brief!.ts,
      location: 'C0SUPPORT',
    });

    // What the customer writes next goes into the thread.
    await s.chat('slack-round-trip', 'It is order 4417, it never arrived');
    await s.settle();
    expect(s.fake.thread('C0SUPPORT', brief!.ts).map((reply) => reply.text)).toEqual([
      '*Customer:* It is order 4417, it never arrived',
    ]);

    // Alex claims: acknowledged at once, the message is updated, the thread says who has it.
    const claim = await s.fake.clickButton({
      channel: 'C0SUPPORT',
      ts: brief!.ts,
      user: 'U0ALEX',
      actionId: 'handrail_claim',
    });
    expect(claim.status).toBe(200);
    await s.settle();
    const claimed = await s.conversation('slack-round-trip');
    expect(claimed.state).toBe('assigned');
    expect(claimed.handoff?.agentId).toBe('agent');
    const updated = s.fake.message('C0SUPPORT', brief!.ts)!;
    expect(updated.edited).toBe(true);
    expect(buttons(updated.blocks as SlackDeskBlock[])).toEqual(['handrail_back_to_bot', 'handrail_close']);
    expect(renderSlackBlocks(updated.blocks as SlackDeskBlock[])).toContain('Claimed by @U0ALEX');

    // Alex answers in the thread; the customer gets it, once, even when Slack retries the event.
    const reply = await s.fake.userWrites({
      channel: 'C0SUPPORT',
      threadTs: brief!.ts,
      user: 'U0ALEX',
      text: 'Hi! I am sorry &amp; I will check order 4417 <https://track.example.com|right now>.',
    });
    expect(reply.answer.status).toBe(200);
    await s.settle();
    const retried = await reply.retry(1);
    expect(retried.status).toBe(200);
    await s.settle();
    const withAgent = await s.conversation('slack-round-trip');
    const agentMessages = withAgent.messages.filter((message) => message.metadata?.author === 'agent');
    expect(agentMessages).toHaveLength(1);
    expect(agentMessages[0]!.parts).toEqual([
      { type: 'text', text: 'Hi! I am sorry & I will check order 4417 right now (https://track.example.com).' },
    ]);
    expect(agentMessages[0]!.metadata).toMatchObject({ agentId: 'agent', agentName: 'Alex' });
    expect(withAgent.state).toBe('human');

    // The customer sees it through Handrail's own API.
    const next = await s.chat('slack-round-trip', 'Thank you!');
    expect(next.body.messages.some((message) => message.metadata?.author === 'agent')).toBe(true);

    // Back to the bot: the buttons go, the bot answers the next message.
    await s.fake.clickButton({ channel: 'C0SUPPORT', ts: brief!.ts, user: 'U0ALEX', actionId: 'handrail_back_to_bot' });
    await s.settle();
    expect((await s.conversation('slack-round-trip')).state).toBe('bot');
    const resolved = s.fake.message('C0SUPPORT', brief!.ts)!;
    expect(buttons(resolved.blocks as SlackDeskBlock[])).toEqual([]);
    expect(renderSlackBlocks(resolved.blocks as SlackDeskBlock[])).toContain('Back to the bot');
    const afterwards = await s.chat('slack-round-trip', 'How long does shipping take?');
    expect(afterwards.body.handoff).toBeNull();

    // Slack's echoes of the bot's own messages were acknowledged and ignored.
    expect(s.fake.autoEvents.length).toBeGreaterThan(0);
    expect(s.fake.autoEvents.every((event) => event.status === 200)).toBe(true);
    const thread = s.fake.thread('C0SUPPORT', brief!.ts).map((message) => message.text);
    expect(thread.filter((text) => text.startsWith('*Customer:*'))).toEqual([
      '*Customer:* It is order 4417, it never arrived',
      '*Customer:* Thank you!',
    ]);
  });

  it('answers the url_verification challenge', async () => {
    const s = await setup();
    const answer = await s.fake.sendToApp(
      '/events',
      JSON.stringify({ token: 'x', challenge: 'a-challenge-value', type: 'url_verification' }),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ challenge: 'a-challenge-value' });
  });

  it('rejects forged, unsigned and stale requests with 401 and does nothing', async () => {
    const s = await setup();
    await s.chat('slack-forged', 'I want to speak to a human');
    await s.settle();
    const [brief] = s.fake.messages('C0SUPPORT');
    const event = JSON.stringify({
      type: 'event_callback',
      event_id: 'EvFORGED1',
      event: { type: 'message', channel: 'C0SUPPORT', user: 'U0ALEX', text: 'forged', ts: '1.2', thread_ts: brief!.ts },
    });
    const forged = await s.fake.sendToApp('/events', event, { secret: 'not-the-signing-secret-at-all' });
    const unsigned = await s.fake.sendToApp('/events', event, { unsigned: true });
    const stale = await s.fake.sendToApp('/events', event, {
      timestamp: Math.floor(s.clock.now.getTime() / 1000) - 6 * 60,
    });
    const future = await s.fake.sendToApp('/events', event, {
      timestamp: Math.floor(s.clock.now.getTime() / 1000) + 6 * 60,
    });
    for (const answer of [forged, unsigned, stale, future]) {
      expect(answer.status).toBe(401);
      expect(JSON.parse(answer.body).error.code).toBe('invalid_slack_signature');
    }
    const tampered = await s.fake.clickButton({
      channel: 'C0SUPPORT',
      ts: brief!.ts,
      user: 'U0ALEX',
      actionId: 'handrail_claim',
    });
    expect(tampered.status).toBe(200); // the genuine click works...
    const forgedClick = await s.fake.sendToApp('/interactions', 'payload=%7B%7D', {
      contentType: 'application/x-www-form-urlencoded',
      secret: 'wrong-secret-wrong-secret',
    });
    expect(forgedClick.status).toBe(401); // ...a forged one does not
    await s.settle();
    const conversation = await s.conversation('slack-forged');
    expect(conversation.messages.some((message) => message.metadata?.author === 'agent')).toBe(false);
  });

  it('acknowledges within Slack’s 3 seconds and does the work after, even when Slack is slow', async () => {
    const s = await setup();
    await s.chat('slack-slow', 'Can I talk to a person please');
    await s.settle();
    const [brief] = s.fake.messages('C0SUPPORT');
    s.fake.setLatency(1500);
    const click = await s.fake.clickButton({
      channel: 'C0SUPPORT',
      ts: brief!.ts,
      user: 'U0ALEX',
      actionId: 'handrail_claim',
    });
    expect(click.status).toBe(200);
    expect(click.elapsedMs).toBeLessThan(1000);
    await s.settle();
    s.fake.setLatency(0);
    expect(s.fake.message('C0SUPPORT', brief!.ts)!.edited).toBe(true);
  });

  it('waits as long as Slack asks when rate limited, then posts once', async () => {
    const s = await setup();
    s.fake.rateLimitNext(1, 30);
    await s.chat('slack-rate-limited', 'Please put me through to a person');
    await s.settle();
    expect(s.fake.messages('C0SUPPORT')).toHaveLength(0);
    expect(s.fake.calls[0]).toMatchObject({ status: 429, error: 'ratelimited' });
    const [delivery] = (await s.engine.store.listDeliveries()).filter((entry) => entry.type === 'handoff.created');
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
    expect(Date.parse(delivery!.nextAttemptAt) - s.clock.now.getTime()).toBeGreaterThanOrEqual(30_000);
    expect(delivery!.lastError).toContain('ratelimited');
    s.clock.now = new Date(s.clock.now.getTime() + 31_000);
    await s.settle();
    expect(s.fake.messages('C0SUPPORT')).toHaveLength(1);
  });

  it('never loses a handoff while Slack is down: it waits in the queue and is posted when Slack is back', async () => {
    const s = await setup();
    s.fake.setDown('network');
    await s.chat('slack-down', 'I need a human, now');
    await s.chat('slack-down', 'Hello? Anyone?');
    await s.settle();
    const queue = await fetch(`${s.url}/api/agent/queue`, { headers: { authorization: `Bearer ${agentToken}` } });
    expect((await queue.json()).queue.map((entry: { id: string }) => entry.id)).toContain('slack-down');
    const pending = (await s.engine.store.listDeliveries()).filter((entry) => entry.notifier === 'slack-desk');
    expect(pending.map((entry) => [entry.type, entry.status])).toEqual([
      ['handoff.created', 'pending'],
      ['user_message.created', 'pending'],
    ]);
    s.fake.setDown(false);
    s.clock.now = new Date(s.clock.now.getTime() + 5 * 60_000);
    await s.settle();
    const [brief] = s.fake.messages('C0SUPPORT').filter((message) => !message.thread_ts);
    expect(brief).toBeDefined();
    expect(s.fake.thread('C0SUPPORT', brief!.ts).map((message) => message.text)).toEqual([
      '*Customer:* Hello? Anyone?',
    ]);
  });

  it('routes each team’s handoffs to its own channel', async () => {
    const s = await setup();
    // Billing keeps office hours: at 10:00 Berlin on a Tuesday it is open.
    s.clock.now = new Date('2026-12-01T09:00:00Z');
    await s.chat('slack-billing', 'I was charged twice, I want a refund of the double payment');
    await s.settle();
    const conversation = await s.conversation('slack-billing');
    expect(conversation.handoff?.team).toBe('billing');
    expect(s.fake.messages('C0BILLING')).toHaveLength(1);
    expect(s.fake.messages('C0SUPPORT')).toHaveLength(0);
  });

  it('keeps unmapped Slack users from answering unless channel members are allowed', async () => {
    const s = await setup();
    await s.chat('slack-unmapped', 'I want to talk to a person');
    await s.settle();
    const [brief] = s.fake.messages('C0SUPPORT');
    await s.fake.userWrites({ channel: 'C0SUPPORT', threadTs: brief!.ts, user: 'U0STRANGER', text: 'hello' });
    await s.fake.userWrites({
      channel: 'C0SUPPORT',
      threadTs: brief!.ts,
      user: 'U0ALEX',
      text: '// note for the team',
    });
    await s.settle();
    const conversation = await s.conversation('slack-unmapped');
    expect(conversation.state).toBe('queued');
    expect(conversation.messages.some((message) => message.metadata?.author === 'agent')).toBe(false);
    expect(s.fake.thread('C0SUPPORT', brief!.ts).at(-1)?.text).toContain('not set up as an agent');

    const open = await setup({ allowChannelMembers: true });
    await open.chat('slack-members', 'I want to talk to a person');
    await open.settle();
    const [openBrief] = open.fake.messages('C0SUPPORT');
    await open.fake.clickButton({
      channel: 'C0SUPPORT',
      ts: openBrief!.ts,
      user: 'U0DANA',
      actionId: 'handrail_claim',
      userName: 'Dana',
    });
    await open.settle();
    expect((await open.conversation('slack-members')).handoff?.agentId).toBe('slack:U0DANA');
    const joined = (await open.conversation('slack-members')).messages.at(-1);
    expect(JSON.stringify(joined?.parts)).toContain('Dana');
  });

  it('fails at construction with clear messages for wrong options', () => {
    expect(() =>
      createSlackAgentDesk({
        botToken: 'xoxp-user-token',
        signingSecret,
        channels: { support: 'C0S' },
        allowChannelMembers: true,
      }),
    ).toThrow(/botToken must be a bot token/);
    expect(() =>
      createSlackAgentDesk({ botToken, signingSecret, channels: { support: '#support' }, allowChannelMembers: true }),
    ).toThrow(/channel id such as C0123ABCD/);
    expect(() => createSlackAgentDesk({ botToken, signingSecret, allowChannelMembers: true })).toThrow(
      /channels .* or a defaultChannel/,
    );
    expect(() => createSlackAgentDesk({ botToken, signingSecret, defaultChannel: 'C0SUPPORT' })).toThrow(
      /nobody can answer/,
    );
  });
});
