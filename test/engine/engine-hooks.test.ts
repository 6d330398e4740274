import { Hono } from 'hono';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { HandoffBrief } from '../../src/brief/index.js';
import type { ConversationStateChange, HandoffHookEvent } from '../../src/handoff/handoff-hooks.js';
import { createHandrailEngine } from '../../src/handrail.js';
import type { HandrailOptions } from '../../src/handrail-options.js';
import type { Logger } from '../../src/logger.js';
import { createOfflineModel } from '../../src/model/index.js';
import type { Notifier, NotifierDelivery } from '../../src/notify/index.js';
import { alwaysOpen, type Team } from '../../src/routing/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

const agentToken = 'agent-token-0123456789';
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

/** A logger that keeps its entries. */
function recordingLogger() {
  const entries: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const at =
    (level: string) =>
    (message: string, fields?: Record<string, unknown>): void => {
      entries.push({ level, message, ...(fields ? { fields } : {}) });
    };
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, entries };
}

function setup(extra: Partial<HandrailOptions>) {
  const store = createMemoryStore();
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    store,
    teams,
    agentToken,
    brief: { model: false },
    consoleUrl: 'https://support.example.com/',
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
    const issued = response.headers.get('x-handrail-conversation-token');
    if (issued) tokens.set(conversationId, issued);
    return response;
  }
  const agent = (path: string, body?: unknown) =>
    app.request(`/api/agent${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  return { engine, store, say, agent };
}

describe('onHandoff and onStateChange', () => {
  it('calls onHandoff once per handoff, after the commit, with the typed brief', async () => {
    const handoffs: HandoffHookEvent[] = [];
    const changes: ConversationStateChange[] = [];
    const storedWhenCalled: (string | undefined)[] = [];
    const { engine, store, say, agent } = setup({
      onHandoff: async (event) => {
        expectTypeOf(event.brief).toEqualTypeOf<HandoffBrief>();
        storedWhenCalled.push((await store.getConversation(event.conversationId))?.handoff?.routedAt);
        handoffs.push(event);
      },
      onStateChange: (change) => {
        changes.push(change);
      },
    });

    expect((await say('hooks-conv-1', 'How long does shipping take?')).status).toBe(200);
    await engine.idle();
    expect(handoffs).toHaveLength(0);

    expect((await say('hooks-conv-1', 'I want to talk to a real person')).status).toBe(200);
    // More messages while the user waits are no second handoff.
    expect((await say('hooks-conv-1', 'Hello? Anyone there?')).status).toBe(200);
    await engine.idle();

    expect(handoffs).toHaveLength(1);
    const [event] = handoffs;
    expect(event).toMatchObject({
      type: 'handoff.created',
      conversationId: 'hooks-conv-1',
      team: 'support',
      link: 'https://support.example.com/agent#hooks-conv-1',
      reasons: [expect.objectContaining({ reason: 'explicit_request' })],
    });
    expect(event!.brief.conversationId).toBe('hooks-conv-1');
    expect(event!.brief.reasons.map((reason) => reason.reason)).toContain('explicit_request');
    expect(event!.summary).toBe(event!.brief.summary);
    expect(event!.handoffId).toBe(event!.handoff.id);
    // Called after the commit: the store already held the routed handoff.
    expect(storedWhenCalled).toEqual([event!.handoff.routedAt]);

    expect((await agent('/conversations/hooks-conv-1/claim')).status).toBe(200);
    expect((await agent('/conversations/hooks-conv-1/messages', { text: 'Hi, Alex here.' })).status).toBe(201);
    expect((await agent('/conversations/hooks-conv-1/resolve', { to: 'bot' })).status).toBe(200);
    await engine.idle();
    expect(changes.map(({ from, to }) => `${from}->${to}`)).toEqual([
      'null->bot',
      'bot->queued',
      'queued->assigned',
      'assigned->human',
      'human->bot',
    ]);
    expect(changes.slice(1).every((change) => change.handoffId === event!.handoffId)).toBe(true);

    // Back with the bot, a new handoff is announced again: once more.
    expect((await say('hooks-conv-1', 'Can I talk to a human again please?')).status).toBe(200);
    await engine.idle();
    expect(handoffs).toHaveLength(2);
    expect(handoffs[1]!.handoffId).not.toBe(event!.handoffId);
  });

  it('logs a throwing hook and neither breaks the handoff nor loses its state or notifications', async () => {
    const { logger, entries } = recordingLogger();
    const delivered: NotifierDelivery[] = [];
    const notifier: Notifier = {
      name: 'audit',
      async deliver(delivery) {
        // A custom notifier gets the HandoffEvent typed, with no cast.
        expectTypeOf(delivery.payload.urgency).toEqualTypeOf<HandoffHookEvent['urgency']>();
        delivered.push(delivery);
      },
    };
    let calls = 0;
    const { engine, store, say } = setup({
      logger,
      notifiers: [notifier],
      onHandoff: () => {
        calls++;
        throw new Error('the CRM is down');
      },
      onStateChange: async () => {
        calls++;
        throw new Error('analytics rejected');
      },
    });

    const response = await say('hooks-conv-2', 'I want to talk to a real person');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { handoff: { status: string } | null };
    expect(body.handoff?.status).toBe('queued');
    await engine.idle();
    await engine.flushOutbox();

    expect(calls).toBe(3); // created (bot), queued, and the announcement
    expect((await store.getConversation('hooks-conv-2'))?.state).toBe('queued');
    expect(delivered.map((delivery) => delivery.payload.type)).toEqual(['handoff.created']);
    const errors = entries.filter((entry) => entry.message === 'hook-error');
    expect(errors.map((entry) => entry.fields?.hook)).toEqual(['onStateChange', 'onStateChange', 'onHandoff']);
    expect(errors[2]!.fields).toMatchObject({ conversationId: 'hooks-conv-2', error: 'Error: the CRM is down' });
  });

  it('refuses a hook that is not a function when the engine is created', () => {
    expect(() => setup({ onHandoff: 'https://example.com' as never })).toThrow(/onHandoff must be a function/);
  });
});
