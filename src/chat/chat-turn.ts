import type { UIMessageChunk } from 'ai';
import type { GuardState } from '../guard/state/guard-state.js';
import type { GuardDecision, Urgency } from '../guard/types.js';
import type { StoredConversation } from '../store/store.js';
import type { TurnTrace } from '../tracing/tracer.js';
import type { ChatTurnContext } from './chat-turn-context.js';
import { commitTurnStep } from './commit-turn-step.js';
import type { HandoffPartData, HandoffReason, HandrailMessageMetadata, HandrailUIMessage } from './conversation.js';
import { maxUrgency, reasonsFromDecision, reasonsFromSignals } from './handoff-reasons.js';
import { inputGuardStep } from './input-guard-step.js';
import { modelStep } from './model-step.js';
import { outputGuardStep } from './output-guard-step.js';
import { isWithPeople, peopleStep } from './people-step.js';
import { messageText, toTranscript } from './transcript.js';
import { createTurnOutput, type WriteChunk } from './turn-output.js';
import { writeAgentMessagesSinceLastTurn, writeHandoff } from './turn-stream.js';

export type { ChatTurnContext } from './chat-turn-context.js';

/** What the user's stream says when a turn fails after it started (the details go to the log). */
const turnErrorText = 'The assistant could not finish this answer. Please try again.';

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

/**
 * A running turn: its answer, read once as UI message chunks (`stream`) or as the SSE bytes of
 * the UI message stream protocol (`sseStream()`), and its result (which needs neither read).
 */
export interface ChatTurn {
  /** The answer's UI message chunks. */
  readonly stream: ReadableStream<UIMessageChunk>;
  /** The answer as the body of a UI message stream response (what `createUIMessageStreamResponse` sends). */
  sseStream(): ReadableStream<Uint8Array>;
  result: Promise<ChatTurnResult>;
}

/**
 * Runs one turn for a conversation whose new user message is already stored: the input
 * guard, then (if it passes and the bot has the conversation) the model with its tools and
 * `escalate_to_human`, then the output guard on the held answer, then the commit of the answer.
 * Any failure of the model ends in a handoff with reason `error`, never in silence.
 */
export function runChatTurn(
  context: ChatTurnContext,
  conversation: StoredConversation,
  options: ChatTurnOptions = {},
): ChatTurn {
  const messageId = context.generateId();
  const recorded: UIMessageChunk[] = [];
  const output = createTurnOutput();
  const write: WriteChunk = (chunk) => {
    recorded.push(chunk);
    output.write(chunk);
  };
  const execute = async (): Promise<ChatTurnResult> => {
    try {
      const turn = await executeTurn(context, conversation, messageId, write, options);
      const committed = await commitTurnStep(
        context,
        conversation.id,
        recorded,
        messageId,
        turn.metadata,
        turn.guardState,
      );
      write({ type: 'finish', messageMetadata: turn.metadata });
      return { ...committed, handoff: turn.handoff, modelCalled: turn.modelCalled };
    } catch (error) {
      context.logger.error('chat-turn-error', { conversationId: conversation.id, error: describeError(error) });
      write({ type: 'error', errorText: turnErrorText });
      throw error;
    }
  };
  const result = execute().finally(output.close);
  // The result is also observed through the stream; avoid an unhandled rejection when only the stream is read.
  result.catch(() => {});
  let chunks: ReadableStream<UIMessageChunk> | undefined;
  return {
    get stream() {
      chunks ??= output.chunks();
      return chunks;
    },
    sseStream: output.sse,
    result,
  };
}

interface TurnOutcome {
  handoff: HandoffPartData | null;
  modelCalled: boolean;
  metadata: HandrailMessageMetadata;
  /** The guard's state of the transcript as committed (kept with the conversation); none when no guard ran. */
  guardState?: GuardState;
}

/** The turn as a pipeline: with people, or input guard, model step(s), output guard. */
async function executeTurn(
  context: ChatTurnContext,
  conversation: StoredConversation,
  messageId: string,
  write: WriteChunk,
  options: ChatTurnOptions,
): Promise<TurnOutcome> {
  const lastUser = [...conversation.messages].reverse().find((message) => message.role === 'user');
  const userText = lastUser ? messageText(lastUser) : '';
  const trace = context.tracer.startTurn({
    conversationId: conversation.id,
    userText,
    turnIndex: conversation.messages.filter((message) => message.role === 'user').length - 1,
  });
  if (context.prompt) trace.prompt(context.prompt);
  write({ type: 'start', messageId });
  const systemNotice = (part: HandoffPartData, modelCalled: boolean): TurnOutcome => ({
    handoff: part,
    modelCalled,
    metadata: { author: 'system', createdAt: context.clock().toISOString() },
  });

  if (isWithPeople(conversation)) {
    const part = await peopleStep(context, conversation, userText);
    writeHandoff(write, part, context.generateId);
    if (options.repeatAgentMessages !== false) writeAgentMessagesSinceLastTurn(write, conversation, context.generateId);
    trace.end({ outcome: 'human', output: part.message });
    return systemNotice(part, false);
  }

  /** Hands the conversation off, writes the handoff part and its message, and ends the turn's trace. */
  const handOff = async (reasons: HandoffReason[], how: HandOffOptions): Promise<TurnOutcome> => {
    const part = await startHandoff(context, conversation.id, reasons, how, trace);
    writeHandoff(write, part, context.generateId);
    trace.end({ outcome: how.outcome ?? 'escalated', output: part.message });
    return systemNotice(part, how.modelCalled);
  };

  const transcript = toTranscript(conversation.messages);
  const { decision: input, state: inputState } = inputGuardStep(
    context,
    conversation.id,
    transcript,
    trace,
    conversation.guardState,
  );
  // A handoff's notice is not a transcript turn: the state of the input is the one kept.
  const withState = (outcome: Promise<TurnOutcome>) => outcome.then((turn) => ({ ...turn, guardState: inputState }));
  if (input.escalate) return withState(handOff(reasonsFromDecision(input), { decision: input, modelCalled: false }));

  const { outcome, besideSignals } = await modelStep(context, transcript, trace, write);
  if (outcome.kind === 'failed') {
    context.logger.warn('model-error', { conversationId: conversation.id, error: describeError(outcome.error) });
    // The reason reaches the user's stream and the brief: the provider's own message stays in the log.
    const reason: HandoffReason = { reason: 'error', source: 'system', detail: outcome.detail };
    return withState(handOff([reason], { outcome: 'error', modelCalled: true }));
  }
  if (outcome.kind === 'escalated') {
    for (const chunk of outcome.held) if (chunk.type.startsWith('tool-')) write(chunk);
    const extra = context.guard.decide(await besideSignals).reasons;
    const reasons = [outcome.escalation.reason, ...reasonsFromSignals(extra)];
    return withState(handOff(reasons, { urgency: outcome.escalation.urgency, modelCalled: true }));
  }

  const output = outputGuardStep(context, conversation.id, transcript, outcome, await besideSignals, trace, inputState);
  if (output.decision.escalate) {
    return withState(handOff(reasonsFromDecision(output.decision), { decision: output.decision, modelCalled: true }));
  }
  for (const chunk of outcome.held) write(chunk);
  trace.end({ outcome: 'answered', output: outcome.text });
  return { handoff: null, modelCalled: true, metadata: output.metadata, guardState: output.state };
}

interface HandOffOptions {
  decision?: GuardDecision | null;
  urgency?: Urgency;
  outcome?: 'escalated' | 'error';
  modelCalled: boolean;
}

async function startHandoff(
  context: ChatTurnContext,
  conversationId: string,
  reasons: HandoffReason[],
  { decision = null, urgency }: HandOffOptions,
  trace: TurnTrace,
): Promise<HandoffPartData> {
  const topic = decision?.reasons.find((signal) => signal.topic)?.topic;
  const outcome = await context.handoffs.startHandoff(conversationId, {
    reasons,
    urgency: maxUrgency(urgency ?? 'normal', decision?.urgency ?? 'normal'),
    ...(topic ? { topic } : {}),
    ...(decision?.userMessage ? { userMessage: decision.userMessage } : {}),
  });
  if (outcome.record) trace.handoff(outcome.record);
  return outcome.part;
}

/** A short description of an error for logs and briefs, without stack traces or secrets. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}
