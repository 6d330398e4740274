import type { AgentIdentity } from '../handoff/handoff-service.js';
import { httpError } from '../http/http-error.js';

/** Whether `agent` sees handoffs of `team`: agents of no team see every team. */
export function canSeeTeam(agent: AgentIdentity, team: string | null | undefined): boolean {
  return !agent.teams || (team != null && agent.teams.includes(team));
}

/** Whether `agent` reviews conversations the bot kept: agents who see every team, and the listed `reviewers`. */
export function isReviewer(agent: AgentIdentity, reviewers: readonly string[]): boolean {
  return !agent.teams || reviewers.includes(agent.id);
}

/** 403 `forbidden_review` unless `agent` is a reviewer. */
export function requireReviewer(agent: AgentIdentity, reviewers: readonly string[]): void {
  if (!isReviewer(agent, reviewers)) {
    throw httpError(
      403,
      'forbidden_review',
      'Reviewing is for agents who see every team or are listed in review.reviewers.',
    );
  }
}
