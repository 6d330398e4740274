import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
// The reference serializer ships with @opentelemetry/exporter-trace-otlp-http (a transitive
// dependency): used here only to check that our encoder produces the same request.
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { encodeOtlpJson } from '../../src/tracing/otlp-json.js';

function recordSpans() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer('langfuse-sdk', '1.2.3');
  const other = provider.getTracer('other-scope');
  const root = tracer.startSpan('chat-turn', {
    startTime: 1_700_000_000_123,
    attributes: { 'session.id': 'conv-1', 'langfuse.trace.tags': ['a', 'b'], count: 3, ratio: 0.5, ok: true },
  });
  const child = tracer.startSpan(
    'guard.input',
    { kind: SpanKind.INTERNAL, startTime: 1_700_000_000_200 },
    trace.setSpan(ROOT_CONTEXT, root),
  );
  child.addEvent('note', { detail: 'x' }, 1_700_000_000_210);
  child.setStatus({ code: SpanStatusCode.ERROR, message: 'broke' });
  child.end(1_700_000_000_250);
  other.startSpan('client', { kind: SpanKind.CLIENT, startTime: 1_700_000_000_300 }).end(1_700_000_000_301);
  root.end(1_700_000_000_999);
  return exporter.getFinishedSpans();
}

describe('encodeOtlpJson', () => {
  it('produces the same OTLP/JSON request as OpenTelemetry JS', () => {
    const spans = recordSpans();
    const reference = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)));
    const ours = JSON.parse(JSON.stringify(encodeOtlpJson(spans)));
    expect(ours).toEqual(reference);
  });

  it('writes hex ids, nanosecond strings, OTLP span kinds and typed attribute values', () => {
    const request = encodeOtlpJson(recordSpans());
    const scopes = request.resourceSpans[0]!.scopeSpans;
    expect(scopes.map((scope) => scope.scope.name).sort()).toEqual(['langfuse-sdk', 'other-scope']);
    const langfuse = scopes.find((scope) => scope.scope.name === 'langfuse-sdk')!;
    const root = langfuse.spans.find((span) => span.name === 'chat-turn')!;
    const child = langfuse.spans.find((span) => span.name === 'guard.input')!;
    expect(root.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(root.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(root.parentSpanId).toBeUndefined();
    expect(child.parentSpanId).toBe(root.spanId);
    expect(root.startTimeUnixNano).toBe('1700000000123000000');
    expect(child.kind).toBe(1);
    expect(child.status).toEqual({ code: 2, message: 'broke' });
    expect(child.events[0]).toMatchObject({ name: 'note', timeUnixNano: '1700000000210000000' });
    expect(root.attributes).toEqual([
      { key: 'session.id', value: { stringValue: 'conv-1' } },
      { key: 'langfuse.trace.tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { stringValue: 'b' }] } } },
      { key: 'count', value: { intValue: 3 } },
      { key: 'ratio', value: { doubleValue: 0.5 } },
      { key: 'ok', value: { boolValue: true } },
    ]);
  });
});
