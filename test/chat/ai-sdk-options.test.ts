import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import { hasToolCall, type PrepareStepFunction, type Telemetry, type ToolSet, tool } from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHandrailEngine, handrail } from '../../src/handrail.js';
import type { HandrailOptions } from '../../src/handrail-options.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { noopTracer, type Tracer } from '../../src/tracing/tracer.js';
import { textModel } from '../support/mock-models.js';

const usage: LanguageModelV4Usage = {
  inputTokens: { total: 5, noCache: 5, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

/** A model step that calls `toolName` (and so asks for another step). */
const toolCallStep = (toolName: string) => ({
  stream: convertArrayToReadableStream<LanguageModelV4StreamPart>([
    { type: 'stream-start', warnings: [] },
    { type: 'tool-call', toolCallId: `call-${toolName}`, toolName, input: JSON.stringify({ query: 'order 123' }) },
    { type: 'finish', usage, finishReason: { unified: 'tool-calls', raw: 'tool_calls' } },
  ]),
});

/** A model that calls the `lookup` tool on every step, so only a stop condition ends the loop. */
const loopingModel = () => new MockLanguageModelV4({ doStream: async () => toolCallStep('lookup') });

const tools = {
  lookup: tool({
    description: 'Looks an order up',
    inputSchema: z.object({ query: z.string() }),
    execute: async () => ({ status: 'shipped' }),
  }),
  create_ticket: tool({
    description: 'Opens a ticket',
    inputSchema: z.object({ query: z.string() }),
    execute: async () => ({ ticket: 'T-1' }),
  }),
} satisfies ToolSet;

async function turn(options: HandrailOptions) {
  const engine = createHandrailEngine({
    store: createMemoryStore(),
    conversationAuth: 'none',
    brief: { model: false },
    tools,
    ...options,
  });
  const response = await engine.app.request('/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      id: 'ai-sdk-options-1',
      messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Where is my order 123?' }] }],
    }),
  });
  expect(response.status).toBe(200);
  await engine.idle();
  return response.json();
}

describe('AI SDK loop options', () => {
  it('maxSteps is the step ceiling (isStepCount)', async () => {
    const model = loopingModel();
    await turn({ model, maxSteps: 3 });
    expect(model.doStreamCalls).toHaveLength(3);
  });

  it('stopWhen stops the loop on its own condition, before maxSteps', async () => {
    const model = new MockLanguageModelV4({ doStream: [toolCallStep('lookup'), toolCallStep('create_ticket')] });
    await turn({ model, maxSteps: 10, stopWhen: hasToolCall('create_ticket') });
    expect(model.doStreamCalls).toHaveLength(2);

    // An array of conditions: any one stops; maxSteps still caps the rest.
    const looping = loopingModel();
    await turn({ model: looping, maxSteps: 4, stopWhen: [hasToolCall('create_ticket'), () => false] });
    expect(looping.doStreamCalls).toHaveLength(4);
  });

  it('prepareStep is called for every step, and cannot switch escalate_to_human off', async () => {
    const model = loopingModel();
    const seen: number[] = [];
    const prepareStep: PrepareStepFunction<ToolSet> = ({ stepNumber }) => {
      seen.push(stepNumber);
      return { activeTools: ['lookup'] };
    };
    await turn({ model, maxSteps: 2, prepareStep });
    expect(seen).toEqual([0, 1]);
    const offered = model.doStreamCalls.map((call) => (call.tools ?? []).map((offeredTool) => offeredTool.name).sort());
    expect(offered).toEqual([
      ['escalate_to_human', 'lookup'],
      ['escalate_to_human', 'lookup'],
    ]);
  });

  it('prepareStep can hand a step to another model', async () => {
    const first = loopingModel();
    const second = textModel('Your order shipped yesterday.');
    const body = (await turn({
      model: first,
      maxSteps: 3,
      prepareStep: ({ stepNumber }) => (stepNumber > 0 ? { model: second } : undefined),
    })) as { messages: { parts: { type: string; text?: string }[] }[] };
    expect(first.doStreamCalls).toHaveLength(1);
    expect(second.doStreamCalls).toHaveLength(1);
    expect(JSON.stringify(body.messages.at(-1))).toContain('Your order shipped yesterday.');
  });

  it('passes the tracer’s settings as `telemetry` (not the deprecated experimental_telemetry)', async () => {
    const started: string[] = [];
    const integration: Telemetry = { onStart: (event) => void started.push(String(event.operationId)) };
    const tracer: Tracer = {
      ...noopTracer,
      startTurn: (input) => ({
        ...noopTracer.startTurn(input),
        telemetry: { isEnabled: true, functionId: 'handrail.chat', integrations: [integration] },
      }),
    };
    await turn({ model: textModel('It shipped.'), tracer });
    expect(started).toEqual(['ai.streamText']);
  });

  it('refuses malformed stopWhen and prepareStep with a readable message', () => {
    const model = textModel('unused');
    const stopWhenProblem = /stopWhen: stopWhen must be an AI SDK stop condition .* or a non-empty array of them/;
    expect(() => handrail({ model, stopWhen: 'never' as never })).toThrow(stopWhenProblem);
    expect(() => handrail({ model, stopWhen: [] })).toThrow(stopWhenProblem);
    expect(() => handrail({ model, stopWhen: [hasToolCall('x'), 3 as never] })).toThrow(stopWhenProblem);
    expect(() => handrail({ model, prepareStep: {} as never })).toThrow(/prepareStep must be a function/);
  });
});
