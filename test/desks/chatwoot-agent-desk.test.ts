import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { demoTeams } from '../../src/demo/demo-teams.js';
import { createChatwootAgentDesk } from '../../src/desks/index.js';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import { type FakeChatwoot, startFakeChatwoot } from '../fakes/chatwoot-api.js';

const botToken = 'cw-bot-token-0001';
const userToken = 'cw-user-token-0001';
const webhookToken = 'a-long-random-webhook-token';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup() {
  const clock = { now: new Date() };
  const fake = await startFakeChatwoot({ accountId: 1, inboxId: 3, botToken, userToken, teams: [11, 12] });
  const desk = createChatwootAgentDesk({
    baseUrl: fake.baseUrl,
    accountId: 1,
    inboxId: 3,
    botToken,
    apiToken: userToken,
    webhookToken,
    teams: { support: 11, billing: 12 },
    timeoutMs: 2000,
  });
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    brief: { model: false },
    teams: demoTeams,
    clock: () => clock.now,
    outbox: { baseMs: 1000, maxMs: 60_000 },
    desks: [desk],
  });
  const host = new Hono();
  host.route('/api', engine.app);
  host.route('/desks/chatwoot', desk.routes);
  const server = serve({ fetch: host.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.connectBot(`${url}/desks/chatwoot/webhook?token=${webhookToken}`);
  cleanups.push(async () => {
    await engine.idle();
    await fake.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    fake,
    engine,
    clock,
    url,
    async settle() {
      for (let round = 0; round < 6; round++) {
        await fake.settle();
        await engine.idle();
        await engine.flushOutbox();
      }
      await fake.settle();
      await engine.idle();
    },
  };
}

const botMessages = (fake: FakeChatwoot, id: number) =>
  fake.conversation(id)!.messages.filter((message) => message.sender.type === 'agent_bot' && !message.private);
const notes = (fake: FakeChatwoot, id: number) => fake.conversation(id)!.messages.filter((message) => message.private);

describe('Chatwoot agent desk', () => {
  it('answers as the bot, hands off with a private note, stays silent with a person, and takes over when resolved', async () => {
    const s = await setup();
    const first = await s.fake.customerWrites({ text: 'How long does shipping take?', contact: { name: 'Jane Doe' } });
    await s.settle();
    const id = first.conversationId;
    expect(botMessages(s.fake, id)).toHaveLength(1);
    expect(s.fake.conversation(id)!.status).toBe('pending');
    const handrailId = `chatwoot-1-${id}`;
    expect((await s.engine.store.getConversation(handrailId))?.state).toBe('bot');

    // The customer asks for a person: the same guard hands off, the brief lands as a private note.
    await s.fake.customerWrites({ conversationId: id, text: 'I want to talk to a person about order 4417' });
    await s.settle();
    const handedOff = await s.engine.store.getConversation(handrailId);
    expect(handedOff?.state).toBe('queued');
    expect(handedOff?.handoff?.reasons.map((reason) => reason.reason)).toContain('explicit_request');
    const conversation = s.fake.conversation(id)!;
    expect(conversation.status).toBe('open');
    expect(conversation.team_id).toBe(11);
    expect(conversation.labels).toEqual(expect.arrayContaining(['handoff', 'explicit_request']));
    expect(conversation.priority).not.toBeNull();
    const [note] = notes(s.fake, id);
    expect(note?.content).toContain('The customer asked for a person.');
    expect(note?.content).toContain('order 4417');
    expect(botMessages(s.fake, id)).toHaveLength(2); // the bot told the customer a person is coming
    // The bot wrote the note; labels, priority and team were set with the agent token.
    const noteRequest = s.fake.requests.find((request) => (request.body as { private?: boolean })?.private === true);
    expect(noteRequest?.token).toBe(botToken);
    const labelRequest = s.fake.requests.find(
      (request) => request.method === 'POST' && request.path.endsWith('/labels'),
    );
    expect(labelRequest?.token).toBe(userToken);

    // An agent takes it and answers in Chatwoot: Handrail records the claim and the reply.
    await s.fake.agentAssigns(id, { id: 21, name: 'Sam' });
    await s.fake.agentReplies(id, { id: 21, name: 'Sam' }, 'Hi Jane, I am looking at order 4417 now.');
    await s.settle();
    const assigned = await s.engine.store.getConversation(handrailId);
    expect(assigned?.state).toBe('human');
    expect(assigned?.handoff?.agentId).toBe('chatwoot:21');
    const agentMessage = assigned?.messages.find((message) => message.metadata?.author === 'agent');
    expect(agentMessage?.metadata).toMatchObject({ agentId: 'chatwoot:21', agentName: 'Sam' });
    // The customer has it in Chatwoot.
    expect(s.fake.conversation(id)!.messages.some((message) => message.content.includes('looking at order 4417'))).toBe(
      true,
    );

    // While a person has it the bot stays silent.
    const silent = await s.fake.customerWrites({ conversationId: id, text: 'Thanks, I will wait' });
    await s.settle();
    expect(botMessages(s.fake, id)).toHaveLength(2);
    // A redelivered webhook is one message in Handrail, not two.
    await silent.redeliver();
    await s.settle();
    const stored = await s.engine.store.getConversation(handrailId);
    expect(stored?.messages.filter((message) => message.id === `chatwoot-message-${silent.messageId}`)).toHaveLength(1);

    // The agent resolves it: the bot takes over again, and answers the next message.
    await s.fake.agentResolves(id);
    await s.settle();
    expect((await s.engine.store.getConversation(handrailId))?.state).toBe('bot');
    expect(s.fake.conversation(id)!.status).toBe('resolved');
    await s.fake.customerWrites({ conversationId: id, text: 'How long does shipping take?' });
    await s.settle();
    expect(botMessages(s.fake, id)).toHaveLength(3);
    // The bot's own messages and notes came back as webhooks; all were acknowledged and ignored.
    expect(s.fake.webhooks.every((webhook) => webhook.status === 200)).toBe(true);
  });

  it('retries the handoff note through the outbox when Chatwoot fails', async () => {
    const s = await setup();
    s.fake.failNext(1, 503, (request) => request.body?.private === true);
    const { conversationId } = await s.fake.customerWrites({ text: 'I want to speak to a human please' });
    await s.settle();
    expect(notes(s.fake, conversationId)).toHaveLength(0);
    const [delivery] = (await s.engine.store.listDeliveries()).filter((entry) => entry.notifier === 'chatwoot-desk');
    expect(delivery).toMatchObject({ type: 'handoff.created', status: 'pending', attempts: 1 });
    expect(delivery!.lastError).toContain('503');
    s.clock.now = new Date(s.clock.now.getTime() + 60_000);
    await s.settle();
    expect(notes(s.fake, conversationId)).toHaveLength(1);
    expect(s.fake.conversation(conversationId)!.status).toBe('open');
    // Once delivered, a repeat of the delivery does not post the note again.
    const [done] = (await s.engine.store.listDeliveries()).filter((entry) => entry.notifier === 'chatwoot-desk');
    expect(done?.status).toBe('delivered');
  });

  it('keeps a bot answer Chatwoot refused in the outbox and posts it once Chatwoot is back', async () => {
    const s = await setup();
    s.fake.failNext(5, 503, (request) => request.body?.private !== true && typeof request.body?.content === 'string');
    const { conversationId } = await s.fake.customerWrites({ text: 'How long does shipping take?' });
    await s.settle();
    expect(botMessages(s.fake, conversationId)).toHaveLength(0);
    const [deferred] = (await s.engine.store.listDeliveries()).filter((entry) => entry.type === 'chatwoot.reply');
    expect(deferred).toMatchObject({ notifier: 'chatwoot-desk', status: 'pending' });
    // The outbox retries with its backoff until Chatwoot takes the answer.
    for (let minute = 1; minute <= 6 && botMessages(s.fake, conversationId).length === 0; minute++) {
      s.clock.now = new Date(s.clock.now.getTime() + 60_000);
      await s.settle();
    }
    const answers = botMessages(s.fake, conversationId);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.content).toContain('business days');
    const [done] = (await s.engine.store.listDeliveries()).filter((entry) => entry.type === 'chatwoot.reply');
    expect(done?.status).toBe('delivered');
  });

  it('mirrors a claim and a hand-back made in Handrail’s console to Chatwoot', async () => {
    const s = await setup();
    const { conversationId } = await s.fake.customerWrites({ text: 'I want to talk to a person' });
    await s.settle();
    const handrailId = `chatwoot-1-${conversationId}`;
    await s.engine.handoffs.claim(handrailId, { id: 'agent', name: 'Alex' });
    await s.settle();
    await s.engine.handoffs.resolve(handrailId, { id: 'agent', name: 'Alex' }, 'bot');
    await s.settle();
    const contents = notes(s.fake, conversationId).map((note) => note.content);
    expect(contents).toEqual([
      expect.stringContaining('**Handoff from the bot**'),
      "Claimed in Handrail's console by agent.",
      'Handed back to the bot in Handrail.',
    ]);
    // Pending: the bot has the conversation again in Chatwoot too.
    expect(s.fake.conversation(conversationId)!.status).toBe('pending');
    await s.fake.customerWrites({ conversationId, text: 'How long does shipping take?' });
    await s.settle();
    expect(botMessages(s.fake, conversationId).at(-1)?.content).not.toBe('');
    expect((await s.engine.store.getConversation(handrailId))?.state).toBe('bot');
  });

  it('keeps going when only the agent token is missing rights: note and status still happen', async () => {
    const fake = await startFakeChatwoot({ accountId: 1, inboxId: 3, botToken, userToken, teams: [11] });
    const desk = createChatwootAgentDesk({ baseUrl: fake.baseUrl, accountId: 1, inboxId: 3, botToken, webhookToken });
    const engine = createHandrailEngine({ model: createOfflineModel(), brief: { model: false }, desks: [desk] });
    const host = new Hono();
    host.route('/desks/chatwoot', desk.routes);
    const server = serve({ fetch: host.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    fake.connectBot(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/desks/chatwoot/webhook?token=${webhookToken}`,
    );
    cleanups.push(async () => {
      await engine.idle();
      await fake.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const { conversationId } = await fake.customerWrites({ text: 'Let me talk to a real person' });
    for (let round = 0; round < 4; round++) {
      await fake.settle();
      await engine.idle();
      await engine.flushOutbox();
    }
    // With only the bot token, Chatwoot refuses labels and priority (401); the note and status go through.
    expect(fake.requests.some((request) => request.path.endsWith('/labels') && request.status === 401)).toBe(true);
    expect(fake.conversation(conversationId)!.messages.some((message) => message.private)).toBe(true);
    expect(fake.conversation(conversationId)!.status).toBe('open');
  });

  it('refuses webhooks without the token (401) and ignores other accounts and inboxes', async () => {
    const s = await setup();
    const forged = await fetch(`${s.url}/desks/chatwoot/webhook?token=wrong-token-wrong-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'message_created', content: 'hi', message_type: 'incoming', account: { id: 1 } }),
    });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe('invalid_webhook_token');
    const otherInbox = await fetch(`${s.url}/desks/chatwoot/webhook?token=${webhookToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        event: 'message_created',
        id: 1,
        content: 'hello',
        message_type: 'incoming',
        account: { id: 1 },
        inbox: { id: 99 },
        conversation: { id: 5, inbox_id: 99, status: 'pending' },
      }),
    });
    expect(otherInbox.status).toBe(200);
    await s.settle();
    expect(await s.engine.store.getConversation('chatwoot-1-5')).toBeNull();
  });

  it('fails at construction with clear messages for wrong options', () => {
    expect(() =>
      createChatwootAgentDesk({ baseUrl: 'chatwoot', accountId: 1, inboxId: 3, botToken, webhookToken }),
    ).toThrow(/baseUrl must be the URL of your Chatwoot/);
    expect(() =>
      createChatwootAgentDesk({ baseUrl: 'https://c.example.com', accountId: 0, inboxId: 3, botToken, webhookToken }),
    ).toThrow(/accountId must be the number/);
    expect(() =>
      createChatwootAgentDesk({
        baseUrl: 'https://c.example.com',
        accountId: 1,
        inboxId: 3,
        botToken,
        webhookToken: 'short',
      }),
    ).toThrow(/webhookToken must be a random secret/);
  });
});
