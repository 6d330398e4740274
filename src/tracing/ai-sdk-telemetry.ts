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
  const { tracer, parent, redact, attributes = {}, now } = options;
  const operations = new Map<string, Span>();
  const generations = new Map<string, { span: Span; startedAt: number }>();
  const tools = new Map<string, Span>();

  function start(name: string, under: Span | undefined, spanAttributes: Attributes, startTime: number): Span {
    return tracer.startSpan(
      name,
      { attributes: { ...attributes, ...spanAttributes }, startTime },
      trace.setSpan(ROOT_CONTEXT, under ?? parent),
    );
  }

  function at(event: { timestamp?: number }): number {
    return typeof event.timestamp === 'number' ? event.timestamp : now();
  }

  const integration: Telemetry = {
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
    onError(error) {
      result.endOpenSpans('ERROR', error instanceof Error ? error.message : String(error));
    },
  };

  const result: AiSdkTurnTelemetry = {
    integration,
    endOpenSpans(level = 'WARNING', statusMessage = 'not finished when the turn ended') {
      const open = [...tools.values(), ...[...generations.values()].map((g) => g.span), ...operations.values()];
      tools.clear();
      generations.clear();
      operations.clear();
      const time = now();
      for (const span of open) {
        span.setAttributes({
          [LangfuseOtelSpanAttributes.OBSERVATION_LEVEL]: level,
          [LangfuseOtelSpanAttributes.OBSERVATION_STATUS_MESSAGE]: statusMessage,
        });
        span.end(time);
      }
    },
  };
  return result;
}
