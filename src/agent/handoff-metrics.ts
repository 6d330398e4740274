import type { ConversationSummary, HandoffRecord } from '../store/store.js';

/** What `GET {mount}/agent/metrics` reports. */
export interface HandoffMetrics {
  conversations: number;
  handoffs: number;
  /** Share of conversations that were handed off at least once. */
  escalationRate: number;
  byReason: Record<string, number>;
  byTeam: Record<string, number>;
  /** Handoffs per hour of the day (UTC), `00` to `23`. */
  byHour: Record<string, number>;
  byState: Record<string, number>;
  /** Seconds from handoff to the first agent message. */
  timeToFirstAgentReply: { count: number; medianSeconds: number | null; meanSeconds: number | null };
  ticketsCreatedOffline: number;
}

/** Computes handoff metrics from conversation summaries. Pure. */
export function computeHandoffMetrics(summaries: readonly ConversationSummary[]): HandoffMetrics {
  const byReason: Record<string, number> = {};
  const byTeam: Record<string, number> = {};
  const byHour: Record<string, number> = {};
  const byState: Record<string, number> = {};
  const replySeconds: number[] = [];
  let handoffs = 0;
  let tickets = 0;
  for (const summary of summaries) {
    byState[summary.state] = (byState[summary.state] ?? 0) + 1;
    const handoff: HandoffRecord | null = summary.handoff;
    if (!handoff) continue;
    handoffs++;
    for (const reason of new Set(handoff.reasons.map((entry) => entry.reason))) {
      byReason[reason] = (byReason[reason] ?? 0) + 1;
    }
    const team = handoff.team ?? 'unrouted';
    byTeam[team] = (byTeam[team] ?? 0) + 1;
    const hour = String(new Date(handoff.createdAt).getUTCHours()).padStart(2, '0');
    byHour[hour] = (byHour[hour] ?? 0) + 1;
    if (handoff.firstAgentReplyAt) {
      replySeconds.push((Date.parse(handoff.firstAgentReplyAt) - Date.parse(handoff.createdAt)) / 1000);
    }
    if (handoff.ticket) tickets++;
  }
  replySeconds.sort((a, b) => a - b);
  const median =
    replySeconds.length === 0
      ? null
      : replySeconds.length % 2
        ? replySeconds[(replySeconds.length - 1) / 2]!
        : (replySeconds[replySeconds.length / 2 - 1]! + replySeconds[replySeconds.length / 2]!) / 2;
  const mean =
    replySeconds.length === 0 ? null : replySeconds.reduce((sum, value) => sum + value, 0) / replySeconds.length;
  return {
    conversations: summaries.length,
    handoffs,
    escalationRate: summaries.length === 0 ? 0 : handoffs / summaries.length,
    byReason,
    byTeam,
    byHour,
    byState,
    timeToFirstAgentReply: { count: replySeconds.length, medianSeconds: median, meanSeconds: mean },
    ticketsCreatedOffline: tickets,
  };
}
