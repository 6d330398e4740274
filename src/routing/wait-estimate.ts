/** What {@link estimateWaitSeconds} needs. */
export interface WaitEstimateInput {
  /** Conversations ahead of this one in the queue. */
  queueAhead: number;
  /** Agents taking conversations from the queue. */
  availableAgents: number;
  /** How long recent conversations took to handle, in seconds. */
  recentHandlingSeconds: readonly number[];
  /** Handling time to assume without history, in seconds. */
  defaultHandlingSeconds: number;
}

/** The median of a non-empty list. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Estimates how long, in whole seconds, a newly queued conversation waits for an agent: the
 * conversations ahead shared among the agents, times the handling time. The handling time is
 * the median of recent history (robust to one very long case), or the configured figure when
 * there is no history. With no agents available it assumes the next agent clears the queue
 * alone, one conversation after another, including this one.
 */
export function estimateWaitSeconds(input: WaitEstimateInput): number {
  const history = input.recentHandlingSeconds.filter((seconds) => Number.isFinite(seconds) && seconds >= 0);
  const fallback = Number.isFinite(input.defaultHandlingSeconds) ? Math.max(0, input.defaultHandlingSeconds) : 0;
  const handling = history.length > 0 ? median(history) : fallback;
  const ahead = Number.isFinite(input.queueAhead) ? Math.max(0, Math.floor(input.queueAhead)) : 0;
  const agents = Number.isFinite(input.availableAgents) ? Math.max(0, Math.floor(input.availableAgents)) : 0;
  if (agents === 0) return Math.round((ahead + 1) * handling);
  return Math.round((ahead / agents) * handling);
}
