import { LangfuseSpanProcessor } from '@langfuse/otel';
import { LangfuseOtelSpanAttributes } from '@langfuse/tracing';
import { ROOT_CONTEXT, type Span, SpanStatusCode, trace } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import type { GuardDecision, Signal } from '../guard/types.js';
import type { HandoffRecord } from '../store/store.js';
import { createAiSdkTelemetry } from './ai-sdk-telemetry.js';
import { createFetchSpanExporter } from './fetch-span-exporter.js';
import { observationAttributes, traceAttributes } from './langfuse-attributes.js';
import { createLangfuseScoreClient } from './langfuse-score-client.js';
import type { Redact } from './redact.js';
import { noopTracer, type Tracer, type TurnTrace } from './tracer.js';

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

/** Name of the trace (and root span) of one chat turn. */
export const chatTurnTraceName = 'chat-turn';

/** Scope name Langfuse recognises as its own SDK's spans. */
const langfuseScope = 'langfuse-sdk';

function groupByDetector(signals: readonly Signal[], fired: readonly Signal[]): Record<string, unknown[]> {
  const byDetector: Record<string, unknown[]> = {};
  for (const signal of signals) {
    const list = byDetector[signal.detector] ?? [];
    list.push({
      reason: signal.reason,
      score: signal.score,
      fired: fired.includes(signal),
      detail: signal.detail,
      evidence: signal.evidence,
      ...(signal.urgency ? { urgency: signal.urgency } : {}),
      ...(signal.topic ? { topic: signal.topic } : {}),
    });
    byDetector[signal.detector] = list;
  }
  return byDetector;
}

function guardOutput(decision: GuardDecision): unknown {
  return {
    decision: {
      escalate: decision.escalate,
      urgency: decision.urgency,
      reasons: decision.reasons.map((signal) => ({
        reason: signal.reason,
        detector: signal.detector,
        score: signal.score,
        detail: signal.detail,
        evidence: signal.evidence,
      })),
      ...(decision.userMessage ? { userMessage: decision.userMessage } : {}),
    },
    detectors: groupByDetector(decision.signals, decision.reasons),
  };
}

function handoffTags(record: HandoffRecord): string[] {
  const tags = ['escalated', ...record.reasons.map((reason) => `reason:${reason.reason}`), `urgency:${record.urgency}`];
  if (record.team) tags.push(`team:${record.team}`);
  return tags;
}

/**
 * A {@link Tracer} that sends one Langfuse trace per chat turn over OpenTelemetry: the
 * `chat-turn` root span (session = conversation id, input = user text), `guard.input` /
 * `guard.output` guardrail spans with every detector's signals and evidence, a `handoff` event
 * with the brief, the AI SDK generation nested through {@link TurnTrace.telemetry}, and the
 * `escalated` / `escalation_reason` scores.
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
  const { publicKey, secretKey, environment, release, redact, exportMode = 'batched', now = Date.now } = options;
  if (!publicKey || !secretKey) throw new Error('createLangfuseTracer: publicKey and secretKey are required');
  const baseUrl = (options.baseUrl ?? 'https://cloud.langfuse.com').replace(/\/+$/, '');
  const authorization = `Basic ${btoa(`${publicKey}:${secretKey}`)}`;

  const exporter = createFetchSpanExporter({
    url: `${baseUrl}/api/public/otel/v1/traces`,
    headers: {
      authorization,
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
  const provider = new BasicTracerProvider({ spanProcessors: [processor] });
  const otelTracer = provider.getTracer(langfuseScope);
  const scores = createLangfuseScoreClient({
    baseUrl,
    publicKey,
    secretKey,
    now,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let isShutdown = false;

  function startTurn(input: { conversationId: string; userText: string; turnIndex: number }): TurnTrace {
    const { conversationId, userText, turnIndex } = input;
    const session = { [LangfuseOtelSpanAttributes.TRACE_SESSION_ID]: conversationId };
    const root = otelTracer.startSpan(
      chatTurnTraceName,
      {
        startTime: now(),
        attributes: {
          ...traceAttributes(
            {
              name: chatTurnTraceName,
              sessionId: conversationId,
              input: userText,
              metadata: { conversationId, turnIndex },
            },
            redact,
          ),
          ...observationAttributes('span', { input: userText, metadata: { turnIndex } }, redact),
        },
      },
      ROOT_CONTEXT,
    );
    const parentContext = trace.setSpan(ROOT_CONTEXT, root);
    const traceId = root.spanContext().traceId;
    const tags = new Set<string>();
    const prompts: Array<{ name: string; file: string; hash: string }> = [];
    const escalationReasons: string[] = [];
    let handoffSeen = false;
    let ended = false;

    const ai = createAiSdkTelemetry({
      tracer: otelTracer,
      parent: root,
      attributes: session,
      now,
      generationMetadata: () => (prompts.length > 0 ? { prompts: [...prompts] } : {}),
      ...(redact ? { redact } : {}),
    });

    function child(name: string, startTime: number): Span {
      return otelTracer.startSpan(name, { startTime, attributes: session }, parentContext);
    }

    /** Runs `record` unless the turn is over, swallowing any error: tracing never throws into the chat. */
    function safely(record: () => void): void {
      if (ended || isShutdown) return;
      try {
        record();
      } catch {
        // Deliberately ignored (see above).
      }
    }

    return {
      telemetry: { isEnabled: true, functionId: 'handrail.chat', integrations: [ai.integration] },
      guard(phase, decision, durationMs) {
        safely(() => {
          const end = now();
          const span = child(`guard.${phase}`, end - Math.max(0, durationMs));
          span.setAttributes(
            observationAttributes(
              'guardrail',
              {
                output: guardOutput(decision),
                level: decision.escalate ? 'WARNING' : 'DEFAULT',
                metadata: {
                  phase,
                  escalate: decision.escalate,
                  urgency: decision.urgency,
                  reasons: decision.reasons.map((signal) => signal.reason),
                  durationMs,
                },
              },
              redact,
            ),
          );
          span.end(end);
          if (decision.escalate) {
            for (const signal of decision.reasons) escalationReasons.push(signal.reason);
          }
        });
      },
      handoff(record) {
        safely(() => {
          handoffSeen = true;
          escalationReasons.unshift(...record.reasons.map((reason) => reason.reason));
          for (const tag of handoffTags(record)) tags.add(tag);
          const time = now();
          const span = child('handoff', time);
          span.setAttributes(
            observationAttributes(
              'event',
              {
                input: { reasons: record.reasons, urgency: record.urgency, team: record.team },
                output: { brief: record.brief },
                metadata: {
                  handoffId: record.id,
                  reasons: record.reasons.map((reason) => reason.reason),
                  urgency: record.urgency,
                  team: record.team,
                  ...(record.skills ? { skills: record.skills } : {}),
                  ...(record.etaSeconds !== undefined ? { etaSeconds: record.etaSeconds } : {}),
                },
              },
              redact,
            ),
          );
          span.end(time);
          root.setAttributes(
            traceAttributes({ tags: [...tags], metadata: { handoffId: record.id, brief: record.brief } }, redact),
          );
        });
      },
      prompt(prompt) {
        safely(() => {
          prompts.push({ name: prompt.name, file: prompt.file, hash: prompt.hash });
          root.setAttributes({
            ...traceAttributes({ metadata: { prompts } }, undefined),
            ...observationAttributes('span', { metadata: { prompts } }, undefined),
          });
        });
      },
      end({ outcome, output }) {
        safely(() => {
          ai.endOpenSpans();
          const escalated = outcome === 'escalated' || handoffSeen;
          if (escalated) tags.add('escalated');
          root.setAttributes({
            ...traceAttributes({ output, tags: [...tags], metadata: { outcome } }, redact),
            ...observationAttributes(
              'span',
              {
                output,
                level: outcome === 'error' ? 'ERROR' : 'DEFAULT',
                metadata: { turnIndex, outcome },
              },
              redact,
            ),
          });
          if (outcome === 'error') root.setStatus({ code: SpanStatusCode.ERROR });
          root.end(now());
          ended = true;
          const scoreBase = { traceId, sessionId: conversationId, ...(environment ? { environment } : {}) };
          scores.add({
            ...scoreBase,
            id: `${traceId}-escalated`,
            name: 'escalated',
            value: escalated ? 1 : 0,
            dataType: 'BOOLEAN',
            comment: outcome,
          });
          const reason = escalationReasons[0];
          if (escalated && reason) {
            scores.add({
              ...scoreBase,
              id: `${traceId}-escalation_reason`,
              name: 'escalation_reason',
              value: reason,
              dataType: 'CATEGORICAL',
              comment: [...new Set(escalationReasons)].join(', '),
            });
          }
        });
      },
    };
  }

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
        return startTurn(input);
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
