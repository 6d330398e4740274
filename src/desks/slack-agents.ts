import type { AgentIdentity } from '../handoff/handoff-service.js';
import type { Team } from '../routing/index.js';

/** A Handrail agent a Slack user acts as. */
export interface SlackAgentMapping {
  /** The Handrail agent id (as in `teams[].agents`, so routing counts their load). */
  id: string;
  /** @default the agent's name in the teams, else the Slack name */
  name?: string;
  /** Teams whose handoffs they may take. @default every team whose channel they are in */
  teams?: string[];
}

/** Who may act in Slack: the mapped users, and with `allowChannelMembers` anyone in the channel. */
export interface SlackAgentRoster {
  /** Slack user id → Handrail agent. */
  agents: Record<string, SlackAgentMapping>;
  allowChannelMembers: boolean;
}

/**
 * The Handrail agent Slack user `userId` acts as on a handoff of `team`, or null when they may not:
 * a mapped user named as in the mapping, else as in `teams`, else by their Slack name; any other
 * user as `slack:<user id>` when channel members are allowed.
 */
export function slackAgentFor(
  roster: SlackAgentRoster,
  teams: readonly Team[],
  request: { userId: string; team: string | null; slackName?: string | undefined },
): AgentIdentity | null {
  const { userId, team, slackName } = request;
  const mapped = roster.agents[userId];
  if (mapped) {
    if (mapped.teams && !(team && mapped.teams.includes(team))) return null;
    const rosterName = teams.flatMap((candidate) => candidate.agents).find((agent) => agent.id === mapped.id)?.name;
    const agentName = mapped.name ?? rosterName ?? slackName;
    return { id: mapped.id, ...(agentName ? { name: agentName } : {}) };
  }
  if (!roster.allowChannelMembers) return null;
  return { id: `slack:${userId}`, name: slackName ?? 'Support agent' };
}

/** How the brief shows the claiming agent: a mention when a Slack user has it, else nothing. */
export function slackAgentLabel(
  agents: Record<string, SlackAgentMapping>,
  agentId: string | undefined,
): string | undefined {
  if (!agentId) return undefined;
  if (agentId.startsWith('slack:')) return `<@${agentId.slice('slack:'.length)}>`;
  const userId = Object.entries(agents).find(([, mapped]) => mapped.id === agentId)?.[0];
  return userId ? `<@${userId}>` : undefined;
}
