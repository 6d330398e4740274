import { generateText, type LanguageModel, NoObjectGeneratedError, Output, type TelemetryOptions } from 'ai';
import { renderPrompt } from '../prompts/prompt.js';
import { mergeEntities } from './entities.js';
import { type BriefInput, buildExtractiveBrief } from './extractive-brief.js';
import { briefModelOutputSchema, type HandoffBrief, handoffBriefSchema } from './handoff-brief.js';

/** Options of {@link createBriefWriter}. */
export interface BriefWriterOptions {
  /** Model that writes the summary fields. Without one, every brief is extractive. */
  model?: LanguageModel;
  /**
   * Longest time to wait for the model, in milliseconds; after it the extractive brief is used.
   * @default 8000
   */
  timeoutMs?: number;
  /** AI SDK telemetry settings for the brief call (a tracer's `telemetry`). */
  telemetry?: TelemetryOptions;
  /**
   * Most turns of the transcript the model reads (the latest ones).
   * @default 40
   */
  maxModelTurns?: number;
}

/** What {@link BriefWriter.write} returns: always a valid brief. */
export interface BriefWriteResult {
  brief: HandoffBrief;
  /** `model` when the model's fields were used, `extractive` otherwise. */
  source: 'model' | 'extractive';
  /** Why the model's brief was not used (threw, timed out, invalid output), when it was tried. */
  error?: string;
  /** The prompt that ran, for tracing, when the model was called. */
  prompt?: { name: string; file: string; hash: string };
}

/** Writes handoff briefs. */
export interface BriefWriter {
  /** Writes the brief for one handoff. Never throws and never waits longer than `timeoutMs` for the model. */
  write(input: BriefInput): Promise<BriefWriteResult>;
}

const maxTurnCharacters = 2000;

function formatTranscript(input: BriefInput, maxTurns: number): string {
  const start = Math.max(0, input.transcript.length - maxTurns);
  return input.transcript
    .slice(start)
    .map((turn, index) => {
      const author = turn.role === 'user' ? 'customer' : (turn.author ?? 'bot');
      const content =
        turn.content.length > maxTurnCharacters ? `${turn.content.slice(0, maxTurnCharacters)}…` : turn.content;
      return `[${start + index}] ${author}: ${content.replace(/\s+/g, ' ').trim()}`;
    })
    .join('\n');
}

function formatReasons(input: BriefInput): string {
  if (input.reasons.length === 0) return 'none recorded';
  return input.reasons.map((reason) => `${reason.reason} (${reason.source}): ${reason.detail}`).join('; ');
}

function formatEntities(entities: HandoffBrief['entities']): string {
  const present = Object.fromEntries(Object.entries(entities).filter(([, values]) => values.length > 0));
  return Object.keys(present).length > 0 ? JSON.stringify(present) : 'none';
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message.replace(/\s+/g, ' ')})` : '';
  return `${error.name}: ${error.message}${cause}`;
}

class BriefTimeoutError extends Error {
  override name = 'BriefTimeoutError';
}

/** A last-resort brief for input the extractive builder could not read. */
function minimalBrief(input: BriefInput): HandoffBrief {
  const createdAt =
    input?.createdAt instanceof Date && !Number.isNaN(input.createdAt.getTime()) ? input.createdAt : null;
  return {
    conversationId: String(input?.conversationId || 'unknown'),
    createdAt: (createdAt ?? new Date(0)).toISOString(),
    reasons: [],
    urgency: 'normal',
    customer: null,
    language: 'en',
    intent: 'general_inquiry',
    entities: mergeEntities(),
    sentiment: { score: 0, trend: 'stable' },
    summary: 'The conversation could not be summarised; read the transcript.',
    botAttempts: [],
    openQuestions: [],
    suggestedTeam: null,
    skills: [],
    transcript: [],
    transcriptTurns: 0,
    source: 'extractive',
  };
}

/**
 * Creates the brief writer: the model writes the summary, intent, open questions and what the
 * bot tried, over an extractive brief built from the transcript; when the model is missing,
 * throws, is slower than `timeoutMs` or returns something the schema rejects, the extractive
 * brief is used and `error` says why.
 *
 * @example
 * const writer = createBriefWriter({ model: openai('gpt-4.1-mini'), timeoutMs: 5000 });
 * const { brief, source } = await writer.write({ conversationId, createdAt: new Date(), transcript, reasons, urgency: 'normal' });
 */
export function createBriefWriter({
  model,
  timeoutMs = 8000,
  telemetry,
  maxModelTurns = 40,
}: BriefWriterOptions = {}): BriefWriter {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new Error(`createBriefWriter: timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`);
  }
  if (!Number.isInteger(maxModelTurns) || maxModelTurns < 1) {
    throw new Error(`createBriefWriter: maxModelTurns must be a positive integer, got ${maxModelTurns}`);
  }

  return {
    async write(input) {
      let extractive: HandoffBrief;
      try {
        extractive = buildExtractiveBrief(input);
      } catch (error) {
        return {
          brief: minimalBrief(input),
          source: 'extractive',
          error: `extractive brief failed: ${describeError(error)}`,
        };
      }
      if (!model) return { brief: extractive, source: 'extractive' };

      const prompt = renderPrompt('brief', {
        transcript: formatTranscript(input, maxModelTurns),
        reasons: formatReasons(input),
        urgency: input.urgency,
        topic: input.topic ?? 'none',
        language: extractive.language,
        entities: formatEntities(extractive.entities),
      });
      const promptInfo = { name: prompt.name, file: prompt.file, hash: prompt.hash };

      const controller = new AbortController();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new BriefTimeoutError(`model did not answer within ${timeoutMs} ms`);
          controller.abort(error);
          reject(error);
        }, timeoutMs);
      });

      let output: unknown;
      try {
        const call = generateText({
          model,
          prompt: prompt.text,
          output: Output.object({ schema: briefModelOutputSchema, name: 'handoff_brief' }),
          abortSignal: controller.signal,
          maxRetries: 0,
          ...(telemetry ? { telemetry: { functionId: 'handrail-brief', ...telemetry } } : {}),
        }).then((result) => result.output);
        output = await Promise.race([call, timeout]);
      } catch (error) {
        const reason =
          error instanceof BriefTimeoutError
            ? error.message
            : NoObjectGeneratedError.isInstance(error)
              ? `model output invalid: ${describeError(error)}`
              : `model failed: ${describeError(error)}`;
        return { brief: extractive, source: 'extractive', error: reason, prompt: promptInfo };
      } finally {
        clearTimeout(timer);
      }

      const parsedOutput = briefModelOutputSchema.safeParse(output);
      if (!parsedOutput.success) {
        return {
          brief: extractive,
          source: 'extractive',
          error: `model output invalid: ${parsedOutput.error.message}`,
          prompt: promptInfo,
        };
      }
      const modelOutput = parsedOutput.data;
      const merged = handoffBriefSchema.safeParse({
        ...extractive,
        summary: modelOutput.summary,
        intent: modelOutput.intent,
        openQuestions: modelOutput.openQuestions,
        botAttempts: modelOutput.botAttempts,
        entities: mergeEntities(extractive.entities, modelOutput.entities),
        source: 'model',
      });
      if (!merged.success) {
        return {
          brief: extractive,
          source: 'extractive',
          error: `merged brief invalid: ${merged.error.message}`,
          prompt: promptInfo,
        };
      }
      return { brief: merged.data, source: 'model', prompt: promptInfo };
    },
  };
}
