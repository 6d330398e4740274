import type { LangfuseTracer, LangfuseTracerOptions } from './langfuse-tracer.js';

/**
 * Builds the Langfuse tracer, loading the Langfuse and OpenTelemetry modules on first call.
 * Same as `createLangfuseTracer` from `./langfuse-tracer.js`, but async so that importing the
 * tracing seam stays free for apps that never trace.
 */
export async function loadLangfuseTracer(options: LangfuseTracerOptions): Promise<LangfuseTracer> {
  const { createLangfuseTracer } = await import('./langfuse-tracer.js');
  return createLangfuseTracer(options);
}
