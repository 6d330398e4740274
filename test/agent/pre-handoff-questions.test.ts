import { describe, expect, it } from 'vitest';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

function setup() {
  const engine = createHandrailEngine({
    model: createOfflineModel(),
    brief: { model: false },
    conversationAuth: 'none',
    preHandoffQuestions: [
      { field: 'orderNumber', question: 'What is your order number?', entity: 'orderNumbers' },
      { field: 'email', question: 'Which email address did you order with?', entity: 'emails' },
    ],
  });
  const sent = new Map<string, ReturnType<typeof userMessage>[]>();
  async function say(id: string, text: string) {
    const messages = [...(sent.get(id) ?? []), userMessage(text)];
    sent.set(id, messages);
    const response = await engine.app.request('/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: chatBody(id, messages),
    });
    return (await response.json()) as { handoff: { status: string; message: string } | null };
  }
  return { engine, say };
}

describe('pre-handoff questions', () => {
  it('asks at most two short questions for routing fields, then hands off', async () => {
    const { engine, say } = setup();
    const first = await say('questions-conv-1', 'I need to talk to a human about my delivery');
    expect(first.handoff).toMatchObject({ status: 'collecting', message: 'What is your order number?' });
    expect((await engine.store.getConversation('questions-conv-1'))?.state).toBe('queued');

    const second = await say('questions-conv-1', 'It is order 778812');
    expect(second.handoff).toMatchObject({ status: 'collecting', message: 'Which email address did you order with?' });

    const third = await say('questions-conv-1', 'jo@example.com');
    expect(third.handoff?.status).toBe('queued');
    const stored = await engine.store.getConversation('questions-conv-1');
    expect(stored?.handoff?.askedQuestions).toEqual(['orderNumber', 'email']);
    expect(stored?.handoff?.collecting).toBe(false);
  });

  it('skips a question the transcript already answers', async () => {
    const { say } = setup();
    const first = await say(
      'questions-conv-2',
      'Get me a person, order #55120 never arrived, my email is al@example.com',
    );
    expect(first.handoff?.status).toBe('queued');
  });

  it('never asks in a crisis', async () => {
    const { engine, say } = setup();
    const first = await say('questions-conv-3', 'I want to kill myself');
    expect(first.handoff?.status).toBe('queued');
    expect((await engine.store.getConversation('questions-conv-3'))?.handoff?.urgency).toBe('critical');
  });
});
