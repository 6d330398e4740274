import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { encodeOtlpJson } from '../../src/tracing/otlp-json.js';
import { decodeOtlpJson } from '../support/fake-langfuse-server.js';

/** The parts of an OTLP/JSON `ExportTraceServiceRequest` these tests read. */
interface OtlpJsonRequest {
  resourceSpans: Array<{
    scopeSpans: Array<{
      scope: { name: string; version?: string };
      spans: Array<{
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        startTimeUnixNano: string;
        status: { code: number; message?: string };
        events: Array<{ name: string; timeUnixNano: string }>;
        attributes: Array<{ key: string; value: unknown }>;
      }>;
    }>;
  }>;
}

function parse(bytes: Uint8Array): OtlpJsonRequest {
  return JSON.parse(new TextDecoder().decode(bytes)) as OtlpJsonRequest;
}

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
  it('encodes UTF-8 JSON the fake collector decodes back to the recorded spans', () => {
    const spans = recordSpans();
    const decoded = decodeOtlpJson(parse(encodeOtlpJson(spans)));
    expect(decoded.map((span) => span.name).sort()).toEqual(['chat-turn', 'client', 'guard.input']);
    const root = decoded.find((span) => span.name === 'chat-turn')!;
    const child = decoded.find((span) => span.name === 'guard.input')!;
    expect(root.traceId).toBe(spans.find((span) => span.name === 'chat-turn')!.spanContext().traceId);
    expect(child.parentSpanId).toBe(root.spanId);
    expect(child.scope).toBe('langfuse-sdk');
    expect(root.attributes).toMatchObject({ 'session.id': 'conv-1', 'langfuse.trace.tags': ['a', 'b'], count: 3 });
    expect(child.events).toEqual([{ name: 'note', attributes: { detail: 'x' } }]);
    expect(decodeOtlpJson(parse(encodeOtlpJson([])))).toEqual([]);
  });

  it('writes hex ids, nanosecond strings, OTLP span kinds and typed attribute values, grouped by scope', () => {
    const request = parse(encodeOtlpJson(recordSpans()));
    expect(request.resourceSpans).toHaveLength(1);
    const scopes = request.resourceSpans[0]!.scopeSpans;
    expect(scopes.map((scope) => scope.scope.name).sort()).toEqual(['langfuse-sdk', 'other-scope']);
    const langfuse = scopes.find((scope) => scope.scope.name === 'langfuse-sdk')!;
    expect(langfuse.scope.version).toBe('1.2.3');
    const root = langfuse.spans.find((span) => span.name === 'chat-turn')!;
    const child = langfuse.spans.find((span) => span.name === 'guard.input')!;
    expect(root.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(root.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(root.parentSpanId).toBeUndefined();
    expect(child.parentSpanId).toBe(root.spanId);
    expect(root.startTimeUnixNano).toBe('1700000000123000000');
    expect(child.kind).toBe(1);
    expect(scopes.find((scope) => scope.scope.name === 'other-scope')!.spans[0]!.kind).toBe(3);
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
