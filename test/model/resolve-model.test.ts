import { generateText, streamText, tool } from 'ai';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { confidenceFromProviderMetadata } from '../../src/model/confidence.js';
import { resolveModel } from '../../src/model/resolve-model.js';
import {
  createFakeOpenAIServer,
  type FakeOpenAIResponse,
  type RunningFakeOpenAIServer,
} from '../support/fake-openai-server.js';

const tools = {
  escalate_to_human: tool({
    description: 'Hand the conversation to a person',
    inputSchema: z.object({
      reason: z.string(),
      summary: z.string(),
      urgency: z.enum(['low', 'normal', 'high', 'critical']),
    }),
  }),
};

let fake: RunningFakeOpenAIServer | undefined;

async function startFake(script: FakeOpenAIResponse[]): Promise<RunningFakeOpenAIServer> {
  fake = await createFakeOpenAIServer(script).start();
  return fake;
}

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('resolveModel', () => {
  it('picks the offline model without a key or base URL', () => {
    const { model, kind } = resolveModel({});
    expect(kind).toBe('offline');
    expect(model.provider).toBe('handrail');
    expect(resolveModel({ OPENAI_API_KEY: '  ', OPENAI_BASE_URL: '' }).kind).toBe('offline');
  });

  it('passes offline options through', async () => {
    const { model } = resolveModel({}, { offline: { minConfidence: 1 } });
    const result = await generateText({ model, prompt: 'How long does delivery take?' });
    expect(result.providerMetadata?.handrail).toMatchObject({ fallback: true });
  });

  it('picks the OpenAI chat model with a key, defaulting to gpt-4o-mini', () => {
    const { model, kind } = resolveModel({ OPENAI_API_KEY: 'sk-test' });
    expect(kind).toBe('openai');
    expect(model.provider).toBe('openai.chat');
    expect(model.modelId).toBe('gpt-4o-mini');
    expect(resolveModel({ OPENAI_API_KEY: 'sk-test', OPENAI_MODEL: 'gpt-4.1' }).model.modelId).toBe('gpt-4.1');
  });

  it('streams a tool call from an OpenAI-compatible server into an escalate_to_human call with parsed input', async () => {
    const input = { reason: 'low_confidence', summary: 'Customer asks about a lasagne recipe.', urgency: 'normal' };
    const server = await startFake([{ type: 'tool-call', name: 'escalate_to_human', arguments: input, chunkSize: 7 }]);
    const { model, kind } = resolveModel({
      OPENAI_BASE_URL: server.url,
      OPENAI_API_KEY: 'test',
      OPENAI_MODEL: 'local-model',
    });
    expect(kind).toBe('openai');

    const result = streamText({
      model,
      tools,
      instructions: 'You are the Northwind Outfitters assistant.',
      prompt: 'Can you recommend a lasagne recipe?',
    });
    const types: string[] = [];
    for await (const part of result.fullStream) types.push(part.type);

    expect(types).toEqual(
      expect.arrayContaining(['tool-input-start', 'tool-input-delta', 'tool-input-end', 'tool-call']),
    );
    expect(await result.finishReason).toBe('tool-calls');
    const [call] = await result.toolCalls;
    expect(call).toMatchObject({ toolName: 'escalate_to_human', toolCallId: 'call_fake_1', input });

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer test');
    expect(request?.body).toMatchObject({
      model: 'local-model',
      stream: true,
      messages: [
        { role: 'system', content: 'You are the Northwind Outfitters assistant.' },
        { role: 'user', content: 'Can you recommend a lasagne recipe?' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'escalate_to_human',
            description: 'Hand the conversation to a person',
            parameters: expect.objectContaining({ type: 'object', required: ['reason', 'summary', 'urgency'] }),
          },
        },
      ],
    });
  });

  it('streams text and logprob-based confidence from the server, with a placeholder key for a keyless local server', async () => {
    const server = await startFake([
      { type: 'text', text: 'Standard delivery takes 2-4 business days.', logprob: Math.log(0.8) },
    ]);
    const { model } = resolveModel({ OPENAI_BASE_URL: server.url });

    const result = streamText({
      model,
      prompt: 'How long does delivery take?',
      providerOptions: { openai: { logprobs: true } },
    });
    expect(await result.text).toBe('Standard delivery takes 2-4 business days.');
    expect(confidenceFromProviderMetadata(await result.providerMetadata)).toBeCloseTo(0.8, 10);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer not-needed');
    expect(server.requests[0]?.body).toMatchObject({ model: 'gpt-4o-mini', logprobs: true });
  });

  it('works without streaming and surfaces server errors', async () => {
    const server = await startFake([
      { type: 'text', text: 'Hello from the fake server.' },
      { type: 'error', status: 400, message: 'model not found' },
    ]);
    const { model } = resolveModel({ OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'test' });

    const answer = await generateText({ model, prompt: 'Hi' });
    expect(answer.text).toBe('Hello from the fake server.');
    expect(server.requests[0]?.body.stream).toBeUndefined();

    await expect(generateText({ model, prompt: 'Hi again', maxRetries: 0 })).rejects.toThrow('model not found');
    expect(server.requests).toHaveLength(2);
  });
});
