import type { BriefWriteResult } from '../brief/index.js';
import type { HandoffPartData, HandoffReason, HandrailUIMessage } from '../chat/conversation.js';
import type { HandoffEventType } from '../notify/index.js';
import type { RouteResult } from '../routing/index.js';
import type { CustomerIdentity, StoredConversation } from '../store/store.js';
import type { AgentIdentity, HandoffRequest } from './handoff-service.js';

/**
 * Where a handoff goes, as the service found out before applying a transition (it reads the
 * queue and the teams): the router's choice and the wait it may promise.
 */
export interface HandoffRouting {
  /** The router's choice; null when no teams are configured. */
  route: RouteResult | null;
  /** The wait the user may be promised; absent when none can be (nobody known online, or closed). */
  etaSeconds?: number;
}

/** A pre-handoff question the bot asks: the field and its wording. */
export interface AskedQuestion {
  field: string;
  question: string;
}

/**
 * What can happen to a conversation's handoff. Inputs that need I/O (routing, the wait, the
 * model's brief) are computed before and carried in the event, so applying one is pure.
 */
export type HandoffTransitionEvent =
  /** The guard or the model asks for a person: opens a handoff, with a first question or routed at once. */
  | {
      type: 'escalate';
      handoffId: string;
      request: HandoffRequest;
      /** The first pre-handoff question; without one, `routing` must be given. */
      question?: AskedQuestion;
      routing?: HandoffRouting;
    }
  /** The user answered a pre-handoff question: the next question, or (with `routing`) the handoff completes. */
  | { type: 'question_answered'; handoffId: string; nextQuestion?: AskedQuestion; routing?: HandoffRouting }
  /** The user gave their contact details: the offline ticket opens (once). */
  | {
      type: 'contact_submitted';
      handoffId: string;
      contact: CustomerIdentity;
      /** The team's promise (the route's `replyBy`), else now. */
      replyBy?: Date;
      /** Zone the reply time is written in. */
      timeZone: string;
    }
  /** An agent takes the conversation. */
  | { type: 'claim'; agent: AgentIdentity }
  /** The agent who has the conversation writes to the user. */
  | { type: 'agent_message'; agent: AgentIdentity; text: string }
  /** The user writes (stored before the turn runs); announced to the desks while people have it. */
  | { type: 'user_message'; message: HandrailUIMessage }
  /** A crisis while people have the conversation: the handoff becomes critical (and completes, when collecting). */
  | { type: 'raise_to_crisis'; request: HandoffRequest; routing?: HandoffRouting }
  /** The user wrote on after the handoff: new reasons join and the extractive brief is read again. */
  | { type: 'brief_updated'; reasons: HandoffReason[] }
  /** The brief writer finished (after the response): the model's brief, or why it was not used. */
  | { type: 'brief_ready'; handoffId: string; written: Pick<BriefWriteResult, 'brief' | 'source' | 'error'> }
  /** The agent hands the conversation back to the bot. */
  | { type: 'resolve_to_bot'; agent: AgentIdentity }
  /** The agent closes the conversation as done. */
  | { type: 'close'; agent: AgentIdentity };

/** The type of a {@link HandoffTransitionEvent}. */
export type HandoffTransitionEventType = HandoffTransitionEvent['type'];

/** An accepted transition: the new conversation, what to announce and what to tell the user. */
export interface AcceptedTransition {
  conversation: StoredConversation;
  /** Event types for the outbox, written in the same conditional write as `conversation`. */
  notifications: HandoffEventType[];
  /** Handoff parts for the user's stream (the answer of this turn or request). */
  notices: HandoffPartData[];
}

/** A transition the conversation's phase or the actor does not allow; nothing changed. */
export interface RejectedTransition {
  rejected: string;
  message: string;
}

/** What {@link applyHandoffEvent} answers. */
export type TransitionResult = AcceptedTransition | RejectedTransition;

/** Narrows a {@link TransitionResult} to a rejection. */
export function isRejected(result: TransitionResult): result is RejectedTransition {
  return 'rejected' in result;
}
