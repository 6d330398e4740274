import { buildExtractiveBrief, type HandoffBrief } from '../brief/index.js';
import type { HandoffPartData } from '../chat/conversation.js';
import { detectLanguage } from '../guard/index.js';
import type { HandoffRecord, StoredConversation } from '../store/store.js';
import { completeHandoff } from './complete-handoff.js';
import { briefInput, languageOf, partReasons, waitingPart } from './handoff-parts.js';
import { handoffPhaseOf, hasOpenHandoff } from './handoff-phase.js';
import { type HandoffRequest, handoffNotice, lastUserText } from './handoff-service.js';
import type {
  AcceptedTransition,
  HandoffRouting,
  HandoffTransitionEvent,
  HandoffTransitionEventType,
  RejectedTransition,
  TransitionResult,
} from './handoff-transition-event.js';
import {
  agentJoinedMessage,
  backToBotMessage,
  closedMessage,
  crisisMessage,
  formatReplyBy,
  ticketCreatedMessage,
} from './messages.js';

type EventOf<T extends HandoffTransitionEventType> = Extract<HandoffTransitionEvent, { type: T }>;
type WithHandoff = StoredConversation & { handoff: HandoffRecord };
type Apply<T extends HandoffTransitionEventType> = (
  conversation: StoredConversation,
  event: EventOf<T>,
  now: Date,
  ids: () => string,
) => TransitionResult;

const reject = (rejected: string, message: string): RejectedTransition => ({ rejected, message });
const accept = (
  conversation: StoredConversation,
  notifications: AcceptedTransition['notifications'] = [],
  notices: HandoffPartData[] = [],
): AcceptedTransition => ({ conversation, notifications, notices });
const handoffChanged = () => reject('handoff_changed', 'The handoff changed meanwhile.');
const routingMissing = () => reject('routing_required', 'Completing a handoff needs its routing.');

/** The conversation with a new handoff opened on it (queued, with the extractive brief). */
export function openHandoff(
  current: StoredConversation,
  opened: { id: string; at: Date; request: HandoffRequest; question?: string },
): WithHandoff {
  const record: HandoffRecord = {
    id: opened.id,
    createdAt: opened.at.toISOString(),
    reasons: opened.request.reasons,
    urgency: opened.request.urgency,
    team: null,
    brief: null,
    ...(opened.question ? { collecting: true, askedQuestions: [opened.question] } : {}),
  };
  const withRecord: WithHandoff = {
    ...current,
    language: current.language ?? detectLanguage(lastUserText(current)),
    state: 'queued',
    handoff: record,
    pastHandoffs: current.handoff ? [...(current.pastHandoffs ?? []), current.handoff] : current.pastHandoffs,
    updatedAt: opened.at.toISOString(),
  };
  record.brief = buildExtractiveBrief(briefInput(withRecord, record, opened.request.topic));
  record.briefSource = 'extractive';
  return withRecord;
}

/** The handoff raised to critical by a crisis: the crisis reasons first, the questions stopped. */
export function raisedHandoff(handoff: HandoffRecord, request: HandoffRequest, at: Date): HandoffRecord {
  const known = new Set(handoff.reasons.map((reason) => reason.reason));
  const { collecting: _asking, ...rest } = handoff;
  return {
    ...rest,
    urgency: 'critical',
    reasons: [...request.reasons.filter((reason) => !known.has(reason.reason)), ...handoff.reasons],
    escalatedAt: at.toISOString(),
  };
}

function routed(conversation: WithHandoff, routing: HandoffRouting, now: Date, ids: () => string, message?: string) {
  const done = completeHandoff(conversation, routing, now, ids, message);
  return accept(done.conversation, [done.notification], [done.part]);
}

const escalate: Apply<'escalate'> = (current, event, now, ids) => {
  if (hasOpenHandoff(current)) return reject('handoff_open', 'The conversation has an open handoff.');
  const { request, question } = event;
  const opened = openHandoff(current, {
    id: event.handoffId,
    at: now,
    request,
    ...(question ? { question: question.field } : {}),
  });
  // Questions first: nothing is announced until they are answered and the handoff completes.
  if (question) {
    return accept(
      opened,
      [],
      [{ status: 'collecting', reasons: partReasons(request.reasons), message: question.question }],
    );
  }
  if (!event.routing) return routingMissing();
  const message =
    request.urgency === 'critical'
      ? (request.userMessage ?? crisisMessage({ language: languageOf(current) }))
      : request.userMessage;
  return routed(opened, event.routing, now, ids, message);
};

const questionAnswered: Apply<'question_answered'> = (current, event, now, ids) => {
  if (handoffPhaseOf(current) !== 'collecting' || !current.handoff) {
    return reject('not_collecting', 'The handoff is not collecting details.');
  }
  const handoff = current.handoff;
  if (handoff.id !== event.handoffId) return handoffChanged();
  const next = event.nextQuestion;
  if (next) {
    const askedQuestions = [...(handoff.askedQuestions ?? []), next.field];
    return accept(
      { ...current, handoff: { ...handoff, askedQuestions } },
      [],
      [{ status: 'collecting', reasons: partReasons(handoff.reasons), message: next.question }],
    );
  }
  if (!event.routing) return routingMissing();
  return routed({ ...current, handoff }, event.routing, now, ids);
};

const contactSubmitted: Apply<'contact_submitted'> = (current, event, now, ids) => {
  const handoff = current.handoff;
  if (!handoff || !hasOpenHandoff(current)) {
    return reject('no_handoff', 'The conversation is not waiting for a person.');
  }
  if (handoff.id !== event.handoffId) return handoffChanged();
  const { contact } = event;
  const at = now.toISOString();
  const ticket = handoff.ticket ?? {
    id: `T-${ids().slice(0, 10).toUpperCase()}`,
    createdAt: at,
    replyBy: (event.replyBy ?? now).toISOString(),
    ...(contact.name ? { name: contact.name } : {}),
    ...(contact.email ? { email: contact.email } : {}),
  };
  const next: StoredConversation = {
    ...current,
    identity: { ...current.identity, ...contact },
    handoff: { ...handoff, ticket, awaitingContact: false },
    updatedAt: at,
  };
  const language = languageOf(next);
  const created = ticketCreatedMessage({
    language,
    ticketId: ticket.id,
    ...(ticket.email ? { email: ticket.email } : {}),
  });
  const replyBy = formatReplyBy({ language, replyBy: new Date(ticket.replyBy), now, timeZone: event.timeZone });
  const part: HandoffPartData = {
    status: 'offline',
    reasons: partReasons(handoff.reasons),
    ...(handoff.team ? { team: handoff.team } : {}),
    ticketId: ticket.id,
    message: `${created} (${replyBy})`,
  };
  return accept(next, handoff.ticket ? [] : ['ticket.created'], [part]);
};

const claim: Apply<'claim'> = (current, { agent }, now, ids) => {
  const handoff = current.handoff;
  if (!handoff || !hasOpenHandoff(current)) {
    return reject('not_handed_off', 'The conversation is not waiting for a person.');
  }
  if (handoff.agentId === agent.id) return reject('already_yours', 'You have claimed this conversation already.');
  if (handoff.agentId || current.state !== 'queued') {
    return reject('already_claimed', 'Another agent has already claimed this conversation.');
  }
  const at = now.toISOString();
  const notice: HandoffPartData = {
    status: 'assigned',
    reasons: partReasons(handoff.reasons),
    ...(handoff.team ? { team: handoff.team } : {}),
    message: agentJoinedMessage({ language: languageOf(current), agentName: agent.name ?? agent.id }),
  };
  const next: StoredConversation = {
    ...current,
    state: 'assigned',
    handoff: { ...handoff, agentId: agent.id, claimedAt: at, collecting: false, awaitingContact: false },
    messages: [...current.messages, handoffNotice(ids(), notice, at)],
    updatedAt: at,
  };
  return accept(next, ['handoff.claimed'], [notice]);
};

const agentMessage: Apply<'agent_message'> = (current, { agent, text }, now, ids) => {
  const handoff = current.handoff;
  if (!handoff || (current.state !== 'assigned' && current.state !== 'human')) {
    return reject('not_claimed', 'Claim the conversation before writing to the user.');
  }
  if (handoff.agentId !== agent.id) return reject('claimed_by_other', 'Another agent has this conversation.');
  const at = now.toISOString();
  const metadata = { author: 'agent' as const, agentId: agent.id, agentName: agent.name ?? agent.id, createdAt: at };
  return accept({
    ...current,
    state: 'human',
    handoff: { ...handoff, firstAgentReplyAt: handoff.firstAgentReplyAt ?? at },
    messages: [...current.messages, { id: ids(), role: 'assistant', parts: [{ type: 'text', text }], metadata }],
    updatedAt: at,
  });
};

const userMessage: Apply<'user_message'> = (current, { message }, now) => {
  if (current.messages.some((stored) => stored.id === message.id)) {
    return reject('duplicate_message', 'The message is stored already.');
  }
  const next = {
    ...current,
    messages: [...current.messages, message],
    updatedAt: message.metadata?.createdAt ?? now.toISOString(),
  };
  // While people have the conversation (announced, not collecting details), the desks mirror it.
  const handoff = current.handoff;
  const withPeople = hasOpenHandoff(current) && handoff?.routedAt !== undefined && !handoff.collecting;
  return accept(next, withPeople ? ['user_message.created'] : []);
};

const raiseToCrisis: Apply<'raise_to_crisis'> = (current, event, now, ids) => {
  const handoff = current.handoff;
  if (!handoff || !hasOpenHandoff(current)) return reject('not_handed_off', 'The conversation is not with people.');
  if (handoff.urgency === 'critical') return reject('already_critical', 'The handoff is critical already.');
  const next: WithHandoff = {
    ...current,
    handoff: raisedHandoff(handoff, event.request, now),
    updatedAt: now.toISOString(),
  };
  const message = event.request.userMessage ?? crisisMessage({ language: languageOf(current) });
  // Still collecting details: the questions stop and the handoff completes now, critical.
  if (handoff.collecting) return event.routing ? routed(next, event.routing, now, ids, message) : routingMissing();
  return accept(next, next.handoff.routedAt ? ['handoff.escalated'] : [], [{ ...waitingPart(next), message }]);
};

const briefUpdated: Apply<'brief_updated'> = (current, event) => {
  const handoff = current.handoff;
  if (!handoff || !hasOpenHandoff(current) || handoff.collecting) {
    return reject('not_briefing', 'The handoff is not announced.');
  }
  const known = new Set(handoff.reasons.map((reason) => reason.reason));
  const added = event.reasons.filter((reason) => !known.has(reason.reason));
  const reasons = [...handoff.reasons, ...added];
  const fresh = buildExtractiveBrief(briefInput(current, { ...handoff, reasons }));
  const previous = handoff.brief as HandoffBrief | null;
  // A model-written summary stays; the rest is read again from the whole conversation.
  const brief =
    previous?.source === 'model'
      ? { ...fresh, summary: previous.summary, intent: previous.intent, source: 'model' as const }
      : fresh;
  if (added.length === 0 && JSON.stringify(brief) === JSON.stringify(previous)) {
    return reject('unchanged', 'Nothing new for the brief.');
  }
  return accept({ ...current, handoff: { ...handoff, reasons, brief } });
};

const briefReady: Apply<'brief_ready'> = (current, { handoffId, written }, now) => {
  if (!current.handoff || current.handoff.id !== handoffId) return handoffChanged();
  const { briefError: _error, ...handoff } = current.handoff;
  if (written.source === 'model') {
    const next = { ...handoff, brief: written.brief, briefSource: written.source, briefAt: now.toISOString() };
    return accept({ ...current, handoff: next }, ['handoff.brief_ready']);
  }
  // The model failed: the extractive brief stays, and the record says why.
  if (!written.error) return reject('unchanged', 'The extractive brief stays.');
  return accept({ ...current, handoff: { ...handoff, briefError: written.error } });
};

function resolveTo<T extends 'resolve_to_bot' | 'close'>(to: 'bot' | 'closed'): Apply<T> {
  return (current, event, now, ids) => {
    const { agent } = event as EventOf<'resolve_to_bot' | 'close'>;
    const handoff = current.handoff;
    if (!handoff || !hasOpenHandoff(current)) {
      return reject('not_handed_off', 'The conversation is not with a person.');
    }
    if (handoff.agentId && handoff.agentId !== agent.id) {
      return reject('claimed_by_other', 'Another agent has this conversation.');
    }
    const at = now.toISOString();
    const language = languageOf(current);
    const part: HandoffPartData = {
      status: 'resolved',
      resolution: to,
      reasons: partReasons(handoff.reasons),
      ...(handoff.team ? { team: handoff.team } : {}),
      language,
      message: to === 'bot' ? backToBotMessage({ language }) : closedMessage({ language }),
    };
    const next: StoredConversation = {
      ...current,
      state: to === 'bot' ? 'bot' : 'resolved',
      handoff: { ...handoff, agentId: handoff.agentId ?? agent.id, resolvedAt: at, resolution: to },
      messages: [...current.messages, handoffNotice(ids(), part, at)],
      updatedAt: at,
    };
    return accept(next, ['handoff.resolved'], [part]);
  };
}

const transitions: { [T in HandoffTransitionEventType]: Apply<T> } = {
  escalate,
  question_answered: questionAnswered,
  contact_submitted: contactSubmitted,
  claim,
  agent_message: agentMessage,
  user_message: userMessage,
  raise_to_crisis: raiseToCrisis,
  brief_updated: briefUpdated,
  brief_ready: briefReady,
  resolve_to_bot: resolveTo<'resolve_to_bot'>('bot'),
  close: resolveTo<'close'>('closed'),
};

/**
 * Applies one event to a conversation: the new conversation with the notifications to write in
 * the same conditional write and the notices for the user, or a rejection (nothing changes).
 * Pure: the clock reading and the ids come in, and it may run again when a write is retried.
 * What is allowed from where is {@link transitionTable}.
 */
export function applyHandoffEvent(
  conversation: StoredConversation,
  event: HandoffTransitionEvent,
  now: Date,
  ids: () => string,
): TransitionResult {
  const apply = transitions[event.type] as Apply<HandoffTransitionEventType>;
  return apply(conversation, event as never, now, ids);
}
