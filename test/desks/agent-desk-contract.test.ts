import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, it } from 'vitest';
import { demoTeams } from '../../src/demo/demo-teams.js';
import {
  type AgentDesk,
  createChatwootAgentDesk,
  createSlackAgentDesk,
  renderSlackBlocks,
  type SlackDeskBlock,
} from '../../src/desks/index.js';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import { type AgentDeskHarness, testAgentDesk } from '../../src/testing/index.js';
import { startFakeChatwoot } from '../fakes/chatwoot-api.js';
import { startFakeSlack } from '../fakes/slack-api.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

/** The engine and a real HTTP host serving Handrail at /api and the desk at /desk. */
async function host(desk: AgentDesk) {
  const clock = { now: new Date() };
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    brief: { model: false },
    teams: demoTeams,
    conversationAuth: 'none',
    clock: () => clock.now,
    outbox: { baseMs: 1000, maxMs: 60_000 },
    desks: [desk],
  });
  const app = new Hono();
  app.route('/api', engine.app);
  app.route('/desk', desk.routes);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { engine, clock, url, close };
}

async function slackHarness(): Promise<AgentDeskHarness> {
  const botToken = 'xoxb-contract-token';
  const signingSecret = 'contract-signing-secret-0123456789';
  const clock = { now: new Date() };
  const fake = await startFakeSlack({
    botToken,
    signingSecret,
    channels: { C0SUPPORT: { member: true } },
    clock: () => clock.now,
  });
  const desk = createSlackAgentDesk({
    botToken,
    signingSecret,
    apiUrl: fake.apiUrl,
    defaultChannel: 'C0SUPPORT',
    agents: { U0ALEX: { id: 'agent' } },
    timeoutMs: 2000,
  });
  const served = await host(desk);
  served.clock.now = clock.now;
  const setNow = (next: Date) => {
    clock.now = next;
    served.clock.now = next;
  };
  fake.connectApp(`${served.url}/desk`);
  const histories = new Map<string, ReturnType<typeof userMessage>[]>();
  let sequence = 0;
  const briefOf = (id: string) =>
    fake.messages('C0SUPPORT').filter((message) => !message.thread_ts && JSON.stringify(message.blocks).includes(id));
  return {
    desk,
    engine: served.engine,
    advance: (ms) => setNow(new Date(clock.now.getTime() + ms)),
    async customerWrites(text, existing) {
      const id = existing ?? `slack-contract-${++sequence}-${Date.now()}`;
      const messages = [...(histories.get(id) ?? []), userMessage(text)];
      histories.set(id, messages);
      const response = await fetch(`${served.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: chatBody(id, messages),
      });
      if (response.status !== 200) throw new Error(`chat answered ${response.status}`);
      return id;
    },
    async handoffPosts(id) {
      return briefOf(id).map((message) => renderSlackBlocks(message.blocks as SlackDeskBlock[]));
    },
    async agentClaims(id) {
      await fake.clickButton({
        channel: 'C0SUPPORT',
        ts: briefOf(id)[0]!.ts,
        user: 'U0ALEX',
        actionId: 'handrail_claim',
      });
    },
    async agentReplies(id, text) {
      await fake.userWrites({ channel: 'C0SUPPORT', threadTs: briefOf(id)[0]!.ts, user: 'U0ALEX', text });
    },
    async customerReceived(id) {
      const response = await fetch(`${served.url}/api/conversations/${id}`);
      const conversation = (await response.json()) as {
        messages: Array<{ metadata?: { author?: string }; parts: Array<{ text?: string }> }>;
      };
      return conversation.messages
        .filter((message) => message.metadata?.author === 'agent')
        .map((message) => message.parts.map((part) => part.text ?? '').join(''));
    },
    async agentHandsBack(id) {
      await fake.clickButton({
        channel: 'C0SUPPORT',
        ts: briefOf(id)[0]!.ts,
        user: 'U0ALEX',
        actionId: 'handrail_back_to_bot',
      });
    },
    setDeskDown: (down) => fake.setDown(down ? 'network' : false),
    async close() {
      await served.engine.idle();
      await fake.close();
      await served.close();
    },
  };
}

async function chatwootHarness(): Promise<AgentDeskHarness> {
  const botToken = 'cw-contract-bot-token';
  const userToken = 'cw-contract-user-token';
  const webhookToken = 'cw-contract-webhook-token';
  const fake = await startFakeChatwoot({ accountId: 4, inboxId: 2, botToken, userToken, teams: [5] });
  const desk = createChatwootAgentDesk({
    baseUrl: fake.baseUrl,
    accountId: 4,
    inboxId: 2,
    botToken,
    apiToken: userToken,
    webhookToken,
    teams: { support: 5 },
    timeoutMs: 2000,
  });
  const served = await host(desk);
  fake.connectBot(`${served.url}/desk/webhook?token=${webhookToken}`);
  const chatwootId = (id: string) => Number(id.split('-').at(-1));
  const agent = { id: 31, name: 'Robin' };
  return {
    desk,
    engine: served.engine,
    advance: (ms) => {
      served.clock.now = new Date(served.clock.now.getTime() + ms);
    },
    settle: () => fake.settle(),
    async customerWrites(text, existing) {
      const written = await fake.customerWrites({
        ...(existing ? { conversationId: chatwootId(existing) } : {}),
        text,
        contact: { name: 'Jo' },
      });
      return `chatwoot-4-${written.conversationId}`;
    },
    async handoffPosts(id) {
      return (fake.conversation(chatwootId(id))?.messages ?? [])
        .filter((message) => message.private && message.content.startsWith('**Handoff from the bot**'))
        .map((message) => message.content);
    },
    async agentClaims(id) {
      await fake.agentAssigns(chatwootId(id), agent);
    },
    async agentReplies(id, text) {
      await fake.agentReplies(chatwootId(id), agent, text);
    },
    async customerReceived(id) {
      return (fake.conversation(chatwootId(id))?.messages ?? [])
        .filter((message) => !message.private && message.sender.type === 'user')
        .map((message) => message.content);
    },
    async agentHandsBack(id) {
      await fake.agentResolves(chatwootId(id));
    },
    setDeskDown: (down) => fake.setDown(down),
    async close() {
      await served.engine.idle();
      await fake.close();
      await served.close();
    },
  };
}

testAgentDesk('Slack desk', slackHarness, { describe, it });
testAgentDesk('Chatwoot desk', chatwootHarness, { describe, it });
