import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { HandoffBrief } from '../../src/brief/index.js';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

const agentToken = 'agent-token-0123456789';

function setup() {
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    agentToken,
    brief: { model: false },
    conversationAuth: 'none',
    rateLimit: false,
    eventsPollMs: 20,
    waitUntil: (promise) => void promise.catch(() => {}),
  });
  const app = new Hono().route('/api', engine.app);
  const history: ReturnType<typeof userMessage>[] = [];
  const say = async (text: string) => {
    history.push(userMessage(text));
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: chatBody('live-brief-1', history),
    });
    expect(response.status).toBe(200);
  };
  return { engine, app, say };
}

/** Reads server-sent events until one named `name` arrives (or the deadline). */
async function nextEvent(body: ReadableStream<Uint8Array>, name: string, timeoutMs = 3000): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      for (const block of buffer.split('\n\n')) {
        if (block.includes(`event: ${name}`)) return block.replace(/^[\s\S]*?data: /, '');
      }
    }
  } finally {
    await reader.cancel();
  }
  throw new Error(`no ${name} event`);
}

describe('the brief while the user writes on after the handoff', () => {
  it('takes in new reasons, entities and sentiment, and tells the console live', async () => {
    const { engine, app, say } = setup();
    await say('Do you sell gift cards for hiking trips in Patagonia?');
    await say('I want to talk to a real person');
    const before = (await engine.store.getConversation('live-brief-1'))?.handoff;
    expect(before).toBeTruthy();
    const events = await app.request('/api/agent/conversations/live-brief-1/events', {
      headers: { authorization: `Bearer ${agentToken}` },
    });
    expect(events.status).toBe(200);
    const briefEvent = nextEvent(events.body!, 'brief');
    await new Promise((resolve) => setTimeout(resolve, 60));
    await say('This is ridiculous, nobody answers. Get me a human now. My email is jane.doe@example.com');

    const after = (await engine.store.getConversation('live-brief-1'))?.handoff;
    const brief = after?.brief as HandoffBrief;
    expect(brief.entities.emails).toContain('jane.doe@example.com');
    expect(brief.sentiment.score).toBeLessThan(0);
    expect(after?.reasons.map((reason) => reason.reason)).toContain('negative_sentiment');
    expect(after?.reasons[0]?.reason).toBe(before?.reasons[0]?.reason);
    expect(after?.id).toBe(before?.id);

    const live = JSON.parse(await briefEvent) as { brief: HandoffBrief; reasons: { reason: string }[] };
    expect(live.brief.entities.emails).toContain('jane.doe@example.com');
    expect(live.reasons.map((reason) => reason.reason)).toContain('negative_sentiment');
  });
});
