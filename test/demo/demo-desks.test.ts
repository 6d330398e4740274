import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoApp } from '../../src/demo/demo-app.js';
import { createDemoDesks } from '../../src/demo/demo-desks.js';
import { startFakeChatwoot } from '../fakes/chatwoot-api.js';
import { startFakeSlack } from '../fakes/slack-api.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('the demo with agent desks', () => {
  it('mounts no desk without their variables', () => {
    expect(createDemoDesks({})).toEqual([]);
  });

  it('fails at start with the desk’s own message when a variable is missing', () => {
    expect(() => createDemoDesks({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_CHANNELS: 'support=C0SUPPORT' })).toThrow(
      /signingSecret/,
    );
    expect(() => createDemoDesks({ CHATWOOT_BASE_URL: 'https://chatwoot.example.com' })).toThrow(/accountId/);
  });

  it('runs Slack and Chatwoot end to end when configured', async () => {
    const signingSecret = 'demo-signing-secret-0123456789';
    const slack = await startFakeSlack({
      botToken: 'xoxb-demo',
      signingSecret,
      channels: { C0SUPPORT: { member: true } },
    });
    const chatwoot = await startFakeChatwoot({
      accountId: 1,
      inboxId: 2,
      botToken: 'cw-demo-bot',
      userToken: 'cw-demo-user',
      teams: [9],
    });
    const { app, engine, desks } = createDemoApp({
      env: {
        SLACK_BOT_TOKEN: 'xoxb-demo',
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_CHANNELS: 'support=C0SUPPORT,billing=C0SUPPORT',
        SLACK_AGENTS: 'U0ALEX=agent',
        SLACK_API_URL: slack.apiUrl,
        CHATWOOT_BASE_URL: chatwoot.baseUrl,
        CHATWOOT_BOT_TOKEN: 'cw-demo-bot',
        CHATWOOT_API_TOKEN: 'cw-demo-user',
        CHATWOOT_ACCOUNT_ID: '1',
        CHATWOOT_INBOX_ID: '2',
        CHATWOOT_WEBHOOK_TOKEN: 'demo-webhook-token-0123',
        CHATWOOT_TEAMS: 'support=9',
      },
    });
    expect(desks.map((desk) => desk.path)).toEqual(['/desks/slack', '/desks/chatwoot']);
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    slack.connectApp(`${url}/desks/slack`);
    chatwoot.connectBot(`${url}/desks/chatwoot/webhook?token=demo-webhook-token-0123`);
    cleanups.push(async () => {
      await engine.idle();
      await slack.close();
      await chatwoot.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const settle = async () => {
      for (let round = 0; round < 5; round++) {
        await chatwoot.settle();
        await engine.idle();
        await engine.flushOutbox();
      }
    };

    // The web chat's handoff goes to Slack...
    const response = await fetch(`${url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: chatBody('demo-desk-web', [userMessage('I want to talk to a person')]),
    });
    expect(response.status).toBe(200);
    // ...and Chatwoot's handoff stays in Chatwoot.
    const { conversationId } = await chatwoot.customerWrites({ text: 'Can I talk to a human agent?' });
    await settle();
    const posted = slack.messages('C0SUPPORT').filter((message) => !message.thread_ts);
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0]!.blocks)).toContain('demo-desk-web');
    const conversation = chatwoot.conversation(conversationId)!;
    expect(conversation.status).toBe('open');
    expect(conversation.team_id).toBe(9);
    expect(conversation.messages.some((message) => message.private)).toBe(true);
  });
});
