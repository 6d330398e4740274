import type { UIMessage } from 'ai';
import type { EscalationReason } from '../guard/types.js';

/** Where a conversation is: with the bot, waiting for a person, with a person, or done. */
export const conversationStates = ['bot', 'queued', 'assigned', 'human', 'resolved'] as const;
export type ConversationState = (typeof conversationStates)[number];

/** Metadata carried on stored messages so the transcript says who wrote what. */
export interface HandrailMessageMetadata {
  /** `bot` for model answers, `agent` for a human agent, `system` for Handrail's own notices. */
  author?: 'bot' | 'agent' | 'system';
  agentId?: string;
  agentName?: string;
  /** Confidence in 0..1 the model reported for this answer. */
  confidence?: number;
  /** Knowledge base entry the answer cited, when the model reports one. */
  citation?: string;
  /** True when the bot could not answer. */
  fallback?: boolean;
  createdAt?: string;
}

/** The data of a `data-handoff` stream part: every change of handoff state is one of these. */
export interface HandoffPartData {
  status: 'queued' | 'collecting' | 'offline' | 'assigned' | 'agent_message' | 'resolved' | 'waiting';
  reasons: Array<{ reason: EscalationReason; source: 'guard' | 'model' | 'system'; detail: string }>;
  team?: string;
  etaSeconds?: number;
  message: string;
  ticketId?: string;
  /** Language of `message` (and of the conversation), so a client can show its own texts in it. */
  language?: string;
  /** With `status: 'resolved'`: handed back to the bot, or closed as done. */
  resolution?: 'bot' | 'closed';
}

export type HandrailUIMessage = UIMessage<HandrailMessageMetadata, { handoff: HandoffPartData }>;

/** A handoff reason as recorded on the conversation, with where it came from. */
export interface HandoffReason {
  reason: EscalationReason;
  source: 'guard' | 'model' | 'system';
  detail: string;
  score?: number;
  evidence?: Array<{ turn: number; text: string }>;
}
