import { LangfuseOtelSpanAttributes } from '@langfuse/tracing';
import {
  type Attributes,
  type Context,
  type Tracer as OtelTracer,
  ROOT_CONTEXT,
  type Span,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { GuardDecision } from '../guard/types.js';
import type { HandoffRecord } from '../store/store.js';
import { createAiSdkTelemetry } from './ai-sdk-telemetry.js';
import { guardObservationOutput } from './guard-observation-output.js';
import { observationAttributes, traceAttributes } from './langfuse-attributes.js';
import type { LangfuseScoreClient } from './langfuse-score-client.js';
import type { Redact } from './redact.js';
import type { Tracer, TurnTrace } from './tracer.js';

/** Name of the trace (and root span) of one chat turn. */
export const chatTurnTraceName = 'chat-turn';

/** What {@link startLangfuseTurn} records with: shared by every turn of one Langfuse tracer. */
export interface LangfuseTurnContext {
  /** The tracer of the Langfuse tracer's private provider. */
  tracer: OtelTracer;
  scores: LangfuseScoreClient;
  now: () => number;
  redact?: Redact;
  environment?: string;
  /** True once the Langfuse tracer is shut down: the turn records nothing more. */
  isShutdown: () => boolean;
}

type TurnInput = Parameters<Tracer['startTurn']>[0];
type TurnOutcome = Parameters<TurnTrace['end']>[0];
type TurnPrompt = Parameters<TurnTrace['prompt']>[0];

/** The mutable state of one turn, from its root span to its end. */
interface TurnState {
  readonly input: TurnInput;
  readonly root: Span;
  readonly parentContext: Context;
  /** Trace-level attributes every span of the turn carries (the session id). */
  readonly session: Attributes;
  readonly tags: Set<string>;
  readonly prompts: TurnPrompt[];
  /** Why the turn escalated, the handoff's reasons first. */
  readonly escalationReasons: string[];
  handoffSeen: boolean;
  ended: boolean;
}

function openTurn(context: LangfuseTurnContext, input: TurnInput): TurnState {
  const { conversationId, userText, turnIndex } = input;
  const { tracer, now, redact } = context;
  const root = tracer.startSpan(
    chatTurnTraceName,
    {
      startTime: now(),
      attributes: {
        ...traceAttributes(
          {
            name: chatTurnTraceName,
            sessionId: conversationId,
            input: userText,
            metadata: { conversationId, turnIndex },
          },
          redact,
        ),
        ...observationAttributes('span', { input: userText, metadata: { turnIndex } }, redact),
      },
    },
    ROOT_CONTEXT,
  );
  return {
    input,
    root,
    parentContext: trace.setSpan(ROOT_CONTEXT, root),
    session: { [LangfuseOtelSpanAttributes.TRACE_SESSION_ID]: conversationId },
    tags: new Set(),
    prompts: [],
    escalationReasons: [],
    handoffSeen: false,
    ended: false,
  };
}

function childSpan(context: LangfuseTurnContext, state: TurnState, name: string, startTime: number): Span {
  return context.tracer.startSpan(name, { startTime, attributes: state.session }, state.parentContext);
}

function recordGuard(
  context: LangfuseTurnContext,
  state: TurnState,
  phase: 'input' | 'output',
  decision: GuardDecision,
  durationMs: number,
): void {
  const end = context.now();
  const span = childSpan(context, state, `guard.${phase}`, end - Math.max(0, durationMs));
  const metadata = {
    phase,
    escalate: decision.escalate,
    urgency: decision.urgency,
    reasons: decision.reasons.map((signal) => signal.reason),
    durationMs,
  };
  const level = decision.escalate ? 'WARNING' : 'DEFAULT';
  span.setAttributes(
    observationAttributes('guardrail', { output: guardObservationOutput(decision), level, metadata }, context.redact),
  );
  span.end(end);
  if (decision.escalate) state.escalationReasons.push(...decision.reasons.map((signal) => signal.reason));
}

function handoffTags(record: HandoffRecord): string[] {
  const tags = ['escalated', ...record.reasons.map((reason) => `reason:${reason.reason}`), `urgency:${record.urgency}`];
  if (record.team) tags.push(`team:${record.team}`);
  return tags;
}

function recordHandoff(context: LangfuseTurnContext, state: TurnState, record: HandoffRecord): void {
  const { redact } = context;
  state.handoffSeen = true;
  state.escalationReasons.unshift(...record.reasons.map((reason) => reason.reason));
  for (const tag of handoffTags(record)) state.tags.add(tag);
  const time = context.now();
  const span = childSpan(context, state, 'handoff', time);
  const metadata = {
    handoffId: record.id,
    reasons: record.reasons.map((reason) => reason.reason),
    urgency: record.urgency,
    team: record.team,
    ...(record.skills ? { skills: record.skills } : {}),
    ...(record.etaSeconds !== undefined ? { etaSeconds: record.etaSeconds } : {}),
  };
  const input = { reasons: record.reasons, urgency: record.urgency, team: record.team };
  span.setAttributes(observationAttributes('event', { input, output: { brief: record.brief }, metadata }, redact));
  span.end(time);
  state.root.setAttributes(
    traceAttributes({ tags: [...state.tags], metadata: { handoffId: record.id, brief: record.brief } }, redact),
  );
}

function recordPrompt(state: TurnState, prompt: TurnPrompt): void {
  const { prompts } = state;
  prompts.push({ name: prompt.name, file: prompt.file, hash: prompt.hash });
  state.root.setAttributes({
    ...traceAttributes({ metadata: { prompts } }, undefined),
    ...observationAttributes('span', { metadata: { prompts } }, undefined),
  });
}

/** Closes the root span with the outcome; returns whether the turn escalated. */
function closeTurn(context: LangfuseTurnContext, state: TurnState, { outcome, output }: TurnOutcome): boolean {
  const { redact } = context;
  const escalated = outcome === 'escalated' || state.handoffSeen;
  if (escalated) state.tags.add('escalated');
  const level = outcome === 'error' ? 'ERROR' : 'DEFAULT';
  state.root.setAttributes({
    ...traceAttributes({ output, tags: [...state.tags], metadata: { outcome } }, redact),
    ...observationAttributes(
      'span',
      { output, level, metadata: { turnIndex: state.input.turnIndex, outcome } },
      redact,
    ),
  });
  if (outcome === 'error') state.root.setStatus({ code: SpanStatusCode.ERROR });
  state.root.end(context.now());
  state.ended = true;
  return escalated;
}

/** Buffers the turn's `escalated` score, and `escalation_reason` when it escalated for a known reason. */
function addTurnScores(context: LangfuseTurnContext, state: TurnState, outcome: string, escalated: boolean): void {
  const traceId = state.root.spanContext().traceId;
  const { conversationId, turnIndex } = state.input;
  // A score has exactly one target in Langfuse: the trace (already in the conversation's session).
  const base = {
    traceId,
    metadata: { conversationId, turnIndex },
    ...(context.environment ? { environment: context.environment } : {}),
  };
  const value = escalated ? 1 : 0;
  context.scores.add({
    ...base,
    id: `${traceId}-escalated`,
    name: 'escalated',
    value,
    dataType: 'BOOLEAN',
    comment: outcome,
  });
  const reason = state.escalationReasons[0];
  if (!escalated || !reason) return;
  context.scores.add({
    ...base,
    id: `${traceId}-escalation_reason`,
    name: 'escalation_reason',
    value: reason,
    dataType: 'CATEGORICAL',
    comment: [...new Set(state.escalationReasons)].join(', '),
  });
}

/**
 * Starts the Langfuse trace of one chat turn: the `chat-turn` root span, then guard spans, the
 * handoff event, the prompt metadata and the AI SDK generation under it, and the escalation
 * scores at the end. Every method swallows its own errors and does nothing once the turn ended
 * or the tracer shut down: tracing never throws into the chat.
 */
export function startLangfuseTurn(context: LangfuseTurnContext, input: TurnInput): TurnTrace {
  const state = openTurn(context, input);
  const ai = createAiSdkTelemetry({
    tracer: context.tracer,
    parent: state.root,
    attributes: state.session,
    now: context.now,
    generationMetadata: () => (state.prompts.length > 0 ? { prompts: [...state.prompts] } : {}),
    ...(context.redact ? { redact: context.redact } : {}),
  });

  function safely(record: () => void): void {
    if (state.ended || context.isShutdown()) return;
    try {
      record();
    } catch {
      // Deliberately ignored: tracing never throws into the chat.
    }
  }

  return {
    telemetry: { isEnabled: true, functionId: 'handrail.chat', integrations: [ai.integration] },
    guard: (phase, decision, durationMs) => safely(() => recordGuard(context, state, phase, decision, durationMs)),
    handoff: (record) => safely(() => recordHandoff(context, state, record)),
    prompt: (prompt) => safely(() => recordPrompt(state, prompt)),
    end: (outcome) =>
      safely(() => {
        ai.endOpenSpans();
        const escalated = closeTurn(context, state, outcome);
        addTurnScores(context, state, outcome.outcome, escalated);
      }),
  };
}
