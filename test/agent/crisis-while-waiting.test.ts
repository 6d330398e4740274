import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import type { Notifier } from '../../src/notify/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { OutboxDelivery } from '../../src/store/store.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

const agentToken = 'agent-token-0123456789';

/** A notifier that keeps what it was asked to deliver. */
function recordingNotifier(): Notifier & { delivered: OutboxDelivery[] } {
  const delivered: OutboxDelivery[] = [];
  return {
    name: 'recording',
    delivered,
    async deliver(delivery) {
      delivered.push(delivery);
    },
  };
}

function setup(preHandoffQuestions = false) {
  const notifier = recordingNotifier();
  const store = createMemoryStore();
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    store,
    agentToken,
    notifiers: [notifier],
    brief: { model: false },
    conversationAuth: 'none',
    waitUntil: (promise) => {
      promise.catch(() => {});
    },
    ...(preHandoffQuestions
      ? {
          preHandoffQuestions: [
            { field: 'email', question: 'What email can our team reach you at?', entity: 'emails' },
          ],
        }
      : {}),
  });
  const app = new Hono();
  app.route('/api', engine.app);
  const history: ReturnType<typeof userMessage>[] = [];
  async function say(text: string) {
    history.push(userMessage(text));
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: chatBody('crisis-waiting-1', history),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as {
      handoff: { status: string; message: string; reasons: { reason: string }[] } | null;
    };
  }
  return { say, store, notifier, engine };
}

describe('a crisis written while the conversation waits for a person', () => {
  it('makes the handoff critical with the crisis reason, tells the agents and shows the safe message', async () => {
    const { say, store, notifier, engine } = setup();
    const handed = await say('I want to talk to a real person about my order');
    expect(handed.handoff?.status).toBe('queued');
    const before = await store.getConversation('crisis-waiting-1');
    expect(before?.handoff?.urgency).not.toBe('critical');

    const reply = await say('honestly it does not matter anymore, I have decided to end my life tonight');
    expect(reply.handoff?.message).toMatch(/not alone/i);
    const after = await store.getConversation('crisis-waiting-1');
    expect(after?.handoff?.urgency).toBe('critical');
    expect(after?.handoff?.reasons[0]?.reason).toBe('crisis');
    expect(after?.handoff?.id).toBe(before?.handoff?.id);
    // The notification goes out in background work after the answer.
    await vi.waitFor(
      async () => {
        await engine.flushOutbox();
        expect(notifier.delivered.map((delivery) => delivery.type)).toContain('handoff.escalated');
      },
      { timeout: 5000, interval: 50 },
    );

    // Said again, it stays one critical handoff and tells the agents once.
    await say('I mean it, I want to kill myself');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await engine.flushOutbox();
    expect(notifier.delivered.filter((delivery) => delivery.type === 'handoff.escalated')).toHaveLength(1);
  });

  it('stops the pre-handoff questions and completes the handoff at once', async () => {
    const { say, store } = setup(true);
    const handed = await say('I want to talk to a real person');
    expect(handed.handoff?.status).toBe('collecting');
    const reply = await say('nothing matters anymore, I want to die');
    expect(reply.handoff?.status).not.toBe('collecting');
    expect(reply.handoff?.message).toMatch(/not alone/i);
    const stored = await store.getConversation('crisis-waiting-1');
    expect(stored?.handoff?.urgency).toBe('critical');
    expect(stored?.handoff?.collecting).not.toBe(true);
  });

  it('leaves an ordinary message while waiting as it was', async () => {
    const { say, store } = setup();
    await say('I want to talk to a real person');
    const reply = await say('ok, thanks, I will wait');
    expect(reply.handoff?.status).toBe('waiting');
    expect((await store.getConversation('crisis-waiting-1'))?.handoff?.urgency).not.toBe('critical');
  });
});
