import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { encodeOtlpJson } from './otlp-json.js';

/** Options of {@link createFetchSpanExporter}. */
export interface FetchSpanExporterOptions {
  /** Full URL of the OTLP/HTTP traces endpoint, e.g. `https://cloud.langfuse.com/api/public/otel/v1/traces`. */
  url: string;
  /** Extra request headers (authorization). `content-type: application/json` is always sent. */
  headers?: Record<string, string>;
  /**
   * The fetch to send with.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /**
   * Abort a request after this many milliseconds.
   * @default 10000
   */
  timeoutMs?: number;
}

/**
 * An OpenTelemetry span exporter that POSTs OTLP/JSON (encoded by OpenTelemetry's own
 * serializer, see {@link encodeOtlpJson}) with `fetch` and nothing else: no `node:http`, no XHR,
 * no `keepalive`/`mode` options, so it behaves the same on Node, Workers and Deno. (The stock
 * `@opentelemetry/exporter-trace-otlp-http` picks `node:http` on Node and a browser transport
 * elsewhere depending on how it is bundled; OpenTelemetry's fetch transport always sets `mode`,
 * which Workers does not implement, and cannot take an injected `fetch`.) Failed
 * exports are reported to the processor as failures, never thrown.
 */
export function createFetchSpanExporter(options: FetchSpanExporterOptions): SpanExporter {
  const { url, headers = {}, timeoutMs = 10_000 } = options;
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const pending = new Set<Promise<void>>();
  let isShutdown = false;

  async function post(spans: ReadableSpan[]): Promise<ExportResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await send(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: encodeOtlpJson(spans),
        signal: controller.signal,
      });
      // Drain the body so the connection can be reused (and Workers does not warn).
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { code: ExportResultCode.SUCCESS };
      return { code: ExportResultCode.FAILED, error: new Error(`OTLP export failed with status ${response.status}`) };
    } catch (error) {
      return { code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    export(spans, resultCallback) {
      if (isShutdown) {
        resultCallback({ code: ExportResultCode.FAILED, error: new Error('exporter is shut down') });
        return;
      }
      const request = post(spans).then(resultCallback);
      pending.add(request);
      void request.finally(() => pending.delete(request));
    },
    async forceFlush() {
      await Promise.all([...pending]);
    },
    async shutdown() {
      isShutdown = true;
      await Promise.all([...pending]);
    },
  };
}
