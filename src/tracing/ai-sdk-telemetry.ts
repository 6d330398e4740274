import { LangfuseOtelSpanAttributes } from '@langfuse/tracing';
import { type Attributes, type Tracer as OtelTracer, ROOT_CONTEXT, type Span, trace } from '@opentelemetry/api';
import type { Telemetry } from 'ai';
import { observationAttributes } from './langfuse-attributes.js';
import type { Redact } from './redact.js';

/** Options of {@link createAiSdkTelemetry}. */
export interface AiSdkTelemetryOptions {
  /** The OpenTelemetry tracer of the tracer provider the turn uses (never the global one). */
  tracer: OtelTracer;
  /** The turn's span: every operation, model call and tool call of this AI SDK call nests under it. */
  parent: Span;
  redact?: Redact;
  /** Attributes added to every span (trace-level session id, so each span carries it). */
  attributes?: Attributes;
  /** Metadata added to each generation (prompt file and hash). */
  generationMetadata?: () => Record<string, unknown>;
  /** Clock in epoch milliseconds. */
  now: () => number;
}

/** An AI SDK telemetry integration bound to one turn, with a way to close what it left open. */
export interface AiSdkTurnTelemetry {
  integration: Telemetry;
  /** Ends every span still open (an aborted stream or a turn ended mid-call). */
  endOpenSpans(level?: 'ERROR' | 'WARNING', statusMessage?: string): void;
}

const modelParameterKeys = [
  'temperature',
  'maxOutputTokens',
  'topP',
  'topK',
  'presencePenalty',
  'frequencyPenalty',
  'seed',
] as const;

function definedNumbers(values: Record<string, number | undefined>): Record<string, number> {
  const result: Record<string, number> = {};
  for (const [key, value] of Object.entries(values)) if (typeof value === 'number') result[key] = value;
  return result;
}

function modelInput(instructions: unknown, messages: unknown): unknown {
  if (instructions === undefined || instructions === null) return messages;
  return [{ role: 'system', content: instructions }, ...(Array.isArray(messages) ? messages : [messages])];
}

/**
 * An AI SDK 7 telemetry integration (`telemetry.integrations`) that records the
 * call as Langfuse observations under the turn's span: one `span` per operation
 * (`ai.streamText`), one `generation` per model call with model, parameters, input, output,
 * usage and time to first token, and one `tool` per tool execution. Parents are passed
 * explicitly, so nesting works without a global tracer provider or context manager (Workers).
 */
export function createAiSdkTelemetry(options: AiSdkTelemetryOptions): AiSdkTurnTelemetry {
  const spans = turnSpans(options);
  const endOpen: AiSdkTurnTelemetry['endOpenSpans'] = (
    level = 'WARNING',
    statusMessage = 'not finished when the turn ended',
  ) => endOpenSpans(spans, level, statusMessage);
  const integration: Telemetry = {
    ...operationHooks(spans),
    ...generationHooks(spans),
    ...toolHooks(spans),
    onError(error) {
      endOpen('ERROR', error instanceof Error ? error.message : String(error));
    },
  };
  return { integration, endOpenSpans: endOpen };
}

/** The spans of one turn's AI SDK calls still open, by call and tool call id, and how to start one. */
interface TurnSpans {
  options: AiSdkTelemetryOptions;
  operations: Map<string, Span>;
  generations: Map<string, { span: Span; startedAt: number }>;
  tools: Map<string, Span>;
  /** Starts a span under `under` (the turn's span when undefined), with the attributes of every span. */
  start(name: string, under: Span | undefined, spanAttributes: Attributes, startTime: number): Span;
  /** The time of an event: its own timestamp, or now. */
  at(event: { timestamp?: number }): number;
}

function turnSpans(options: AiSdkTelemetryOptions): TurnSpans {
  const { tracer, parent, attributes = {}, now } = options;
  return {
    options,
    operations: new Map(),
    generations: new Map(),
    tools: new Map(),
    start(name, under, spanAttributes, startTime) {
      return tracer.startSpan(
        name,
        { attributes: { ...attributes, ...spanAttributes }, startTime },
        trace.setSpan(ROOT_CONTEXT, under ?? parent),
      );
    },
    at(event) {
      return typeof event.timestamp === 'number' ? event.timestamp : now();
    },
  };
}

/** One `span` per operation (`ai.streamText`), ended with its text, or as aborted. */
function operationHooks({
  options,
  operations,
  start,
  at,
}: TurnSpans): Pick<Telemetry, 'onStart' | 'onEnd' | 'onAbort'> {
  const { redact } = options;
  return {
    onStart(event) {
      const input =
        'messages' in event
          ? modelInput('instructions' in event ? event.instructions : undefined, event.messages)
          : undefined;
      const span = start(
        event.operationId,
        undefined,
        observationAttributes(
          'span',
          { input, metadata: { provider: event.provider, modelId: event.modelId, functionId: event.functionId } },
          redact,
        ),
        at(event),
      );
      operations.set(event.callId, span);
    },
    onEnd(event) {
      const span = operations.get(event.callId);
      if (!span) return;
      operations.delete(event.callId);
      const text = 'text' in event && typeof event.text === 'string' ? event.text : undefined;
      span.setAttributes(observationAttributes('span', { output: text }, redact));
      span.end(at(event));
    },
    onAbort(event) {
      const span = operations.get(event.callId);
      if (!span) return;
      operations.delete(event.callId);
      span.setAttributes(observationAttributes('span', { level: 'WARNING', statusMessage: 'aborted' }, redact));
      span.end(at(event));
    },
  };
}

/** One `generation` per model call: model, parameters, input, output, usage and time to first token. */
function generationHooks({
  options,
  operations,
  generations,
  start,
  at,
}: TurnSpans): Pick<Telemetry, 'onLanguageModelCallStart' | 'onLanguageModelCallEnd'> {
  const { redact } = options;
  return {
    onLanguageModelCallStart(event) {
      const startedAt = at(event);
      const span = start(
        'ai.languageModelCall',
        operations.get(event.callId),
        observationAttributes(
          'generation',
          {
            model: event.modelId,
            modelParameters: definedNumbers(Object.fromEntries(modelParameterKeys.map((key) => [key, event[key]]))),
            input: modelInput(event.instructions, event.messages),
            metadata: { provider: event.provider, ...options.generationMetadata?.() },
          },
          redact,
        ),
        startedAt,
      );
      generations.set(event.callId, { span, startedAt });
    },
    onLanguageModelCallEnd(event) {
      const generation = generations.get(event.callId);
      if (!generation) return;
      generations.delete(event.callId);
      const firstOutputMs = event.performance.timeToFirstOutputMs;
      generation.span.setAttributes(
        observationAttributes(
          'generation',
          {
            model: event.modelId,
            output: event.content,
            usageDetails: definedNumbers({
              input: event.usage.inputTokens,
              output: event.usage.outputTokens,
              total: event.usage.totalTokens,
            }),
            ...(typeof firstOutputMs === 'number'
              ? { completionStartTime: new Date(generation.startedAt + firstOutputMs) }
              : {}),
            metadata: { finishReason: event.finishReason, responseId: event.responseId },
          },
          redact,
        ),
      );
      generation.span.end(at(event));
    },
  };
}

/** One `tool` per tool execution, under its operation, ended with its output or error. */
function toolHooks({
  options,
  operations,
  tools,
  start,
  at,
}: TurnSpans): Pick<Telemetry, 'onToolExecutionStart' | 'onToolExecutionEnd'> {
  const { redact } = options;
  return {
    onToolExecutionStart(event) {
      const span = start(
        `tool.${event.toolCall.toolName}`,
        operations.get(event.callId),
        observationAttributes('tool', { input: event.toolCall.input }, redact),
        at(event),
      );
      tools.set(event.toolCall.toolCallId, span);
    },
    onToolExecutionEnd(event) {
      const span = tools.get(event.toolCall.toolCallId);
      if (!span) return;
      tools.delete(event.toolCall.toolCallId);
      const output = event.toolOutput;
      span.setAttributes(
        output.type === 'tool-error'
          ? observationAttributes('tool', { level: 'ERROR', statusMessage: String(output.error) }, redact)
          : observationAttributes('tool', { output: output.output }, redact),
      );
      span.end(at(event));
    },
  };
}

/** Ends every span still open, tools first, with `level` and `statusMessage`. */
function endOpenSpans(
  { options, operations, generations, tools }: TurnSpans,
  level: 'ERROR' | 'WARNING',
  statusMessage: string,
): void {
  const open = [...tools.values(), ...[...generations.values()].map((g) => g.span), ...operations.values()];
  tools.clear();
  generations.clear();
  operations.clear();
  const { now } = options;
  const time = now();
  for (const span of open) {
    span.setAttributes({
      [LangfuseOtelSpanAttributes.OBSERVATION_LEVEL]: level,
      [LangfuseOtelSpanAttributes.OBSERVATION_STATUS_MESSAGE]: statusMessage,
    });
    span.end(time);
  }
}
