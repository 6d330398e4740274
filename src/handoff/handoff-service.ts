import type { HandoffPartData, HandoffReason, HandrailUIMessage } from '../chat/conversation.js';
import { messageText } from '../chat/transcript.js';
import type { Urgency } from '../guard/types.js';
import type { CustomerIdentity, HandoffRecord, StoredConversation } from '../store/store.js';

/** What the chat loop asks for when it hands a conversation off. */
export interface HandoffRequest {
  reasons: HandoffReason[];
  urgency: Urgency;
  /** Catalogue topic that fired (e.g. `billing_dispute`), for routing and the brief. */
  topic?: string;
  /** A message the user must see first (the crisis message). */
  userMessage?: string;
}

/** The result of starting a handoff. `created` is false when the conversation was already handed off. */
export interface HandoffOutcome {
  part: HandoffPartData;
  record: HandoffRecord | null;
  conversation: StoredConversation;
  created: boolean;
}

/** An agent acting through the agent API. */
export interface AgentIdentity {
  id: string;
  name?: string;
  /** Teams the agent may act on; undefined: all. */
  teams?: string[];
}

/** The handoff lifecycle: start, pre-handoff questions, offline tickets, claim, agent messages, resolve. */
export interface HandoffService {
  startHandoff(conversationId: string, request: HandoffRequest): Promise<HandoffOutcome>;
  /** Handles a user message while the conversation is not with the bot. */
  continueHandoff(conversation: StoredConversation, userText: string): Promise<HandoffPartData>;
  /**
   * A crisis in a message written while the conversation is with people (queued, collecting
   * details, assigned): the handoff becomes critical with the crisis reason, pre-handoff questions
   * stop, agents are told (`handoff.escalated`) and the user gets the safe message.
   */
  raiseToCrisis(conversation: StoredConversation, request: HandoffRequest): Promise<HandoffPartData>;
  /**
   * Keeps the brief current while the user writes on after the handoff: reasons the guard found
   * in the new message join the handoff's, and the brief's entities, sentiment, open questions and
   * transcript are read again from the whole conversation (a model-written summary stays). The
   * agent console receives the change as a `brief` event.
   */
  updateBrief(conversationId: string, newReasons: HandoffReason[]): Promise<void>;
  submitContact(conversationId: string, contact: CustomerIdentity): Promise<HandoffOutcome>;
  claim(conversationId: string, agent: AgentIdentity): Promise<StoredConversation>;
  sendAgentMessage(conversationId: string, agent: AgentIdentity, text: string): Promise<StoredConversation>;
  resolve(conversationId: string, agent: AgentIdentity, to: 'bot' | 'closed'): Promise<StoredConversation>;
}

/** A notice from Handrail itself in the conversation: a `data-handoff` part and its text. */
export function handoffNotice(id: string, part: HandoffPartData, createdAt: string): HandrailUIMessage {
  const parts: HandrailUIMessage['parts'] = [{ type: 'data-handoff', id: `${id}-handoff`, data: part }];
  if (part.message) parts.push({ type: 'text', text: part.message });
  return { id, role: 'assistant', parts, metadata: { author: 'system', createdAt } };
}

export function lastUserText(conversation: StoredConversation): string {
  const message = [...conversation.messages].reverse().find((candidate) => candidate.role === 'user');
  return message ? messageText(message) : '';
}
