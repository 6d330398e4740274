import type { StoredConversation } from '../store.js';

/** Rank of each urgency in the queue, as `compareQueued` orders it: critical first. */
const urgencyRank: Record<string, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/** The columns of a conversation row that the queue and metrics read in SQL (see migration 1). */
export interface ConversationColumns {
  team: string | null;
  hasHandoff: boolean;
  hasTicket: boolean;
  /** Distinct reasons of the current handoff. */
  reasons: string[];
  /** UTC hour the current handoff was created. */
  handoffHour: number | null;
  /** Seconds from the handoff to the first agent reply. */
  firstReplySeconds: number | null;
  /** The queue order: urgency rank (critical 0 to low 3), then the time the handoff (or conversation) began. */
  urgencyRank: number;
  queuedAtMs: number;
}

/**
 * The queue and metric columns of a conversation, as the agent queue (`compareQueued`) and
 * `computeHandoffMetrics` read its summary. Pure.
 */
export function conversationColumns(conversation: StoredConversation): ConversationColumns {
  const handoff = conversation.handoff;
  const queue = {
    urgencyRank: urgencyRank[handoff?.urgency ?? 'normal'] ?? 2,
    queuedAtMs: Date.parse(handoff?.createdAt ?? conversation.createdAt) || 0,
  };
  if (!handoff) {
    return {
      team: null,
      hasHandoff: false,
      hasTicket: false,
      reasons: [],
      handoffHour: null,
      firstReplySeconds: null,
      ...queue,
    };
  }
  const hour = new Date(handoff.createdAt).getUTCHours();
  return {
    team: handoff.team ?? null,
    hasHandoff: true,
    hasTicket: Boolean(handoff.ticket),
    reasons: [...new Set(handoff.reasons.map((entry) => entry.reason))],
    handoffHour: Number.isNaN(hour) ? null : hour,
    firstReplySeconds: handoff.firstAgentReplyAt
      ? (Date.parse(handoff.firstAgentReplyAt) - Date.parse(handoff.createdAt)) / 1000
      : null,
    ...queue,
  };
}
