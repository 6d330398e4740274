/**
 * Tracing: the `Tracer` interface the chat engine calls, the no-op tracer, and the Langfuse
 * tracer chosen from the environment.
 *
 * This seam loads no Langfuse or OpenTelemetry code: `createTracerFromEnv` imports it only when
 * keys are set, and `loadLangfuseTracer` on first call. (`createLangfuseTracer` in
 * `./langfuse-tracer.js` is the synchronous factory; importing it loads those modules eagerly.)
 */
export type { AiSdkTelemetryOptions, AiSdkTurnTelemetry } from './ai-sdk-telemetry.js';
export type { FetchSpanExporterOptions } from './fetch-span-exporter.js';
export type { Redact } from './langfuse-attributes.js';
export type { LangfuseScore, LangfuseScoreClient, LangfuseScoreClientOptions } from './langfuse-score-client.js';
export type { LangfuseTracer, LangfuseTracerOptions } from './langfuse-tracer.js';
export { loadLangfuseTracer } from './load-langfuse-tracer.js';
export type { OtlpAnyValue, OtlpKeyValue, OtlpSpan, OtlpTraceRequest } from './otlp-json.js';
export type { Tracer, TurnTrace } from './tracer.js';
export { noopTracer } from './tracer.js';
export type { TracerEnv, TracerFromEnvOptions } from './tracer-from-env.js';
export { createTracerFromEnv } from './tracer-from-env.js';
