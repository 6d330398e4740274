import type { Attributes, AttributeValue, HrTime } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** An OTLP `AnyValue` in its JSON form. */
export type OtlpAnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: number }
  | { doubleValue: number }
  | { arrayValue: { values: OtlpAnyValue[] } }
  | Record<string, never>;

/** An OTLP `KeyValue` in its JSON form. */
export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

/** One span of an OTLP/JSON `ExportTraceServiceRequest`: ids in hex, times as nanosecond strings. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  traceState?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: number;
  events: Array<{ name: string; timeUnixNano: string; attributes: OtlpKeyValue[]; droppedAttributesCount: number }>;
  droppedEventsCount: number;
  status: { code: number; message?: string };
  links: Array<{
    traceId: string;
    spanId: string;
    traceState?: string;
    attributes: OtlpKeyValue[];
    droppedAttributesCount: number;
    flags: number;
  }>;
  droppedLinksCount: number;
  flags: number;
}

/** The body of `POST /v1/traces` in OTLP/JSON. */
export interface OtlpTraceRequest {
  resourceSpans: Array<{
    resource: { attributes: OtlpKeyValue[]; droppedAttributesCount: number; schemaUrl?: string };
    scopeSpans: Array<{ scope: { name: string; version?: string }; spans: OtlpSpan[]; schemaUrl?: string }>;
    schemaUrl?: string;
  }>;
}

const HAS_IS_REMOTE = 0x100;
const IS_REMOTE = 0x200;
const NANOS_PER_SECOND = 1_000_000_000n;

function nanos(time: HrTime): string {
  return (BigInt(Math.trunc(time[0])) * NANOS_PER_SECOND + BigInt(Math.trunc(time[1]))).toString();
}

function flags(traceFlags: number, isRemote: boolean | undefined): number {
  return (traceFlags & 0xff) | HAS_IS_REMOTE | (isRemote ? IS_REMOTE : 0);
}

function anyValue(value: AttributeValue | null | undefined): OtlpAnyValue {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { intValue: value } : { doubleValue: value };
  if (Array.isArray(value)) return { arrayValue: { values: value.map((item) => anyValue(item)) } };
  return {};
}

function keyValues(attributes: Attributes | undefined): OtlpKeyValue[] {
  if (!attributes) return [];
  return Object.keys(attributes).map((key) => ({ key, value: anyValue(attributes[key]) }));
}

function encodeSpan(span: ReadableSpan): OtlpSpan {
  const context = span.spanContext();
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId || undefined,
    traceState: context.traceState?.serialize(),
    name: span.name,
    // OTLP's SpanKind is the API's plus one: 0 means unspecified.
    kind: span.kind + 1,
    startTimeUnixNano: nanos(span.startTime),
    endTimeUnixNano: nanos(span.endTime),
    attributes: keyValues(span.attributes),
    droppedAttributesCount: span.droppedAttributesCount,
    events: span.events.map((event) => ({
      attributes: keyValues(event.attributes),
      name: event.name,
      timeUnixNano: nanos(event.time),
      droppedAttributesCount: event.droppedAttributesCount ?? 0,
    })),
    droppedEventsCount: span.droppedEventsCount,
    status: { code: span.status.code, message: span.status.message },
    links: span.links.map((link) => ({
      attributes: keyValues(link.attributes),
      spanId: link.context.spanId,
      traceId: link.context.traceId,
      traceState: link.context.traceState?.serialize(),
      droppedAttributesCount: link.droppedAttributesCount ?? 0,
      flags: flags(link.context.traceFlags, link.context.isRemote),
    })),
    droppedLinksCount: span.droppedLinksCount,
    flags: flags(context.traceFlags, span.parentSpanContext?.isRemote),
  };
}

/**
 * Encodes finished spans as an OTLP/JSON `ExportTraceServiceRequest`, grouped by resource
 * and instrumentation scope, in the same shape as OpenTelemetry JS's JSON serializer
 * (hex ids, nanosecond strings). Pure; runs on Node and Workers.
 */
export function encodeOtlpJson(spans: readonly ReadableSpan[]): OtlpTraceRequest {
  const byResource = new Map<ReadableSpan['resource'], Map<string, ReadableSpan[]>>();
  for (const span of spans) {
    let byScope = byResource.get(span.resource);
    if (!byScope) {
      byScope = new Map();
      byResource.set(span.resource, byScope);
    }
    const scope = span.instrumentationScope;
    const key = `${scope.name}@${scope.version ?? ''}:${scope.schemaUrl ?? ''}`;
    const group = byScope.get(key);
    if (group) group.push(span);
    else byScope.set(key, [span]);
  }
  const resourceSpans: OtlpTraceRequest['resourceSpans'] = [];
  for (const [resource, byScope] of byResource) {
    const scopeSpans: OtlpTraceRequest['resourceSpans'][number]['scopeSpans'] = [];
    for (const group of byScope.values()) {
      const scope = group[0]!.instrumentationScope;
      scopeSpans.push({
        scope: { name: scope.name, version: scope.version },
        spans: group.map(encodeSpan),
        schemaUrl: scope.schemaUrl,
      });
    }
    const schemaUrl = resource.schemaUrl ? resource.schemaUrl : undefined;
    resourceSpans.push({
      resource: {
        attributes: keyValues(resource.attributes),
        droppedAttributesCount: 0,
        ...(schemaUrl ? { schemaUrl } : {}),
      },
      scopeSpans,
      schemaUrl,
    });
  }
  return { resourceSpans };
}
