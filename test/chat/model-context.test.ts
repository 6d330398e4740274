import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { boundModelContext } from '../../src/chat/model-context.js';
import type { Transcript } from '../../src/guard/types.js';
import { createHandrailEngine } from '../../src/handrail.js';
import { textModel } from '../support/mock-models.js';
import { chatBody } from '../support/ui-stream.js';

/** A conversation of `exchanges` questions about different orders, each answered. */
function conversation(exchanges: number): Transcript {
  return Array.from({ length: exchanges }, (_, index) => [
    { role: 'user' as const, content: `Question ${index}: where is order ${1000 + index}?` },
    { role: 'assistant' as const, content: `Order ${1000 + index} ships tomorrow.` },
  ]).flat();
}

describe('boundModelContext', () => {
  it('sends a short conversation whole, with no summary', () => {
    const transcript = conversation(3);
    const context = boundModelContext(transcript);
    expect(context.messages).toHaveLength(6);
    expect(context.earlierSummary).toBeUndefined();
  });

  it('keeps the last messages from a user message on, and summarises what the user wrote before', () => {
    const transcript = [...conversation(20), { role: 'user' as const, content: 'And order 1021?' }];
    const context = boundModelContext(transcript, { maxMessages: 10 });
    expect(context.messages.length).toBeLessThanOrEqual(10);
    expect(context.messages[0]?.role).toBe('user');
    expect(context.messages.at(-1)).toEqual({ role: 'user', content: 'And order 1021?' });
    expect(context.earlierSummary).toMatch(/^Earlier in this conversation \(\d+ messages not shown\)/);
    expect(context.earlierSummary).toContain('Question 0: where is order 1000?');
    expect(context.earlierSummary).not.toContain('ships tomorrow');
  });

  it('bounds the summary, keeping the newest earlier messages', () => {
    const transcript = conversation(500);
    const context = boundModelContext(transcript, { maxMessages: 20, summaryChars: 400 });
    expect(context.earlierSummary!.length).toBeLessThan(400 + 120);
    expect(context.earlierSummary).toMatch(/earlier messages left out/);
    expect(context.earlierSummary).toContain('Question 489');
    expect(context.earlierSummary).not.toContain('Question 0:');
  });
});

describe('the model context of a long conversation', () => {
  it('stays bounded however long the conversation grows, while the whole of it is stored', async () => {
    const model = textModel('Order 1200 ships tomorrow.');
    const engine = createHandrailEngine({
      model,
      conversationAuth: 'none',
      rateLimit: false,
      brief: { model: false },
      modelContext: { maxMessages: 12 },
    });
    const app = new Hono().route('/api', engine.app);
    const history = conversation(100).map((turn, index) => ({
      id: `m${index}`,
      role: turn.role,
      parts: [{ type: 'text' as const, text: turn.content }],
    }));
    const stored = await engine.store.putConversation(
      {
        id: 'long-conversation-1',
        version: 0,
        state: 'bot',
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        messages: history,
        handoff: null,
      },
      null,
    );
    expect(stored.messages).toHaveLength(200);
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: chatBody('long-conversation-1', [
        { id: 'm200', role: 'user', parts: [{ type: 'text', text: 'Question 100: where is order 1200?' }] },
      ]),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const prompt = model.doStreamCalls[0]!.prompt;
    const [system, ...rest] = prompt;
    expect(system?.role).toBe('system');
    expect(JSON.stringify(system)).toContain('Earlier in this conversation');
    expect(rest.length).toBeLessThanOrEqual(12);
    expect(JSON.stringify(rest.at(-1))).toContain('Question 100');
    expect((await engine.store.getConversation('long-conversation-1'))?.messages.length).toBeGreaterThan(200);
  });
});
