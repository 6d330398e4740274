import type { HandoffPartData } from '../chat/conversation.js';
import type { HandoffRecord, StoredConversation } from '../store/store.js';
import { languageOf, partReasons } from './handoff-parts.js';
import type { HandoffRouting } from './handoff-transition-event.js';
import { crisisWaitMessage, offlineMessage, otherLanguageNote, transitionMessage } from './messages.js';

/** The longest wait a user in crisis is told as a wait; beyond it they are told to use the crisis resources now. */
export const criticalAnswerSeconds = 10 * 60;

/** A handoff routed and announced: the conversation, the user's notice and the announcement. */
export interface CompletedHandoff {
  conversation: StoredConversation;
  part: HandoffPartData;
  notification: 'handoff.created' | 'ticket.created';
}

/**
 * Routes the handoff the conversation holds (its questions answered) and tells the user what
 * happens next: queued with the team and the wait, or offline with a ticket (the email is
 * known) or a request for the email. Pure: the routing was computed before.
 */
export function completeHandoff(
  conversation: StoredConversation & { handoff: HandoffRecord },
  routing: HandoffRouting,
  at: Date,
  ids: () => string,
  userMessage?: string,
): CompletedHandoff {
  const pending = conversation.handoff;
  const routed = routing.route;
  const language = languageOf(conversation);
  const team = routed?.team ?? null;
  const available = routed ? routed.available : true;
  const etaSeconds = routing.etaSeconds;
  const knownContact = conversation.identity?.email ? conversation.identity : null;
  // A user in crisis is never told to wait long: if nobody can answer soon, the resources come first.
  const crisisWithoutSoonAnswer =
    pending.urgency === 'critical' && (etaSeconds === undefined || etaSeconds > criticalAnswerSeconds);
  const record: HandoffRecord = {
    ...pending,
    collecting: false,
    team: team?.id ?? null,
    skills: team?.skills ?? [],
    ...(etaSeconds !== undefined && !crisisWithoutSoonAnswer ? { etaSeconds } : {}),
  };
  const base = { reasons: partReasons(record.reasons), ...(team ? { team: team.id } : {}) };
  const timeZone = team?.businessHours.timeZone ?? 'UTC';
  let part: HandoffPartData;
  if (available) {
    const message = crisisWithoutSoonAnswer
      ? crisisWaitMessage({ language })
      : transitionMessage({
          language,
          teamName: team?.name,
          teamNames: team?.names,
          ...(etaSeconds !== undefined ? { etaSeconds } : {}),
        });
    part = {
      status: 'queued',
      ...base,
      ...(etaSeconds !== undefined && !crisisWithoutSoonAnswer ? { etaSeconds } : {}),
      message,
    };
    // The person who answers may not speak the user's language: say so rather than promise it.
    if (routed?.speaksLanguage === false) part.message = `${part.message} ${otherLanguageNote({ language })}`;
  } else if (knownContact) {
    record.ticket = {
      id: `T-${ids().slice(0, 10).toUpperCase()}`,
      createdAt: at.toISOString(),
      replyBy: (routed?.replyBy ?? at).toISOString(),
      ...(knownContact.name ? { name: knownContact.name } : {}),
      ...(knownContact.email ? { email: knownContact.email } : {}),
    };
    const replyBy = new Date(record.ticket.replyBy);
    part = {
      status: 'offline',
      ...base,
      ticketId: record.ticket.id,
      message: offlineMessage({ language, replyBy, now: at, timeZone, needsContact: false }),
    };
  } else {
    record.awaitingContact = true;
    const replyBy = routed?.replyBy ?? at;
    part = {
      status: 'offline',
      ...base,
      message: offlineMessage({ language, replyBy, now: at, timeZone, needsContact: true }),
    };
  }
  if (!available && crisisWithoutSoonAnswer) part.message = `${crisisWaitMessage({ language })} ${part.message}`;
  part = { ...part, language };
  if (userMessage) part = { ...part, message: `${userMessage}\n\n${part.message}` };
  record.routedAt = at.toISOString();
  return {
    conversation: { ...conversation, state: 'queued', handoff: record, updatedAt: at.toISOString() },
    part,
    notification: record.ticket ? 'ticket.created' : 'handoff.created',
  };
}
