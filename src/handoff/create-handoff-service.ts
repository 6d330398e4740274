import type { BriefWriter } from '../brief/index.js';
import type { HandoffPartData } from '../chat/conversation.js';
import { toTranscript } from '../chat/transcript.js';
import { ConversationNotFoundError } from '../errors/conversation-not-found-error.js';
import { HandoffStateError } from '../errors/handoff-state-error.js';
import type { Logger } from '../logger.js';
import type { Outbox } from '../notify/index.js';
import type { Team } from '../routing/index.js';
import type { CustomerIdentity, Store, StoredConversation } from '../store/store.js';
import {
  type CommittedEvent,
  commitHandoffEvent,
  type HandoffCommitContext,
  writeModelBrief,
} from './commit-handoff-event.js';
import { contactFromText } from './contact-from-text.js';
import { languageOf, partReasons, waitingPart } from './handoff-parts.js';
import { hasOpenHandoff } from './handoff-phase.js';
import { createHandoffRouting, type HandoffRoutingSource } from './handoff-routing.js';
import type { AgentIdentity, HandoffOutcome, HandoffRequest, HandoffService } from './handoff-service.js';
import type { HandoffRouting, HandoffTransitionEvent } from './handoff-transition-event.js';
import { crisisMessage, offlineMessage } from './messages.js';
import { nextPreHandoffQuestion, type PreHandoffField } from './pre-handoff-questions.js';
import { openHandoff, raisedHandoff } from './transitions.js';

export { contactFromText } from './contact-from-text.js';

/** Dependencies of {@link createHandoffService}. */
export interface HandoffServiceOptions {
  store: Store;
  clock: () => Date;
  logger: Logger;
  generateId: () => string;
  teams: Team[];
  /** Null when no notifier is configured. */
  outbox: Outbox | null;
  briefWriter: BriefWriter | null;
  preHandoffQuestions: PreHandoffField[];
  defaultHandlingSeconds: number;
  consoleUrl?: string;
  /** Keeps background work (model brief, notifications) alive after the response. */
  waitUntil: (promise: Promise<unknown>) => void;
}

/** What the service's steps share: the commit context, the routing source and the options. */
interface HandoffRuntime extends HandoffCommitContext {
  options: HandoffServiceOptions;
  routing: HandoffRoutingSource;
}

/**
 * Creates the handoff lifecycle. Each method loads the conversation, computes what needs I/O
 * (routing, the wait), applies one transition (`transitions.ts`) and writes it with its
 * notifications in one conditional write, so two escalations of one conversation make one
 * handoff and two claims give it to one agent; background work (the model brief, the outbox) follows.
 */
export function createHandoffService(options: HandoffServiceOptions): HandoffService {
  const runtime: HandoffRuntime = { ...options, options, routing: createHandoffRouting(options) };
  return {
    startHandoff: (conversationId, request) => startHandoff(runtime, conversationId, request),
    continueHandoff: (conversation, userText) => continueHandoff(runtime, conversation, userText),
    raiseToCrisis: (conversation, request) => raiseToCrisis(runtime, conversation, request),
    updateBrief: async (conversationId, newReasons) => {
      await commitHandoffEvent(runtime, conversationId, { type: 'brief_updated', reasons: newReasons });
    },
    submitContact: (conversationId, contact) => submitContact(runtime, conversationId, contact),
    claim: (conversationId, agent) => agentAction(runtime, conversationId, { type: 'claim', agent }),
    sendAgentMessage: (conversationId, agent, text) =>
      agentAction(runtime, conversationId, { type: 'agent_message', agent, text }),
    resolve: async (conversationId, agent, to) => {
      const stored = await agentAction(runtime, conversationId, {
        type: to === 'bot' ? 'resolve_to_bot' : 'close',
        agent,
      });
      if (stored.handoff) runtime.routing.recordHandling(stored.handoff);
      return stored;
    },
  };
}

async function mustGet(runtime: HandoffRuntime, conversationId: string): Promise<StoredConversation> {
  const conversation = await runtime.store.getConversation(conversationId);
  if (!conversation) throw new ConversationNotFoundError({ conversationId });
  return conversation;
}

/** The outcome for a conversation that has its handoff already. */
function notCreated(conversation: StoredConversation): HandoffOutcome {
  return { part: waitingPart(conversation), record: conversation.handoff, conversation, created: false };
}

/** After a handoff completed (routed and announced): the model brief in the background, and a log line. */
function afterRouted(runtime: HandoffRuntime, stored: StoredConversation, routing: HandoffRouting) {
  writeModelBrief(runtime, runtime.options.briefWriter, stored);
  runtime.logger.info('handoff-routed', {
    conversationId: stored.id,
    handoffId: stored.handoff?.id,
    team: stored.handoff?.team ?? null,
    available: routing.route ? routing.route.available : true,
    why: routing.route?.why ?? 'no teams configured',
  });
}

async function startHandoff(
  runtime: HandoffRuntime,
  conversationId: string,
  request: HandoffRequest,
): Promise<HandoffOutcome> {
  const at = runtime.clock();
  const handoffId = runtime.generateId();
  const current = await mustGet(runtime, conversationId);
  if (hasOpenHandoff(current)) return notCreated(current);
  const question =
    request.urgency === 'critical'
      ? null
      : nextPreHandoffQuestion({
          required: runtime.options.preHandoffQuestions,
          transcript: toTranscript(current.messages),
          asked: [],
          urgency: request.urgency,
        });
  runtime.logger.info('handoff-start', {
    conversationId,
    handoffId,
    urgency: request.urgency,
    reasons: request.reasons.map((reason) => reason.reason),
  });
  let routing: HandoffRouting | undefined;
  if (!question) {
    const preview = openHandoff(current, { id: handoffId, at, request });
    routing = await runtime.routing.route(preview, preview.handoff, request.topic);
  }
  const event: HandoffTransitionEvent = {
    type: 'escalate',
    handoffId,
    request,
    ...(question ? { question } : {}),
    ...(routing ? { routing } : {}),
  };
  const { stored, accepted } = await commitHandoffEvent(runtime, conversationId, event);
  if (!stored) throw new ConversationNotFoundError({ conversationId });
  // Another request opened a handoff first: the outcome is that one, not created.
  if (!accepted || stored.handoff?.id !== handoffId) return notCreated(stored);
  if (routing) afterRouted(runtime, stored, routing);
  return { part: accepted.notices[0]!, record: stored.handoff, conversation: stored, created: true };
}

async function continueHandoff(
  runtime: HandoffRuntime,
  conversation: StoredConversation,
  userText: string,
): Promise<HandoffPartData> {
  const handoff = conversation.handoff;
  if (!handoff) return waitingPart(conversation);
  if (handoff.collecting) return answerQuestion(runtime, conversation);
  if (!handoff.awaitingContact) return waitingPart(conversation);
  const contact = contactFromText(userText);
  if (contact.email) return (await submitContact(runtime, conversation.id, contact)).part;
  const team = runtime.options.teams.find((candidate) => candidate.id === handoff.team);
  const { route } = await runtime.routing.route(conversation, handoff);
  const now = runtime.clock();
  return {
    status: 'offline',
    reasons: partReasons(handoff.reasons),
    ...(handoff.team ? { team: handoff.team } : {}),
    message: offlineMessage({
      language: languageOf(conversation),
      replyBy: route?.replyBy ?? now,
      now,
      timeZone: team?.businessHours.timeZone ?? 'UTC',
      needsContact: true,
    }),
  };
}

/** The user answered a pre-handoff question: the next one (at most two in all), or the handoff completes. */
async function answerQuestion(runtime: HandoffRuntime, conversation: StoredConversation): Promise<HandoffPartData> {
  const handoff = conversation.handoff!;
  const asked = handoff.askedQuestions ?? [];
  const next =
    asked.length >= 2
      ? null
      : nextPreHandoffQuestion({
          required: runtime.options.preHandoffQuestions,
          transcript: toTranscript(conversation.messages),
          asked,
          urgency: handoff.urgency,
        });
  if (next) {
    await commitHandoffEvent(runtime, conversation.id, {
      type: 'question_answered',
      handoffId: handoff.id,
      nextQuestion: next,
    });
    return { status: 'collecting', reasons: partReasons(handoff.reasons), message: next.question };
  }
  const current = await mustGet(runtime, conversation.id);
  const pending = current.handoff;
  if (!pending) throw new HandoffStateError({ code: 'no_handoff', message: 'The conversation has no handoff.' });
  const routing = await runtime.routing.route(current, pending);
  const event = { type: 'question_answered', handoffId: pending.id, routing } as const;
  const committed = await commitHandoffEvent(runtime, conversation.id, event);
  return routedPart(runtime, committed, routing);
}

/** The notice of a committed completion (throws when the handoff changed meanwhile). */
function routedPart(runtime: HandoffRuntime, committed: CommittedEvent, routing: HandoffRouting): HandoffPartData {
  const { stored, accepted, rejection } = committed;
  if (!stored || rejection?.rejected === 'handoff_changed') {
    throw new HandoffStateError({ code: 'handoff_changed', message: 'The handoff changed meanwhile.' });
  }
  if (!accepted) {
    // Another request completed it first: the user is told what it became.
    return waitingPart(stored);
  }
  afterRouted(runtime, stored, routing);
  return accepted.notices[0]!;
}

async function raiseToCrisis(
  runtime: HandoffRuntime,
  conversation: StoredConversation,
  request: HandoffRequest,
): Promise<HandoffPartData> {
  const current = (await runtime.store.getConversation(conversation.id)) ?? conversation;
  const message = request.userMessage ?? crisisMessage({ language: languageOf(current) });
  const handoff = current.handoff;
  let routing: HandoffRouting | undefined;
  // Still collecting details: the questions stop and the handoff completes in the same write, critical.
  if (handoff?.collecting && handoff.urgency !== 'critical' && hasOpenHandoff(current)) {
    const raised = { ...current, handoff: raisedHandoff(handoff, request, runtime.clock()) };
    routing = await runtime.routing.route(raised, raised.handoff, request.topic);
  }
  const event = { type: 'raise_to_crisis', request, ...(routing ? { routing } : {}) } as const;
  const committed = await commitHandoffEvent(runtime, conversation.id, event);
  const { stored, accepted } = committed;
  if (!stored || !accepted) return { ...waitingPart(stored ?? current), message };
  runtime.logger.info('handoff-escalated', { conversationId: conversation.id, handoffId: stored.handoff?.id });
  if (routing && accepted.notifications[0] !== 'handoff.escalated') return routedPart(runtime, committed, routing);
  return accepted.notices[0]!;
}

async function submitContact(
  runtime: HandoffRuntime,
  conversationId: string,
  contact: CustomerIdentity,
): Promise<HandoffOutcome> {
  const conversation = await mustGet(runtime, conversationId);
  const handoff = conversation.handoff;
  if (!handoff || !hasOpenHandoff(conversation)) {
    throw new HandoffStateError({ code: 'no_handoff', message: 'The conversation is not waiting for a person.' });
  }
  const team = runtime.options.teams.find((candidate) => candidate.id === handoff.team);
  const { route } = await runtime.routing.route(conversation, handoff);
  const { stored, accepted, rejection } = await commitHandoffEvent(runtime, conversationId, {
    type: 'contact_submitted',
    handoffId: handoff.id,
    contact,
    ...(route?.replyBy ? { replyBy: route.replyBy } : {}),
    timeZone: team?.businessHours.timeZone ?? 'UTC',
  });
  if (!stored?.handoff || !accepted) {
    throw new HandoffStateError({
      code: rejection?.rejected ?? 'handoff_changed',
      message: rejection?.message ?? 'The handoff changed meanwhile.',
    });
  }
  const created = accepted.notifications.includes('ticket.created');
  if (created) writeModelBrief(runtime, runtime.options.briefWriter, stored);
  return { part: accepted.notices[0]!, record: stored.handoff, conversation: stored, created };
}

/** An agent's claim, message or resolve: applied, or refused with the transition's code (answered 409). */
async function agentAction(
  runtime: HandoffRuntime,
  conversationId: string,
  event: Extract<HandoffTransitionEvent, { agent: AgentIdentity }>,
): Promise<StoredConversation> {
  const { stored, rejection } = await commitHandoffEvent(runtime, conversationId, event);
  if (!stored) throw new ConversationNotFoundError({ conversationId });
  // Claiming a conversation one has already is no change.
  if (rejection && rejection.rejected !== 'already_yours') {
    throw new HandoffStateError({ code: rejection.rejected, message: rejection.message });
  }
  return stored;
}
