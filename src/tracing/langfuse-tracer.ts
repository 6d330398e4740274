import { LangfuseSpanProcessor } from '@langfuse/otel';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { createFetchSpanExporter } from './fetch-span-exporter.js';
import { langfuseBasicAuth } from './langfuse-basic-auth.js';
import { createLangfuseScoreClient } from './langfuse-score-client.js';
import { type LangfuseTurnContext, startLangfuseTurn } from './langfuse-turn.js';
import type { Redact } from './redact.js';
import { noopTracer, type Tracer } from './tracer.js';

/** Options of {@link createLangfuseTracer}. */
export interface LangfuseTracerOptions {
  /** Langfuse project public key (`pk-lf-...`). */
  publicKey: string;
  /** Langfuse project secret key (`sk-lf-...`). */
  secretKey: string;
  /**
   * Langfuse host.
   * @default 'https://cloud.langfuse.com'
   */
  baseUrl?: string;
  /** Langfuse environment of every trace (`production`, `staging`). */
  environment?: string;
  /** Release of every trace (a git sha or version). */
  release?: string;
  /**
   * Masks PII before anything is exported: applied to the user text, outputs, guard evidence,
   * the brief, model inputs and outputs. Pass `redactValue` from `src/notify/redact.ts`.
   */
  redact?: Redact;
  /**
   * `batched` buffers spans and sends them on `flush()` or every few seconds; `immediate`
   * sends each span when it ends. Either way, call `flush()` before the process or request ends.
   * @default 'batched'
   */
  exportMode?: 'batched' | 'immediate';
  /** The fetch used for the OTLP export and the scores. @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Clock in epoch milliseconds. @default Date.now */
  now?: () => number;
}

/** The Langfuse tracer: a {@link Tracer} that can also be shut down (Node, at exit). */
export interface LangfuseTracer extends Tracer {
  /** Flushes, then stops the span processor. The tracer records nothing afterwards. */
  shutdown(): Promise<void>;
}

/** Scope name Langfuse recognises as its own SDK's spans. */
const langfuseScope = 'langfuse-sdk';

/** A private `BasicTracerProvider` exporting through a `LangfuseSpanProcessor` and the fetch-only OTLP exporter. */
function createLangfuseProvider(options: LangfuseTracerOptions, baseUrl: string): BasicTracerProvider {
  const { publicKey, secretKey, environment, release, exportMode = 'batched' } = options;
  const exporter = createFetchSpanExporter({
    url: `${baseUrl}/api/public/otel/v1/traces`,
    headers: {
      authorization: langfuseBasicAuth(publicKey, secretKey),
      'x-langfuse-public-key': publicKey,
      'x-langfuse-sdk-name': 'javascript',
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const processor = new LangfuseSpanProcessor({
    exporter,
    publicKey,
    secretKey,
    baseUrl,
    exportMode,
    mediaUploadEnabled: false,
    // Every span of this private provider is ours: export them all.
    shouldExportSpan: () => true,
    ...(environment ? { environment } : {}),
    ...(release ? { release } : {}),
  });
  return new BasicTracerProvider({ spanProcessors: [processor] });
}

/**
 * A {@link Tracer} that sends one Langfuse trace per chat turn over OpenTelemetry: the
 * `chat-turn` root span (session = conversation id, input = user text), `guard.input` /
 * `guard.output` guardrail spans with every detector's signals and evidence, a `handoff` event
 * with the brief, the AI SDK generation nested through `TurnTrace.telemetry`, and the
 * `escalated` / `escalation_reason` scores (sent to Langfuse's scores API).
 *
 * It builds its own `BasicTracerProvider` with a `LangfuseSpanProcessor` and a fetch-only OTLP
 * exporter: nothing global is registered and nothing Node-only runs, so it works on Workers.
 * Parents are passed explicitly, so no context manager is needed. Every `TurnTrace` method
 * swallows its own errors: tracing never breaks a chat.
 *
 * @example
 * const tracer = createLangfuseTracer({ publicKey, secretKey, redact: redactValue });
 * const turn = tracer.startTurn({ conversationId, userText, turnIndex: 0 });
 * streamText({ model, messages, telemetry: turn.telemetry });
 * turn.end({ outcome: 'answered', output: text });
 * await tracer.flush(); // Workers: c.executionCtx.waitUntil(tracer.flush())
 */
export function createLangfuseTracer(options: LangfuseTracerOptions): LangfuseTracer {
  const { publicKey, secretKey, environment, redact, now = Date.now } = options;
  if (!publicKey || !secretKey) throw new Error('createLangfuseTracer: publicKey and secretKey are required');
  const baseUrl = (options.baseUrl ?? 'https://cloud.langfuse.com').replace(/\/+$/, '');
  const provider = createLangfuseProvider(options, baseUrl);
  const scores = createLangfuseScoreClient({
    baseUrl,
    publicKey,
    secretKey,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let isShutdown = false;
  const context: LangfuseTurnContext = {
    tracer: provider.getTracer(langfuseScope),
    scores,
    now,
    isShutdown: () => isShutdown,
    ...(redact ? { redact } : {}),
    ...(environment ? { environment } : {}),
  };

  async function flush(): Promise<void> {
    try {
      await Promise.all([provider.forceFlush(), scores.flush()]);
    } catch {
      // A failed export is lost, not thrown: tracing never fails the request.
    }
  }

  return {
    startTurn(input) {
      if (isShutdown) return noopTracer.startTurn(input);
      try {
        return startLangfuseTurn(context, input);
      } catch {
        return noopTracer.startTurn(input);
      }
    },
    flush,
    async shutdown() {
      if (isShutdown) return;
      await flush();
      isShutdown = true;
      await provider.shutdown().catch(() => undefined);
    },
  };
}
