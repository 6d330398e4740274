import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { isStepCount, streamText, tool } from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { GuardDecision, Signal } from '../../src/guard/types.js';
import { redactValue } from '../../src/notify/redact.js';
import type { HandoffRecord } from '../../src/store/store.js';
import { createLangfuseTracer } from '../../src/tracing/langfuse-tracer.js';
import {
  decodeOtlpJson,
  type FakeLangfuseServer,
  type ReceivedSpan,
  startFakeLangfuseServer,
} from '../support/fake-langfuse-server.js';

const usage = {
  inputTokens: { total: 12, noCache: 12, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 7, text: 7, reasoning: undefined },
};

function textStream(text: string): { stream: ReadableStream<LanguageModelV4StreamPart> } {
  return {
    stream: convertArrayToReadableStream<LanguageModelV4StreamPart>([
      { type: 'stream-start', warnings: [] },
      { type: 'response-metadata', id: 'response-1', modelId: 'mock-model-id' },
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: text },
      { type: 'text-end', id: 't1' },
      { type: 'finish', usage, finishReason: { unified: 'stop', raw: 'stop' } },
    ]),
  };
}

function toolCallStream(): { stream: ReadableStream<LanguageModelV4StreamPart> } {
  return {
    stream: convertArrayToReadableStream<LanguageModelV4StreamPart>([
      { type: 'stream-start', warnings: [] },
      {
        type: 'tool-call',
        toolCallId: 'call-1',
        toolName: 'escalate_to_human',
        input: JSON.stringify({ reason: 'customer asked for a person, email jane.doe@example.com' }),
      },
      { type: 'finish', usage, finishReason: { unified: 'tool-calls', raw: 'tool_calls' } },
    ]),
  };
}

const quietSignal: Signal = {
  reason: 'negative_sentiment',
  score: 0.1,
  detector: 'sentiment',
  evidence: [],
  detail: 'neutral tone',
};

const answeredDecision: GuardDecision = { escalate: false, reasons: [], urgency: 'normal', signals: [quietSignal] };

const explicitSignal: Signal = {
  reason: 'explicit_request',
  score: 0.97,
  detector: 'explicit-request',
  evidence: [{ turn: 0, text: 'talk to a human, mail me at jane.doe@example.com' }],
  detail: 'asked for a person',
  urgency: 'high',
};

const escalatedDecision: GuardDecision = {
  escalate: true,
  reasons: [explicitSignal],
  urgency: 'high',
  signals: [explicitSignal, quietSignal],
};

const handoffRecord: HandoffRecord = {
  id: 'handoff-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  reasons: [
    {
      reason: 'explicit_request',
      source: 'guard',
      detail: 'asked for a person',
      score: 0.97,
      evidence: [{ turn: 0, text: 'talk to a human' }],
    },
  ],
  urgency: 'high',
  team: 'billing',
  etaSeconds: 120,
  brief: { summary: 'Refund request from jane.doe@example.com', intent: 'refund', sentiment: 'frustrated' },
};

function attribute(span: ReceivedSpan, key: string): unknown {
  return span.attributes[key];
}

function json(span: ReceivedSpan, key: string): unknown {
  const value = span.attributes[key];
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function byName(spans: ReceivedSpan[], name: string): ReceivedSpan {
  const span = spans.find((candidate) => candidate.name === name);
  if (!span) throw new Error(`no span named ${name} among ${spans.map((s) => s.name).join(', ')}`);
  return span;
}

/** True when `span` descends from `ancestor` through the parent ids of `spans`. */
function descendsFrom(spans: ReceivedSpan[], span: ReceivedSpan, ancestor: ReceivedSpan): boolean {
  let current: ReceivedSpan | undefined = span;
  while (current?.parentSpanId) {
    if (current.parentSpanId === ancestor.spanId) return true;
    const parentId: string = current.parentSpanId;
    current = spans.find((candidate) => candidate.spanId === parentId);
  }
  return false;
}

describe('createLangfuseTracer', () => {
  let server: FakeLangfuseServer;

  beforeEach(async () => {
    server = await startFakeLangfuseServer();
  });

  afterEach(async () => {
    await server.close();
  });

  function makeTracer(extra: Parameters<typeof createLangfuseTracer>[0] extends infer O ? Partial<O> : never = {}) {
    return createLangfuseTracer({
      publicKey: server.publicKey,
      secretKey: server.secretKey,
      baseUrl: server.baseUrl,
      environment: 'test',
      release: 'abc123',
      ...extra,
    });
  }

  it('records a handled turn: one trace, the session, guard spans, the generation nested under the turn, scores', async () => {
    const tracer = makeTracer();
    const turn = tracer.startTurn({ conversationId: 'conv-1', userText: 'Where is my order 1234?', turnIndex: 0 });
    turn.prompt({ name: 'system', file: 'prompts/system.md', hash: 'sha256:feedface' });
    turn.guard('input', answeredDecision, 3);

    const model = new MockLanguageModelV4({ doStream: textStream('It ships tomorrow.') });
    const result = streamText({
      model,
      messages: [{ role: 'user', content: 'Where is my order 1234?' }],
      temperature: 0.2,
      experimental_telemetry: turn.telemetry,
    });
    const text = await result.text;
    expect(text).toBe('It ships tomorrow.');

    turn.guard('output', answeredDecision, 2);
    turn.end({ outcome: 'answered', output: text });
    expect(server.requests).toHaveLength(0); // batched: nothing leaves before flush
    await tracer.flush();

    const otlpRequests = server.requests.filter((request) => request.path === '/api/public/otel/v1/traces');
    expect(otlpRequests.length).toBeGreaterThan(0);
    for (const request of otlpRequests) {
      expect(request.authorized).toBe(true);
      expect(request.contentType).toBe('application/json');
    }

    const spans = server.spans();
    expect(new Set(spans.map((span) => span.traceId)).size).toBe(1);
    const root = byName(spans, 'chat-turn');
    expect(root.parentSpanId).toBeUndefined();
    expect(root.scope).toBe('langfuse-sdk');
    expect(attribute(root, 'langfuse.trace.name')).toBe('chat-turn');
    expect(attribute(root, 'session.id')).toBe('conv-1');
    expect(attribute(root, 'langfuse.trace.input')).toBe('Where is my order 1234?');
    expect(attribute(root, 'langfuse.trace.output')).toBe('It ships tomorrow.');
    expect(attribute(root, 'langfuse.environment')).toBe('test');
    expect(attribute(root, 'langfuse.release')).toBe('abc123');
    expect(json(root, 'langfuse.trace.metadata.prompts')).toEqual([
      { name: 'system', file: 'prompts/system.md', hash: 'sha256:feedface' },
    ]);
    expect(attribute(root, 'langfuse.trace.metadata.outcome')).toBe('answered');

    const guardInput = byName(spans, 'guard.input');
    expect(guardInput.parentSpanId).toBe(root.spanId);
    expect(attribute(guardInput, 'langfuse.observation.type')).toBe('guardrail');
    expect(json(guardInput, 'langfuse.observation.output')).toMatchObject({
      decision: { escalate: false, urgency: 'normal', reasons: [] },
      detectors: { sentiment: [{ reason: 'negative_sentiment', score: 0.1, fired: false, evidence: [] }] },
    });
    const guardDuration = BigInt(guardInput.endTimeUnixNano) - BigInt(guardInput.startTimeUnixNano);
    expect(guardDuration).toBe(3_000_000n);
    expect(byName(spans, 'guard.output').parentSpanId).toBe(root.spanId);

    const generation = spans.find((span) => attribute(span, 'langfuse.observation.type') === 'generation');
    expect(generation).toBeDefined();
    expect(descendsFrom(spans, generation!, root)).toBe(true);
    expect(attribute(generation!, 'langfuse.observation.model.name')).toBe('mock-model-id');
    expect(json(generation!, 'langfuse.observation.model.parameters')).toEqual({ temperature: 0.2 });
    expect(json(generation!, 'langfuse.observation.usage_details')).toEqual({ input: 12, output: 7, total: 19 });
    expect(json(generation!, 'langfuse.observation.input')).toEqual([
      { role: 'user', content: 'Where is my order 1234?' },
    ]);
    expect(JSON.stringify(json(generation!, 'langfuse.observation.output'))).toContain('It ships tomorrow.');
    expect(json(generation!, 'langfuse.observation.metadata.prompts')).toEqual([
      { name: 'system', file: 'prompts/system.md', hash: 'sha256:feedface' },
    ]);
    expect(attribute(generation!, 'session.id')).toBe('conv-1');

    expect(server.scores()).toEqual([
      expect.objectContaining({
        traceId: root.traceId,
        name: 'escalated',
        value: 0,
        dataType: 'BOOLEAN',
        environment: 'test',
        metadata: { conversationId: 'conv-1', turnIndex: 0 },
      }),
    ]);
    // Scores go to the public scores API, one per request, with the trace as their only target.
    const scoreRequests = server.requests.filter((request) => request.path === '/api/public/scores');
    expect(scoreRequests).toHaveLength(1);
    expect(scoreRequests[0]).toMatchObject({ method: 'POST', contentType: 'application/json', authorized: true });
    expect(scoreRequests[0]?.body).not.toHaveProperty('sessionId');
    expect(server.requests.some((request) => request.path === '/api/public/ingestion')).toBe(false);
  });

  it('records an escalated turn: handoff event with the brief, tags, escalation scores, tool span, PII masked', async () => {
    const tracer = makeTracer({ redact: redactValue });
    const userText = 'I want a human now. My email is jane.doe@example.com';
    const turn = tracer.startTurn({ conversationId: 'conv-2', userText, turnIndex: 3 });
    turn.guard('input', escalatedDecision, 1);

    const model = new MockLanguageModelV4({ doStream: [toolCallStream(), textStream('A person will take over.')] });
    const result = streamText({
      model,
      messages: [{ role: 'user', content: userText }],
      tools: {
        escalate_to_human: tool({
          description: 'Hand the conversation to a person',
          inputSchema: z.object({ reason: z.string() }),
          execute: async () => ({ queued: true }),
        }),
      },
      stopWhen: isStepCount(2),
      experimental_telemetry: turn.telemetry,
    });
    await result.consumeStream();

    turn.handoff(handoffRecord);
    turn.end({ outcome: 'escalated', output: 'A person will take over. We will write to jane.doe@example.com' });
    await tracer.flush();

    const everything = JSON.stringify(server.requests.map((request) => request.body));
    expect(everything).not.toContain('jane.doe@example.com');
    expect(everything).toContain('[email]');

    const spans = server.spans();
    const root = byName(spans, 'chat-turn');
    expect(attribute(root, 'session.id')).toBe('conv-2');
    expect(attribute(root, 'langfuse.trace.input')).toBe('I want a human now. My email is [email]');
    expect(attribute(root, 'langfuse.trace.tags')).toEqual(
      expect.arrayContaining(['escalated', 'reason:explicit_request', 'urgency:high', 'team:billing']),
    );
    expect(json(root, 'langfuse.trace.metadata.brief')).toEqual({
      summary: 'Refund request from [email]',
      intent: 'refund',
      sentiment: 'frustrated',
    });

    const guardInput = byName(spans, 'guard.input');
    expect(attribute(guardInput, 'langfuse.observation.level')).toBe('WARNING');
    expect(json(guardInput, 'langfuse.observation.output')).toMatchObject({
      decision: { escalate: true, urgency: 'high', reasons: [{ reason: 'explicit_request', score: 0.97 }] },
      detectors: {
        'explicit-request': [
          { fired: true, evidence: [{ turn: 0, text: 'talk to a human, mail me at [email]' }], urgency: 'high' },
        ],
        sentiment: [{ fired: false }],
      },
    });

    const handoff = byName(spans, 'handoff');
    expect(handoff.parentSpanId).toBe(root.spanId);
    expect(attribute(handoff, 'langfuse.observation.type')).toBe('event');
    expect(json(handoff, 'langfuse.observation.input')).toMatchObject({
      reasons: [{ reason: 'explicit_request', source: 'guard' }],
      urgency: 'high',
      team: 'billing',
    });
    expect(json(handoff, 'langfuse.observation.output')).toEqual({
      brief: { summary: 'Refund request from [email]', intent: 'refund', sentiment: 'frustrated' },
    });
    expect(attribute(handoff, 'langfuse.observation.metadata.team')).toBe('billing');

    const toolSpan = byName(spans, 'tool.escalate_to_human');
    expect(attribute(toolSpan, 'langfuse.observation.type')).toBe('tool');
    expect(descendsFrom(spans, toolSpan, root)).toBe(true);
    expect(json(toolSpan, 'langfuse.observation.input')).toEqual({
      reason: 'customer asked for a person, email [email]',
    });
    expect(json(toolSpan, 'langfuse.observation.output')).toEqual({ queued: true });
    const generations = spans.filter((span) => attribute(span, 'langfuse.observation.type') === 'generation');
    expect(generations).toHaveLength(2);
    const operation = byName(spans, 'ai.streamText');
    expect(operation.parentSpanId).toBe(root.spanId);
    expect(generations.map((span) => span.parentSpanId)).toEqual([operation.spanId, operation.spanId]);
    expect(toolSpan.parentSpanId).toBe(operation.spanId);

    const scores = server.scores();
    expect(scores).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ traceId: root.traceId, name: 'escalated', value: 1, dataType: 'BOOLEAN' }),
        expect.objectContaining({
          traceId: root.traceId,
          name: 'escalation_reason',
          value: 'explicit_request',
          dataType: 'CATEGORICAL',
        }),
      ]),
    );
    expect(scores).toHaveLength(2);
    const scoreRequests = server.requests.filter((request) => request.path === '/api/public/scores');
    expect(scoreRequests.map((request) => (request.body as { name: string }).name).sort()).toEqual([
      'escalated',
      'escalation_reason',
    ]);
  });

  it('drops a score Langfuse rejects without failing the flush or the other scores', async () => {
    const tracer = makeTracer();
    server.failNext('/api/public/scores', 500);
    const turn = tracer.startTurn({ conversationId: 'conv-6', userText: 'help', turnIndex: 0 });
    turn.guard('input', escalatedDecision, 1);
    turn.end({ outcome: 'escalated' });
    await expect(tracer.flush()).resolves.toBeUndefined();
    const scoreRequests = server.requests.filter((request) => request.path === '/api/public/scores');
    expect(scoreRequests).toHaveLength(2);
    expect(server.scores()).toHaveLength(1);
    expect(server.spans().some((span) => span.name === 'chat-turn')).toBe(true);
  });

  it('gives each turn its own trace, grouped by the conversation as the session', async () => {
    const tracer = makeTracer({ exportMode: 'immediate' });
    for (const turnIndex of [0, 1]) {
      const turn = tracer.startTurn({ conversationId: 'conv-3', userText: `message ${turnIndex}`, turnIndex });
      turn.guard('input', answeredDecision, 1);
      turn.end({ outcome: 'answered', output: 'ok' });
    }
    await tracer.flush();
    const roots = server.spans().filter((span) => span.name === 'chat-turn');
    expect(roots).toHaveLength(2);
    expect(new Set(roots.map((span) => span.traceId)).size).toBe(2);
    expect(roots.map((span) => span.attributes['session.id'])).toEqual(['conv-3', 'conv-3']);
    expect(
      server
        .scores()
        .map((score) => score.traceId)
        .sort(),
    ).toEqual(roots.map((span) => span.traceId).sort());
  });

  it('never throws into the chat: a failing redact drops the value, a rejected export resolves flush', async () => {
    const tracer = createLangfuseTracer({
      publicKey: server.publicKey,
      secretKey: 'wrong-secret',
      baseUrl: server.baseUrl,
      redact: () => {
        throw new Error('redactor broke');
      },
    });
    const turn = tracer.startTurn({ conversationId: 'conv-4', userText: 'secret stuff', turnIndex: 0 });
    expect(() => turn.guard('input', null as unknown as GuardDecision, 1)).not.toThrow();
    expect(() => turn.handoff({} as HandoffRecord)).not.toThrow();
    turn.end({ outcome: 'error' });
    turn.end({ outcome: 'answered' }); // a second end is ignored
    await expect(tracer.flush()).resolves.toBeUndefined();

    const rejected = server.requests.filter((request) => request.path === '/api/public/otel/v1/traces');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((request) => !request.authorized)).toBe(true);
    expect(JSON.stringify(rejected.map((request) => request.body))).not.toContain('secret stuff');
    const root = rejected.flatMap((request) => decodeOtlpJson(request.body)).find((span) => span.name === 'chat-turn');
    expect(root?.attributes['langfuse.trace.input']).toBe('<redaction failed>');
    expect(root?.attributes['langfuse.observation.level']).toBe('ERROR');
  });

  it('stops recording after shutdown', async () => {
    const tracer = makeTracer();
    await tracer.shutdown();
    const turn = tracer.startTurn({ conversationId: 'conv-5', userText: 'hello', turnIndex: 0 });
    turn.end({ outcome: 'answered' });
    await tracer.flush();
    expect(server.requests).toHaveLength(0);
  });
});
