/**
 * Tracing: the `Tracer` interface the chat engine calls, the no-op tracer, and the Langfuse
 * tracer chosen from the environment.
 *
 * This seam loads no Langfuse or OpenTelemetry code: `createTracerFromEnv` imports it only when
 * keys are set, and `loadLangfuseTracer` on first call. (`createLangfuseTracer` in
 * `./langfuse-tracer.js` is the synchronous factory; importing it loads those modules eagerly.)
 * Nor do its types: the OpenTelemetry and Langfuse packages are optional peer dependencies, so
 * nothing exported here names their types (the published `.d.ts` type-check without them).
 */
export type { LangfuseScore, LangfuseScoreClient, LangfuseScoreClientOptions } from './langfuse-score-client.js';
export type { LangfuseTracer, LangfuseTracerOptions } from './langfuse-tracer.js';
export { loadLangfuseTracer } from './load-langfuse-tracer.js';
export type { Redact } from './redact.js';
export type { Tracer, TurnTrace } from './tracer.js';
export { noopTracer } from './tracer.js';
export type { TracerEnv, TracerFromEnvOptions } from './tracer-from-env.js';
export { createTracerFromEnv } from './tracer-from-env.js';
