import {
  createObservationAttributes,
  type LangfuseObservationAttributes,
  type LangfuseObservationType,
  LangfuseOtelSpanAttributes,
} from '@langfuse/tracing';
import type { Attributes } from '@opentelemetry/api';
import { applyRedact, type Redact } from './redact.js';

function serialize(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return '<failed to serialize>';
  }
}

/**
 * Langfuse attributes of one observation, with input, output and metadata passed through
 * `redact` first (the Langfuse processor's own `mask` does not reach flattened metadata keys).
 */
export function observationAttributes(
  type: LangfuseObservationType,
  attributes: LangfuseObservationAttributes,
  redact: Redact | undefined,
): Attributes {
  const metadata = attributes.metadata
    ? (applyRedact(redact, attributes.metadata) as Record<string, unknown> | string)
    : undefined;
  return createObservationAttributes(type, {
    ...attributes,
    input: applyRedact(redact, attributes.input),
    output: applyRedact(redact, attributes.output),
    metadata: typeof metadata === 'string' ? { redacted: metadata } : metadata,
  });
}

/** Trace-level attributes (name, session, tags, input/output, metadata) set directly on a span. */
export function traceAttributes(
  trace: {
    name?: string;
    sessionId?: string;
    tags?: string[];
    input?: unknown;
    output?: unknown;
    metadata?: Record<string, unknown>;
  },
  redact: Redact | undefined,
): Attributes {
  const attributes: Attributes = {};
  if (trace.name !== undefined) attributes[LangfuseOtelSpanAttributes.TRACE_NAME] = trace.name;
  if (trace.sessionId !== undefined) attributes[LangfuseOtelSpanAttributes.TRACE_SESSION_ID] = trace.sessionId;
  if (trace.tags !== undefined) attributes[LangfuseOtelSpanAttributes.TRACE_TAGS] = trace.tags;
  const input = serialize(applyRedact(redact, trace.input));
  if (input !== undefined) attributes[LangfuseOtelSpanAttributes.TRACE_INPUT] = input;
  const output = serialize(applyRedact(redact, trace.output));
  if (output !== undefined) attributes[LangfuseOtelSpanAttributes.TRACE_OUTPUT] = output;
  for (const [key, value] of Object.entries(trace.metadata ?? {})) {
    const serialized = serialize(applyRedact(redact, value));
    if (serialized !== undefined) attributes[`${LangfuseOtelSpanAttributes.TRACE_METADATA}.${key}`] = serialized;
  }
  return attributes;
}
