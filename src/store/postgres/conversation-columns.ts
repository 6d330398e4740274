import type { StoredConversation } from '../store.js';

/** Rank of each urgency in the queue, as `compareQueued` orders it: critical first. */
const urgencyRank: Record<string, number> = { critical: 0, high: 1, normal: 2, low: 3 };

/** The columns of a conversation row that the queue, metrics and team loads read in SQL (see migrations 1 and 2). */
export interface ConversationColumns {
  team: string | null;
  /** The agent of the current handoff (migration 2). */
  agentId: string | null;
  /** True while the current handoff still collects answers (migration 2). */
  collecting: boolean;
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

/** The queue order columns of a handoff of `urgency` created at `createdAt` (ISO), as `compareQueued` ranks it. */
export function queueColumns(
  urgency: string | undefined,
  createdAt: string,
): Pick<ConversationColumns, 'urgencyRank' | 'queuedAtMs'> {
  return { urgencyRank: urgencyRank[urgency ?? 'normal'] ?? 2, queuedAtMs: Date.parse(createdAt) || 0 };
}

/**
 * The queue and metric columns of a conversation, as the agent queue (`compareQueued`) and
 * `computeHandoffMetrics` read its summary. Pure.
 */
export function conversationColumns(conversation: StoredConversation): ConversationColumns {
  const handoff = conversation.handoff;
  const queue = queueColumns(handoff?.urgency, handoff?.createdAt ?? conversation.createdAt);
  if (!handoff) {
    return {
      team: null,
      agentId: null,
      collecting: false,
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
    agentId: handoff.agentId || null,
    collecting: Boolean(handoff.collecting),
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
