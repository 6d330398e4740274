import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/**
 * Encodes finished spans as the UTF-8 bytes of an OTLP/JSON `ExportTraceServiceRequest`
 * (`POST /v1/traces`), with OpenTelemetry JS's own serializer from
 * `@opentelemetry/otlp-transformer`: hex ids, nanosecond strings, spans grouped by resource and
 * instrumentation scope. Pure (no I/O); runs on Node and Workers.
 */
export function encodeOtlpJson(spans: readonly ReadableSpan[]): Uint8Array<ArrayBuffer> {
  const bytes = JsonTraceSerializer.serializeRequest([...spans]);
  if (!bytes) throw new Error('the OTLP/JSON serializer returned no request body');
  // A copy on a plain ArrayBuffer: `fetch` takes it as a body on every runtime and in every lib.
  return new Uint8Array(bytes);
}
