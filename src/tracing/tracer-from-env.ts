import type { LangfuseTracerOptions } from './langfuse-tracer.js';
import { importLangfuseTracer } from './load-langfuse-tracer.js';
import { noopTracer, type Tracer } from './tracer.js';

/** The environment variables {@link createTracerFromEnv} reads (Node `process.env` or a Workers `env`). */
export interface TracerEnv {
  LANGFUSE_PUBLIC_KEY?: string;
  LANGFUSE_SECRET_KEY?: string;
  /** Langfuse host, e.g. `https://us.cloud.langfuse.com` or a self-hosted URL. */
  LANGFUSE_BASE_URL?: string;
  /** Older name of `LANGFUSE_BASE_URL`, still honoured. */
  LANGFUSE_BASEURL?: string;
  /** Langfuse environment of the traces. */
  LANGFUSE_TRACING_ENVIRONMENT?: string;
  /** Release recorded on the traces. */
  LANGFUSE_RELEASE?: string;
}

/** Options of {@link createTracerFromEnv}: everything of the Langfuse tracer but the keys and host. */
export type TracerFromEnvOptions = Omit<LangfuseTracerOptions, 'publicKey' | 'secretKey' | 'baseUrl'>;

/**
 * The tracer the environment asks for: the Langfuse tracer when both `LANGFUSE_PUBLIC_KEY`
 * and `LANGFUSE_SECRET_KEY` are set, otherwise `noopTracer`.
 *
 * It is async because the Langfuse and OpenTelemetry modules are loaded with a dynamic
 * `import()` only when the keys are set: without keys nothing is imported and no provider,
 * processor or exporter exists, and every turn costs nothing. Call it once at startup (Node)
 * or once per isolate (Workers: keep the promise in a module variable).
 *
 * @example
 * const tracer = await createTracerFromEnv(process.env, { redact: redactValue });
 */
export async function createTracerFromEnv(env: TracerEnv, options: TracerFromEnvOptions = {}): Promise<Tracer> {
  const publicKey = env.LANGFUSE_PUBLIC_KEY?.trim();
  const secretKey = env.LANGFUSE_SECRET_KEY?.trim();
  if (!publicKey || !secretKey) return noopTracer;
  const { createLangfuseTracer } = await importLangfuseTracer();
  const baseUrl = env.LANGFUSE_BASE_URL?.trim() || env.LANGFUSE_BASEURL?.trim() || undefined;
  const environment = options.environment ?? (env.LANGFUSE_TRACING_ENVIRONMENT?.trim() || undefined);
  const release = options.release ?? (env.LANGFUSE_RELEASE?.trim() || undefined);
  return createLangfuseTracer({
    ...options,
    publicKey,
    secretKey,
    ...(baseUrl ? { baseUrl } : {}),
    ...(environment ? { environment } : {}),
    ...(release ? { release } : {}),
  });
}
