import type { ExportResult } from '@opentelemetry/core';
import { ExportResultCode } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetchSpanExporter } from '../../src/tracing/fetch-span-exporter.js';
import { type FakeLangfuseServer, startFakeLangfuseServer } from '../support/fake-langfuse-server.js';

function finishedSpans() {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] });
  provider.getTracer('langfuse-sdk').startSpan('one').end();
  return memory.getFinishedSpans();
}

function exportOnce(exporter: ReturnType<typeof createFetchSpanExporter>): Promise<ExportResult> {
  return new Promise((resolve) => exporter.export(finishedSpans(), resolve));
}

describe('createFetchSpanExporter', () => {
  let server: FakeLangfuseServer;
  beforeEach(async () => {
    server = await startFakeLangfuseServer();
  });
  afterEach(async () => {
    await server.close();
  });

  const authorization = () => `Basic ${btoa(`${server.publicKey}:${server.secretKey}`)}`;

  it('POSTs OTLP/JSON with the given headers and reports success', async () => {
    const exporter = createFetchSpanExporter({
      url: `${server.baseUrl}/api/public/otel/v1/traces`,
      headers: { authorization: authorization() },
    });
    const result = await exportOnce(exporter);
    expect(result.code).toBe(ExportResultCode.SUCCESS);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'POST', contentType: 'application/json', authorized: true });
    expect(server.spans().map((span) => span.name)).toEqual(['one']);
  });

  it('reports a rejected export (401) and an unreachable host as failures, without throwing', async () => {
    const rejected = createFetchSpanExporter({ url: `${server.baseUrl}/api/public/otel/v1/traces` });
    const result = await exportOnce(rejected);
    expect(result.code).toBe(ExportResultCode.FAILED);
    expect(result.error?.message).toContain('401');

    const unreachable = createFetchSpanExporter({
      url: 'http://127.0.0.1:9/api/public/otel/v1/traces',
      timeoutMs: 2_000,
    });
    expect((await exportOnce(unreachable)).code).toBe(ExportResultCode.FAILED);
  });

  it('sends through the injected fetch and waits for it on forceFlush', async () => {
    const seen: string[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const exporter = createFetchSpanExporter({
      url: 'https://langfuse.invalid/api/public/otel/v1/traces',
      fetch: async (input) => {
        seen.push(String(input));
        await gate;
        return new Response('{}', { status: 200 });
      },
    });
    let settled = false;
    exporter.export(finishedSpans(), () => {
      settled = true;
    });
    const flushed = exporter.forceFlush!().then(() => settled);
    release();
    expect(await flushed).toBe(true);
    expect(seen).toEqual(['https://langfuse.invalid/api/public/otel/v1/traces']);
  });
});
