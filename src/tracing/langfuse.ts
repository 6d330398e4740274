/**
 * `handrail/langfuse`: the Langfuse tracer. The only entry point that reaches Langfuse and
 * OpenTelemetry code, so a Worker or app that does not import it never bundles or installs them
 * (`handrail` and `handrail/worker` hold only the `Tracer` interface and `noopTracer`).
 *
 * Importing this module loads nothing heavy either: `createTracerFromEnv` imports the tracer
 * only when keys are set, `loadLangfuseTracer` on first call. Both load the optional peer
 * dependencies listed in `langfuseTracerPackages` (bundlers follow the dynamic import, so a
 * bundled app that imports this entry needs them installed).
 *
 * @example
 * import { createTracerFromEnv } from 'handrail/langfuse';
 * const tracer = await createTracerFromEnv(process.env, { redact: redactValue });
 */
export type { LangfuseScore, LangfuseScoreClient, LangfuseScoreClientOptions } from './langfuse-score-client.js';
export type { LangfuseTracer, LangfuseTracerOptions } from './langfuse-tracer.js';
export { langfuseTracerPackages, loadLangfuseTracer } from './load-langfuse-tracer.js';
export type { TracerEnv, TracerFromEnvOptions } from './tracer-from-env.js';
export { createTracerFromEnv } from './tracer-from-env.js';
