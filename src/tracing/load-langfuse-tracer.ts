import { loadOptionalPeer } from '../load-optional-peer.js';
import type { LangfuseTracer, LangfuseTracerOptions } from './langfuse-tracer.js';

/** The optional peer dependencies the Langfuse tracer loads. */
export const langfuseTracerPackages = [
  '@langfuse/otel',
  '@langfuse/tracing',
  '@opentelemetry/api',
  '@opentelemetry/core',
  '@opentelemetry/exporter-trace-otlp-http',
  '@opentelemetry/otlp-transformer',
  '@opentelemetry/sdk-trace-base',
] as const;

/** Imports `./langfuse-tracer.js`, or throws a `MissingPeerDependencyError` naming what to install. */
export function importLangfuseTracer(): Promise<typeof import('./langfuse-tracer.js')> {
  return loadOptionalPeer('The Langfuse tracer', langfuseTracerPackages, () => import('./langfuse-tracer.js'));
}

/**
 * Builds the Langfuse tracer, loading the Langfuse and OpenTelemetry modules on first call.
 * Same as `createLangfuseTracer` from `./langfuse-tracer.js`, but async so that importing
 * `handrail/langfuse` stays free until a tracer is asked for. Those packages are optional peer dependencies:
 * without them this rejects with a `MissingPeerDependencyError` that lists them.
 */
export async function loadLangfuseTracer(options: LangfuseTracerOptions): Promise<LangfuseTracer> {
  const { createLangfuseTracer } = await importLangfuseTracer();
  return createLangfuseTracer(options);
}
