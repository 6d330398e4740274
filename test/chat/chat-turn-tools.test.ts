import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import { asSchema, tool } from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHandrailEngine } from '../../src/handrail.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

const usage: LanguageModelV4Usage = {
  inputTokens: { total: 5, noCache: 5, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

function stream(parts: LanguageModelV4StreamPart[]) {
  return {
    stream: convertArrayToReadableStream<LanguageModelV4StreamPart>([{ type: 'stream-start', warnings: [] }, ...parts]),
  };
}

const toolCall = () =>
  stream([
    {
      type: 'tool-call',
      toolCallId: 'call-1',
      toolName: 'lookup_balance',
      input: JSON.stringify({ account: 'checking' }),
    },
    { type: 'finish', usage, finishReason: { unified: 'tool-calls', raw: 'tool_calls' } },
  ]);
const answer = () =>
  stream([
    { type: 'text-start', id: 't1' },
    { type: 'text-delta', id: 't1', delta: 'Your checking balance is 120 EUR.' },
    { type: 'text-end', id: 't1' },
    {
      type: 'finish',
      usage,
      finishReason: { unified: 'stop', raw: 'stop' },
      providerMetadata: { handrail: { confidence: 0.9 } },
    },
  ]);

describe('chat turn with host tools', () => {
  it('sends the same JSON Schema as the AI SDK, computes it once, and validates tool input with zod', async () => {
    const inputSchema = z.object({ account: z.enum(['checking', 'savings']), currency: z.string().default('EUR') });
    const inputs: unknown[] = [];
    const model = new MockLanguageModelV4({ doStream: [toolCall(), answer(), toolCall(), answer()] });
    const engine = createHandrailEngine({
      model,
      store: createMemoryStore(),
      conversationAuth: 'none',
      brief: { model: false },
      tools: {
        lookup_balance: tool({
          description: 'Balance of one of the customer accounts',
          inputSchema,
          execute: async (input) => {
            inputs.push(input);
            return { balance: 120 };
          },
        }),
      },
    });
    for (const id of ['conversation-1', 'conversation-2']) {
      const response = await engine.app.request('/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          id,
          messages: [{ id: `${id}-m1`, role: 'user', parts: [{ type: 'text', text: 'what is my checking balance' }] }],
        }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        handoff: unknown;
        messages: { parts: { type: string; text?: string }[] }[];
      };
      expect(body.handoff).toBeNull();
      expect(body.messages.at(-1)?.parts.some((part) => part.text === 'Your checking balance is 120 EUR.')).toBe(true);
    }

    // The zod default applied: the input was validated by the tool's own schema.
    expect(inputs).toEqual([
      { account: 'checking', currency: 'EUR' },
      { account: 'checking', currency: 'EUR' },
    ]);
    const sent = model.doStreamCalls.map((call) => {
      const lookup = call.tools?.find((candidate) => 'name' in candidate && candidate.name === 'lookup_balance');
      return lookup && 'inputSchema' in lookup ? lookup.inputSchema : undefined;
    });
    expect(sent).toHaveLength(4);
    for (const schema of sent) expect(schema).toEqual(asSchema(inputSchema).jsonSchema);
    // One conversion, reused by every model call of every turn.
    expect(new Set(sent).size).toBe(1);
  });
});
