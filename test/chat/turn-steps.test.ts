import type { UIMessageChunk } from 'ai';
import { describe, expect, it } from 'vitest';
import type { ChatTurnContext } from '../../src/chat/chat-turn-context.js';
import { commitTurnStep } from '../../src/chat/commit-turn-step.js';
import type { HandrailUIMessage } from '../../src/chat/conversation.js';
import { inputGuardStep } from '../../src/chat/input-guard-step.js';
import { modelStep } from '../../src/chat/model-step.js';
import { outputGuardStep } from '../../src/chat/output-guard-step.js';
import { isWithPeople, peopleStep } from '../../src/chat/people-step.js';
import { toTranscript } from '../../src/chat/transcript.js';
import { createGuard } from '../../src/guard/index.js';
import type { GuardDecision, Signal } from '../../src/guard/types.js';
import { createHandoffService } from '../../src/handoff/create-handoff-service.js';
import { silentLogger } from '../../src/logger.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { StoredConversation } from '../../src/store/store.js';
import { noopTracer } from '../../src/tracing/tracer.js';
import { hangingModel, textModel, throwingModel, toolCallModel } from '../support/mock-models.js';

const at = new Date('2026-03-02T10:00:00.000Z');

function user(id: string, text: string): HandrailUIMessage {
  return { id, role: 'user', parts: [{ type: 'text', text }], metadata: { createdAt: at.toISOString() } };
}

function conversationOf(text: string): StoredConversation {
  const iso = at.toISOString();
  return {
    id: 'c1',
    version: 0,
    state: 'bot',
    createdAt: iso,
    updatedAt: iso,
    messages: [user('u1', text)],
    handoff: null,
  };
}

function contextWith(model: ChatTurnContext['model'], overrides: Partial<ChatTurnContext> = {}): ChatTurnContext {
  const store = createMemoryStore();
  let ids = 0;
  const generateId = () => `id-${ids++}`;
  const clock = () => at;
  const handoffs = createHandoffService({
    store,
    clock,
    logger: silentLogger,
    generateId,
    teams: [],
    outbox: null,
    briefWriter: null,
    preHandoffQuestions: [],
    defaultHandlingSeconds: 300,
    waitUntil: () => {},
  });
  return {
    model,
    system: 'You help customers.',
    tools: {},
    maxSteps: 3,
    store,
    clock,
    logger: silentLogger,
    tracer: noopTracer,
    guard: createGuard(),
    holdOutput: true,
    modelTimeoutMs: 2000,
    handoffs,
    generateId,
    ...overrides,
  };
}

/** A trace that records the guard phases it is told about. */
function recordingTrace() {
  const phases: Array<{ phase: string; decision: GuardDecision }> = [];
  return { phases, guard: (phase: string, decision: GuardDecision) => phases.push({ phase, decision }) };
}

describe('input guard step', () => {
  it('escalates an explicit request for a person before any model call, and traces the phase', () => {
    const trace = recordingTrace();
    const transcript = toTranscript(conversationOf('I want to talk to a human agent now').messages);
    const { decision } = inputGuardStep(contextWith(textModel('unused')), 'c1', transcript, trace);
    expect(decision.escalate).toBe(true);
    expect(decision.reasons.map((signal) => signal.reason)).toContain('explicit_request');
    expect(trace.phases.map((entry) => entry.phase)).toEqual(['input']);
  });

  it('lets an ordinary question through', () => {
    const transcript = toTranscript(conversationOf('What are your opening hours?').messages);
    expect(inputGuardStep(contextWith(textModel('unused')), 'c1', transcript, recordingTrace()).decision.escalate).toBe(
      false,
    );
  });
});

describe('model step', () => {
  const transcript = toTranscript(conversationOf('What are your opening hours?').messages);

  it('holds the answer for the output guard (holdOutput), with its text and provider metadata', async () => {
    const written: UIMessageChunk[] = [];
    const { outcome } = await modelStep(contextWith(textModel('We open at nine.')), transcript, {}, (chunk) =>
      written.push(chunk),
    );
    expect(outcome.kind).toBe('answered');
    if (outcome.kind !== 'answered') return;
    expect(outcome.text).toBe('We open at nine.');
    expect(outcome.providerMetadata).toEqual({ handrail: { confidence: 0.9 } });
    expect(written).toEqual([]);
    expect(outcome.held.some((chunk) => chunk.type === 'text-delta')).toBe(true);
  });

  it('streams the answer as it comes without holdOutput', async () => {
    const written: UIMessageChunk[] = [];
    const context = contextWith(textModel('We open at nine.'), { holdOutput: false });
    const { outcome } = await modelStep(context, transcript, {}, (chunk) => written.push(chunk));
    expect(outcome.kind === 'answered' && outcome.held).toEqual([]);
    expect(written.some((chunk) => chunk.type === 'text-delta')).toBe(true);
  });

  it('reports a call of escalate_to_human with its reason and urgency', async () => {
    const model = toolCallModel({ reason: 'high_stakes', summary: 'Refund dispute.', urgency: 'high' });
    const { outcome } = await modelStep(contextWith(model), transcript, {}, () => {});
    expect(outcome.kind).toBe('escalated');
    if (outcome.kind !== 'escalated') return;
    expect(outcome.escalation).toEqual({
      reason: { reason: 'high_stakes', source: 'model', detail: 'Refund dispute.' },
      urgency: 'high',
    });
  });

  it('fails with a safe detail when the provider fails, and when it does not answer in time', async () => {
    const failed = await modelStep(contextWith(throwingModel('secret key sk-123 rejected')), transcript, {}, () => {});
    expect(failed.outcome).toMatchObject({ kind: 'failed', detail: 'The model failed (Error).' });
    const started = Date.now();
    const late = await modelStep(contextWith(hangingModel(), { modelTimeoutMs: 50 }), transcript, {}, () => {});
    expect(late.outcome).toMatchObject({ kind: 'failed', detail: 'The model did not answer within 50 ms.' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fails on an answer without any text', async () => {
    const { outcome } = await modelStep(contextWith(textModel('   ')), transcript, {}, () => {});
    expect(outcome.kind).toBe('failed');
  });

  it('runs the classifier beside the model and hands over its signals', async () => {
    const signal: Signal = {
      reason: 'high_stakes',
      score: 0.9,
      detector: 'classifier',
      evidence: [],
      detail: 'classifier',
    };
    const context = contextWith(textModel('Fine.'), { classifier: async () => [signal] });
    const { besideSignals } = await modelStep(context, transcript, {}, () => {});
    expect(await besideSignals).toEqual([signal]);
  });
});

describe('output guard step', () => {
  const transcript = toTranscript(conversationOf('What are your opening hours?').messages);

  it('passes a confident answer and gives the metadata it is stored with', () => {
    const trace = recordingTrace();
    const answer = { text: 'We open at nine.', providerMetadata: { handrail: { confidence: 0.9, citation: 'kb-7' } } };
    const result = outputGuardStep(contextWith(textModel('')), 'c1', transcript, answer, [], trace);
    expect(result.decision.escalate).toBe(false);
    expect(result.metadata).toEqual({
      author: 'bot',
      createdAt: at.toISOString(),
      confidence: 0.9,
      citation: 'kb-7',
    });
    expect(trace.phases.map((entry) => entry.phase)).toEqual(['output']);
  });

  it('holds an answer the model is not confident in', () => {
    const answer = { text: 'Maybe at nine?', providerMetadata: { handrail: { confidence: 0.1 } } };
    const result = outputGuardStep(contextWith(textModel('')), 'c1', transcript, answer, [], recordingTrace());
    expect(result.decision.escalate).toBe(true);
    expect(result.decision.reasons.map((signal) => signal.reason)).toContain('low_confidence');
  });
});

describe('commit step', () => {
  it('appends the streamed chunks as one assistant message', async () => {
    const context = contextWith(textModel(''));
    await context.store.putConversation(conversationOf('Hello'), null);
    const chunks: UIMessageChunk[] = [
      { type: 'start', messageId: 'm1' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Hi there.' },
      { type: 'text-end', id: 't' },
    ];
    const { conversation, message } = await commitTurnStep(context, 'c1', chunks, 'm1', { author: 'bot' });
    expect(message).toMatchObject({ id: 'm1', role: 'assistant', parts: [{ type: 'text', text: 'Hi there.' }] });
    expect(conversation.messages.map((stored) => stored.id)).toEqual(['u1', 'm1']);
    expect(conversation.version).toBe(2);
  });

  it('fails when the conversation is gone', async () => {
    await expect(commitTurnStep(contextWith(textModel('')), 'missing', [], 'm1', {})).rejects.toThrow(/disappeared/);
  });
});

describe('people step', () => {
  async function handedOff(context: ChatTurnContext) {
    await context.store.putConversation(conversationOf('I want to talk to a person'), null);
    await context.handoffs.startHandoff('c1', {
      reasons: [{ reason: 'explicit_request', source: 'guard', detail: 'asked for a person' }],
      urgency: 'normal',
    });
    return (await context.store.getConversation('c1'))!;
  }

  it('tells a waiting user they are waiting, and a crisis while waiting makes the handoff critical', async () => {
    const context = contextWith(textModel('unused'));
    const queued = await handedOff(context);
    expect(isWithPeople(queued)).toBe(true);
    const waiting = await peopleStep(context, queued, 'Any news?');
    expect(waiting.status).toBe('waiting');
    const withCrisis = { ...queued, messages: [...queued.messages, user('u2', 'I want to kill myself')] };
    const part = await peopleStep(context, withCrisis, 'I want to kill myself');
    expect(part.message.length).toBeGreaterThan(0);
    expect((await context.store.getConversation('c1'))?.handoff?.urgency).toBe('critical');
  });
});
