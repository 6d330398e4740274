import {
  asSchema,
  hasToolCall,
  isStepCount,
  type PrepareStepFunction,
  streamText,
  type ToolSet,
  toUIMessageChunk,
  type UIMessageChunk,
  zodSchema,
} from 'ai';
import type { Signal, Transcript, Urgency } from '../guard/types.js';
import type { TurnTrace } from '../tracing/tracer.js';
import type { ChatTurnContext } from './chat-turn-context.js';
import type { HandoffReason } from './conversation.js';
import { createEscalateTool, escalateInputSchema, escalateToolName } from './escalate-tool.js';
import { escalationFromToolCall } from './handoff-reasons.js';
import { boundModelContext } from './model-context.js';
import type { WriteChunk } from './turn-output.js';

// The same tool with its schema wrapped once: the AI SDK then converts the zod schema to JSON
// Schema on the first turn and reuses it, instead of converting it again for every model call.
const escalateTool = { ...createEscalateTool(), inputSchema: zodSchema(escalateInputSchema) };

/** What the model step(s) of a turn came to. */
export type ModelStepOutcome =
  /** The model failed, timed out or ended without a word; `detail` is safe to show (the provider's message is logged). */
  | { kind: 'failed'; detail: string; error: unknown }
  /** The model called `escalate_to_human`. */
  | { kind: 'escalated'; escalation: { reason: HandoffReason; urgency: Urgency }; held: UIMessageChunk[] }
  /** The model answered; `held` is the answer not shown yet (with `holdOutput`). */
  | { kind: 'answered'; text: string; providerMetadata: unknown; held: UIMessageChunk[] };

/** The model step's outcome, and the signals of the detectors that ran beside it (never rejects). */
export interface ModelStepResult {
  outcome: ModelStepOutcome;
  besideSignals: Promise<Signal[]>;
}

/**
 * Step 2 of a turn with the bot: the model with the host's tools and `escalate_to_human`, over a
 * bounded window of the conversation, until it answers, calls for a person or reaches `maxSteps`,
 * within `modelTimeoutMs`. The classifier (when configured) runs beside it. With `holdOutput` the
 * answer is held for the output guard; else it is written as it streams.
 */
export async function modelStep(
  context: ChatTurnContext,
  transcript: Transcript,
  trace: Pick<TurnTrace, 'telemetry'>,
  write: WriteChunk,
): Promise<ModelStepResult> {
  const timeout = `The model did not answer within ${context.modelTimeoutMs} ms.`;
  const abortController = new AbortController();
  const deadline = setTimeout(() => abortController.abort(new Error(timeout)), context.modelTimeoutMs);
  const besideSignals = context.classifier
    ? context.classifier(transcript, abortController.signal).catch(() => [] as Signal[])
    : Promise.resolve([] as Signal[]);
  const held: UIMessageChunk[] = [];
  const emit = (chunk: UIMessageChunk) => (context.holdOutput ? held.push(chunk) : write(chunk));
  let streamed: Awaited<ReturnType<typeof streamModel>>;
  try {
    streamed = await streamModel(context, transcript, trace, abortController, emit);
  } catch (error) {
    streamed = { text: '', escalation: null, providerMetadata: undefined, error };
  } finally {
    clearTimeout(deadline);
  }
  const { text, escalation, providerMetadata } = streamed;
  // A model that ends without a word (nothing but failed tool calls, an empty stream) has failed too: no empty bubble.
  const error =
    streamed.error ?? (!escalation && !text.trim() ? new Error('The model ended its answer without any text.') : null);
  if (error) {
    const detail = abortController.signal.aborted
      ? timeout
      : `The model failed (${error instanceof Error ? error.name : 'error'}).`;
    return { outcome: { kind: 'failed', detail, error }, besideSignals };
  }
  if (escalation) return { outcome: { kind: 'escalated', escalation, held }, besideSignals };
  return { outcome: { kind: 'answered', text, providerMetadata, held }, besideSignals };
}

/** Runs `streamText` and reads its stream: the text, an escalation and the provider metadata; throws on an error part. */
async function streamModel(
  context: ChatTurnContext,
  transcript: Transcript,
  trace: Pick<TurnTrace, 'telemetry'>,
  abortController: AbortController,
  emit: (chunk: UIMessageChunk) => void,
) {
  const tools: ToolSet = { ...withSchemasWrapped(context.tools), [escalateToolName]: escalateTool };
  const window = boundModelContext(transcript, context.modelContext);
  const result = streamText({
    model: context.model,
    system: window.earlierSummary ? `${context.system}\n\n${window.earlierSummary}` : context.system,
    messages: window.messages,
    tools,
    stopWhen: [isStepCount(context.maxSteps), hasToolCall(escalateToolName), ...(context.stopWhen ?? [])],
    ...(context.prepareStep ? { prepareStep: keepEscalationActive(context.prepareStep) } : {}),
    abortSignal: abortController.signal,
    maxRetries: 1,
    // Failures surface as error parts in the stream and end in a handoff; nothing to print.
    onError: () => {},
    ...(trace.telemetry ? { telemetry: trace.telemetry } : {}),
  });
  let text = '';
  let escalation: { reason: HandoffReason; urgency: Urgency } | null = null;
  let providerMetadata: unknown;
  for await (const part of result.stream) {
    if (part.type === 'error') throw part.error;
    if (part.type === 'abort') throw abortController.signal.reason ?? new Error('The model call was aborted.');
    if (part.type === 'text-delta') text += part.text;
    if (part.type === 'finish-step') providerMetadata = part.providerMetadata ?? providerMetadata;
    if ((part.type === 'tool-call' || part.type === 'tool-error') && part.toolName === escalateToolName) {
      escalation = escalationFromToolCall(part.input);
    }
    const chunk = toUIMessageChunk(part, { tools, sendStart: false, sendFinish: false, sendReasoning: false });
    if (chunk && chunk.type !== 'error') emit(chunk);
  }
  return { text, escalation, providerMetadata, error: null as unknown };
}

const wrappedToolSets = new WeakMap<ToolSet, ToolSet>();

/**
 * The host's tools with each zod (or other Standard Schema) input schema wrapped once by the AI
 * SDK's `asSchema`, as it would wrap it on every model call: its JSON Schema is then computed on
 * the first turn and reused. Lazy schemas (functions) and wrapped schemas are kept as they are.
 */
function withSchemasWrapped(tools: ToolSet): ToolSet {
  let wrapped = wrappedToolSets.get(tools);
  if (!wrapped) {
    wrapped = {};
    for (const [name, tool] of Object.entries(tools)) {
      const schema: unknown = tool.inputSchema;
      wrapped[name] =
        typeof schema === 'object' && schema !== null && '~standard' in schema
          ? { ...tool, inputSchema: asSchema(tool.inputSchema) }
          : tool;
    }
    wrappedToolSets.set(tools, wrapped);
  }
  return wrapped;
}

/**
 * The host's `prepareStep`, with `escalate_to_human` added back to any `activeTools` it returns:
 * a step may narrow the host's tools, never take away the way to a person.
 */
function keepEscalationActive(prepareStep: PrepareStepFunction<ToolSet>): PrepareStepFunction<ToolSet> {
  return async (options) => {
    const settings = await prepareStep(options);
    if (!settings?.activeTools || settings.activeTools.includes(escalateToolName)) return settings;
    return { ...settings, activeTools: [...settings.activeTools, escalateToolName] };
  };
}
