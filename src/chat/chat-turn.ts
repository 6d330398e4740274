import {
  asSchema,
  hasToolCall,
  isStepCount,
  type LanguageModel,
  type PrepareStepFunction,
  type StopCondition,
  streamText,
  type ToolSet,
  toUIMessageChunk,
  type UIMessageChunk,
  zodSchema,
} from 'ai';
import { type Guard, isCrisisSignal } from '../guard/index.js';
import type { GuardDecision, Signal, Transcript, Urgency } from '../guard/types.js';
import type { HandoffService } from '../handoff/handoff-service.js';
import type { Logger } from '../logger.js';
import { citationFromProviderMetadata, confidenceFromProviderMetadata } from '../model/confidence.js';
import type { Store, StoredConversation } from '../store/store.js';
import { updateConversation } from '../store/update-conversation.js';
import type { Tracer, TurnTrace } from '../tracing/tracer.js';
import { assembleMessage } from './assemble-message.js';
import type { HandoffPartData, HandoffReason, HandrailMessageMetadata, HandrailUIMessage } from './conversation.js';
import { createEscalateTool, escalateInputSchema, escalateToolName } from './escalate-tool.js';
import { boundModelContext, type ModelContextOptions } from './model-context.js';
import { messageText, toTranscript } from './transcript.js';

// The same tool with its schema wrapped once: the AI SDK then converts the zod schema to JSON
// Schema on the first turn and reuses it, instead of converting it again for every model call.
const escalateTool = { ...createEscalateTool(), inputSchema: zodSchema(escalateInputSchema) };

/** What the user's stream says when a turn fails after it started (the details go to the log). */
const turnErrorText = 'The assistant could not finish this answer. Please try again.';

/** Everything one chat turn needs; built once by `handrail()` or `createHandrailEngine()`. */
export interface ChatTurnContext {
  model: LanguageModel;
  system: string;
  tools: ToolSet;
  /** The ceiling of model steps in a turn (`isStepCount`). */
  maxSteps: number;
  /** The host's own stop conditions, beside `maxSteps` and a call of `escalate_to_human`. */
  stopWhen?: StopCondition<ToolSet>[];
  /** The host's `prepareStep`; `escalate_to_human` stays active whatever it returns. */
  prepareStep?: PrepareStepFunction<ToolSet>;
  /** How much history the model sees (the brief and the guard see all of it). */
  modelContext?: ModelContextOptions;
  store: Store;
  clock: () => Date;
  logger: Logger;
  tracer: Tracer;
  guard: Guard;
  classifier?: (transcript: Transcript, abortSignal?: AbortSignal) => Promise<Signal[]>;
  holdOutput: boolean;
  modelTimeoutMs: number;
  handoffs: HandoffService;
  generateId: () => string;
  prompt?: { name: string; file: string; hash: string };
}

/** The outcome of a turn once its stream has ended and its state is stored. */
export interface ChatTurnResult {
  conversation: StoredConversation;
  /** The answer shown to the user (bot, handoff notice or agent messages). */
  message: HandrailUIMessage;
  /** The handoff part of this turn, or null when the bot answered. */
  handoff: HandoffPartData | null;
  /** Whether the model was called in this turn. */
  modelCalled: boolean;
}

/** How one turn answers. */
export interface ChatTurnOptions {
  /**
   * While a person has the conversation, repeat the agents' messages since the user's last one
   * in the answer, for clients that do not listen to the conversation's events. `false` for a
   * client that has them already (it sends `x-handrail-live-events`). @default true
   */
  repeatAgentMessages?: boolean;
}

/** A running turn: the UI message stream to send, and its result. */
export interface ChatTurn {
  stream: ReadableStream<UIMessageChunk>;
  result: Promise<ChatTurnResult>;
}

/**
 * Runs one turn for a conversation whose new user message is already stored: the input
 * guard, then (if it passes and the bot has the conversation) the model with its tools and
 * `escalate_to_human`, then the output guard on the held answer. Any failure of the model
 * ends in a handoff with reason `error`, never in silence.
 */
export function runChatTurn(
  context: ChatTurnContext,
  conversation: StoredConversation,
  options: ChatTurnOptions = {},
): ChatTurn {
  const messageId = context.generateId();
  const recorded: UIMessageChunk[] = [];
  let resolveResult!: (result: ChatTurnResult) => void;
  let rejectResult!: (error: unknown) => void;
  const result = new Promise<ChatTurnResult>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  // The result is also observed through the stream; avoid an unhandled rejection when only the stream is read.
  result.catch(() => {});

  // One plain stream, fed by the turn: what `createUIMessageStream` does for an `execute` that
  // only writes (an error becomes an `error` chunk, then the stream closes), without its extra layers.
  let controller!: ReadableStreamDefaultController<UIMessageChunk>;
  const stream = new ReadableStream<UIMessageChunk>({
    start(streamController) {
      controller = streamController;
    },
  });
  const write = (chunk: UIMessageChunk) => {
    recorded.push(chunk);
    try {
      controller.enqueue(chunk);
    } catch {
      // The reader cancelled (the client went away): the turn still finishes and is stored.
    }
  };
  const execute = async () => {
    try {
      const turn = await executeTurn(context, conversation, messageId, write, options);
      const message = await assembleMessage(recorded, messageId, turn.metadata);
      const stored = await appendAssistantMessage(context, conversation.id, message);
      write({ type: 'finish', messageMetadata: turn.metadata });
      resolveResult({ conversation: stored, message, handoff: turn.handoff, modelCalled: turn.modelCalled });
    } catch (error) {
      context.logger.error('chat-turn-error', { conversationId: conversation.id, error: describeError(error) });
      rejectResult(error);
      write({ type: 'error', errorText: turnErrorText });
    }
  };
  execute().finally(() => {
    try {
      controller.close();
    } catch {
      // Already closed by a cancelled reader.
    }
  });

  return { stream, result };
}

interface HandOffOptions {
  decision?: GuardDecision | null;
  urgency?: Urgency;
  outcome?: 'escalated' | 'error';
  modelCalled: boolean;
}

interface TurnOutcome {
  handoff: HandoffPartData | null;
  modelCalled: boolean;
  metadata: HandrailMessageMetadata;
}

async function executeTurn(
  context: ChatTurnContext,
  conversation: StoredConversation,
  messageId: string,
  write: (chunk: UIMessageChunk) => void,
  options: ChatTurnOptions,
): Promise<TurnOutcome> {
  const now = () => context.clock().toISOString();
  const lastUser = [...conversation.messages].reverse().find((message) => message.role === 'user');
  const userText = lastUser ? messageText(lastUser) : '';
  const trace = context.tracer.startTurn({
    conversationId: conversation.id,
    userText,
    turnIndex: conversation.messages.filter((message) => message.role === 'user').length - 1,
  });
  if (context.prompt) trace.prompt(context.prompt);

  write({ type: 'start', messageId });

  // A person has the conversation (or the bot is collecting details for them): the model stays silent.
  if (conversation.state !== 'bot' && conversation.state !== 'resolved') {
    // The guard still reads every message: a crisis while waiting makes the handoff critical.
    const waiting = context.guard.check(toTranscript(conversation.messages), 'input');
    const crisis = waiting.reasons.filter(isCrisisSignal);
    const part =
      crisis.length > 0
        ? await context.handoffs.raiseToCrisis(conversation, {
            reasons: reasonsFromSignals(crisis),
            urgency: 'critical',
            ...(waiting.userMessage ? { userMessage: waiting.userMessage } : {}),
          })
        : await context.handoffs.continueHandoff(conversation, userText);
    // What the user adds after the handoff reaches the brief (a failure here must not cost the answer).
    if (crisis.length === 0) {
      await context.handoffs
        .updateBrief(conversation.id, reasonsFromSignals(waiting.reasons))
        .catch((error) =>
          context.logger.warn('brief-update-failed', { conversationId: conversation.id, error: String(error) }),
        );
    }
    writeHandoff(write, part, context.generateId);
    if (options.repeatAgentMessages !== false) writeAgentMessagesSinceLastTurn(write, conversation, context.generateId);
    trace.end({ outcome: 'human', output: part.message });
    return { handoff: part, modelCalled: false, metadata: { author: 'system', createdAt: now() } };
  }

  const transcript = toTranscript(conversation.messages);
  const inputStarted = performance.now();
  const inputDecision = context.guard.check(transcript, 'input');
  trace.guard('input', inputDecision, performance.now() - inputStarted);
  context.logger.debug('guard-input', summarizeDecision(conversation.id, inputDecision));

  /** Hands the conversation off, writes the handoff part and its message, and ends the turn's trace. */
  const handOff = async (
    reasons: HandoffReason[],
    { decision = null, urgency, outcome = 'escalated', modelCalled }: HandOffOptions,
  ): Promise<TurnOutcome> => {
    const part = await startHandoff(context, conversation, reasons, decision, trace, urgency);
    writeHandoff(write, part, context.generateId);
    trace.end({ outcome, output: part.message });
    return { handoff: part, modelCalled, metadata: { author: 'system', createdAt: now() } };
  };

  if (inputDecision.escalate) {
    return handOff(reasonsFromDecision(inputDecision), { decision: inputDecision, modelCalled: false });
  }

  // The model, with the classifier (when configured) running beside it.
  const abortController = new AbortController();
  const deadline = setTimeout(
    () => abortController.abort(new Error(`The model did not answer within ${context.modelTimeoutMs} ms.`)),
    context.modelTimeoutMs,
  );
  const classifierSignals = context.classifier
    ? context.classifier(transcript, abortController.signal).catch(() => [] as Signal[])
    : Promise.resolve([] as Signal[]);

  const held: UIMessageChunk[] = [];
  const emit = (chunk: UIMessageChunk) => (context.holdOutput ? held.push(chunk) : write(chunk));
  let text = '';
  let escalation: { reason: HandoffReason; urgency: Urgency } | null = null;
  let providerMetadata: unknown;
  let modelError: unknown = null;

  try {
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
  } catch (error) {
    modelError = error;
  } finally {
    clearTimeout(deadline);
  }

  // A model that ends without a word (nothing but failed tool calls, an empty stream) has failed too: no empty bubble.
  if (!modelError && !escalation && !text.trim())
    modelError = new Error('The model ended its answer without any text.');

  if (modelError) {
    context.logger.warn('model-error', { conversationId: conversation.id, error: describeError(modelError) });
    // The reason reaches the user's stream and the brief: the provider's own message (which may quote
    // request details) stays in the log.
    const detail = abortController.signal.aborted
      ? `The model did not answer within ${context.modelTimeoutMs} ms.`
      : `The model failed (${modelError instanceof Error ? modelError.name : 'error'}).`;
    return handOff([{ reason: 'error', source: 'system', detail }], { outcome: 'error', modelCalled: true });
  }

  if (escalation) {
    for (const chunk of held) if (chunk.type.startsWith('tool-')) write(chunk);
    const extra = await classifierSignals;
    const reasons = [escalation.reason, ...reasonsFromSignals(context.guard.decide(extra).reasons)];
    return handOff(reasons, { urgency: escalation.urgency, modelCalled: true });
  }

  // The output guard judges the finished answer before it is shown.
  const confidence = confidenceFromProviderMetadata(providerMetadata);
  const citation = citationFromProviderMetadata(providerMetadata);
  const fallback = isFallback(providerMetadata);
  const answered: Transcript = [
    ...transcript,
    {
      role: 'assistant',
      author: 'bot',
      content: text,
      ...(confidence !== undefined ? { confidence } : {}),
      ...(fallback ? { fallback } : {}),
    },
  ];
  const outputStarted = performance.now();
  const outputDecision = context.guard.check(answered, 'output');
  const extraSignals = await classifierSignals;
  const decision =
    extraSignals.length > 0 ? context.guard.decide([...outputDecision.signals, ...extraSignals]) : outputDecision;
  trace.guard('output', decision, performance.now() - outputStarted);
  context.logger.debug('guard-output', summarizeDecision(conversation.id, decision));

  if (decision.escalate) {
    return handOff(reasonsFromDecision(decision), { decision, modelCalled: true });
  }

  for (const chunk of held) write(chunk);
  trace.end({ outcome: 'answered', output: text });
  return {
    handoff: null,
    modelCalled: true,
    metadata: {
      author: 'bot',
      createdAt: now(),
      ...(confidence !== undefined ? { confidence } : {}),
      ...(citation ? { citation } : {}),
      ...(fallback ? { fallback } : {}),
    },
  };
}

async function startHandoff(
  context: ChatTurnContext,
  conversation: StoredConversation,
  reasons: HandoffReason[],
  decision: GuardDecision | null,
  trace: TurnTrace,
  urgency?: Urgency,
): Promise<HandoffPartData> {
  const topic = decision?.reasons.find((signal) => signal.topic)?.topic;
  const outcome = await context.handoffs.startHandoff(conversation.id, {
    reasons,
    urgency: maxUrgency(urgency ?? 'normal', decision?.urgency ?? 'normal'),
    ...(topic ? { topic } : {}),
    ...(decision?.userMessage ? { userMessage: decision.userMessage } : {}),
  });
  if (outcome.record) trace.handoff(outcome.record);
  return outcome.part;
}

const urgencyOrder: Urgency[] = ['low', 'normal', 'high', 'critical'];
function maxUrgency(a: Urgency, b: Urgency): Urgency {
  return urgencyOrder.indexOf(a) >= urgencyOrder.indexOf(b) ? a : b;
}

function reasonsFromSignals(signals: Signal[]): HandoffReason[] {
  return signals.map((signal) => ({
    reason: signal.reason,
    source: 'guard' as const,
    detail: signal.detail,
    score: signal.score,
    evidence: signal.evidence,
  }));
}

function reasonsFromDecision(decision: GuardDecision): HandoffReason[] {
  return reasonsFromSignals(decision.reasons);
}

function escalationFromToolCall(input: unknown): { reason: HandoffReason; urgency: Urgency } {
  const parsed = escalateInputSchema.safeParse(input);
  if (!parsed.success) {
    // A malformed call still means the model wanted a person: honour it.
    return {
      reason: {
        reason: 'model_decision',
        source: 'model',
        detail: 'The model asked for a person (malformed tool input).',
      },
      urgency: 'normal',
    };
  }
  const reason = parsed.data.reason === 'error' ? 'model_decision' : parsed.data.reason;
  return {
    reason: { reason, source: 'model', detail: parsed.data.summary || 'The model asked for a person.' },
    urgency: parsed.data.urgency,
  };
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

function isFallback(metadata: unknown): boolean {
  const handrail = (metadata as { handrail?: { fallback?: unknown } } | undefined)?.handrail;
  return handrail?.fallback === true;
}

/** The conversation as the model sees it: text turns only, agents' answers included. */
function writeHandoff(write: (chunk: UIMessageChunk) => void, part: HandoffPartData, generateId: () => string) {
  write({ type: 'data-handoff', id: generateId(), data: part } as UIMessageChunk);
  if (!part.message) return;
  const textId = generateId();
  write({ type: 'text-start', id: textId });
  write({ type: 'text-delta', id: textId, delta: part.message });
  write({ type: 'text-end', id: textId });
}

/** Agent messages the user may not have seen yet: those since their previous message. */
function writeAgentMessagesSinceLastTurn(
  write: (chunk: UIMessageChunk) => void,
  conversation: StoredConversation,
  generateId: () => string,
) {
  const messages = conversation.messages;
  let previousUser = -1;
  for (let index = messages.length - 2; index >= 0; index--) {
    if (messages[index]?.role === 'user') {
      previousUser = index;
      break;
    }
  }
  for (const message of messages.slice(previousUser + 1, -1)) {
    if (message.metadata?.author !== 'agent') continue;
    const id = generateId();
    write({ type: 'text-start', id });
    write({ type: 'text-delta', id, delta: `${message.metadata.agentName ?? 'Agent'}: ${messageText(message)}` });
    write({ type: 'text-end', id });
  }
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

async function appendAssistantMessage(
  context: ChatTurnContext,
  conversationId: string,
  message: HandrailUIMessage,
): Promise<StoredConversation> {
  const stored = await updateConversation(context.store, conversationId, (current) =>
    current ? { ...current, messages: [...current.messages, message], updatedAt: context.clock().toISOString() } : null,
  );
  if (!stored) throw new Error(`Conversation ${conversationId} disappeared during the turn.`);
  return stored;
}

function summarizeDecision(conversationId: string, decision: GuardDecision) {
  return {
    conversationId,
    escalate: decision.escalate,
    urgency: decision.urgency,
    reasons: decision.reasons.map((signal) => `${signal.reason}:${signal.score.toFixed(2)}`),
  };
}

/** A short description of an error for logs and briefs, without stack traces or secrets. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}
