import { afterEach, describe, expect, it } from 'vitest';
import { createDemoApp } from '../../src/demo/demo-app.js';
import { createFakeOpenAIServer, type RunningFakeOpenAIServer } from '../support/fake-openai-server.js';
import { chatBody, readChunks, userMessage } from '../support/ui-stream.js';

let fake: RunningFakeOpenAIServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('the demo with an OpenAI-compatible server (a real local HTTP server)', () => {
  it('streams the provider tool call and hands off with the model decision', async () => {
    fake = await createFakeOpenAIServer([
      {
        type: 'tool-call',
        name: 'escalate_to_human',
        arguments: {
          reason: 'model_decision',
          summary: 'Customer needs a custom tent repair quote.',
          urgency: 'normal',
        },
      },
      {
        type: 'text',
        text: '{"summary":"Wants a repair quote.","intent":"repair_quote","openQuestions":[],"botAttempts":[]}',
      },
    ]).start();
    const { app, modelKind } = createDemoApp({
      env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'test-key', OPENAI_MODEL: 'local-model' },
    });
    expect(modelKind).toBe('openai');
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chatBody('openai-conv-1', [userMessage('Could you quote me a repair for my torn tent fly?')]),
    });
    const chunks = await readChunks(response);
    const tool = chunks.find((chunk) => chunk.type === 'tool-input-available');
    expect(tool).toMatchObject({ toolName: 'escalate_to_human', input: { reason: 'model_decision' } });
    const handoff = chunks.find((chunk) => chunk.type === 'data-handoff') as {
      data: { reasons: { reason: string; source: string }[] };
    };
    expect(handoff.data.reasons[0]).toMatchObject({ reason: 'model_decision', source: 'model' });
    const request = fake.requests[0]!;
    expect(request.path).toMatch(/chat\/completions$/);
    expect(request.headers.authorization).toBe('Bearer test-key');
    expect(request.body.model).toBe('local-model');
    expect(request.body.tools.map((entry: { function: { name: string } }) => entry.function.name)).toContain(
      'escalate_to_human',
    );
    expect(request.body.messages.at(-1)).toMatchObject({ role: 'user' });
  });

  it('streams a provider text answer', async () => {
    fake = await createFakeOpenAIServer([
      { type: 'text', text: 'We ship to all EU countries within 3-7 business days.' },
    ]).start();
    const { app } = createDemoApp({ env: { OPENAI_BASE_URL: fake.url } });
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chatBody('openai-conv-2', [userMessage('Do you ship to Austria?')]),
    });
    const chunks = await readChunks(response);
    const text = chunks.flatMap((chunk) => (chunk.type === 'text-delta' ? [chunk.delta] : [])).join('');
    expect(text).toBe('We ship to all EU countries within 3-7 business days.');
  });
});
