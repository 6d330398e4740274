import type { AgentDesk } from '../desks/agent-desk.js';
import { createChatwootAgentDesk } from '../desks/chatwoot-agent-desk.js';
import { createSlackAgentDesk, type SlackAgentMapping } from '../desks/slack-agent-desk.js';

/** The environment variables that turn on the demo's agent desks (see docs/agent-desks.md). */
export interface DemoDeskEnv {
  /** Slack: the app's bot token (`xoxb-...`). */
  SLACK_BOT_TOKEN?: string;
  /** Slack: the app's signing secret. */
  SLACK_SIGNING_SECRET?: string;
  /** Slack: channel per team, `support=C0123ABCD,billing=C0456EFGH`. */
  SLACK_CHANNELS?: string;
  /** Slack: channel for handoffs of any other team. */
  SLACK_DEFAULT_CHANNEL?: string;
  /** Slack: Slack user id per Handrail agent id, `U0123ABCD=agent`. */
  SLACK_AGENTS?: string;
  /** Slack: `true` lets every member of the channels claim and answer. */
  SLACK_ALLOW_CHANNEL_MEMBERS?: string;
  /** Slack: the Web API base URL. @default 'https://slack.com/api' (set it for a local fake) */
  SLACK_API_URL?: string;
  /** Chatwoot: the installation, e.g. `https://app.chatwoot.com`. */
  CHATWOOT_BASE_URL?: string;
  /** Chatwoot: the Agent Bot's access token. */
  CHATWOOT_BOT_TOKEN?: string;
  /** Chatwoot: an administrator's access token (labels, priority, team). */
  CHATWOOT_API_TOKEN?: string;
  CHATWOOT_ACCOUNT_ID?: string;
  CHATWOOT_INBOX_ID?: string;
  /** Chatwoot: the secret in the Agent Bot's webhook URL (`?token=`). */
  CHATWOOT_WEBHOOK_TOKEN?: string;
  /** Chatwoot: team id per Handrail team, `support=1,billing=2`. */
  CHATWOOT_TEAMS?: string;
}

/** A desk and where the demo mounts its routes. */
export interface DemoDesk {
  desk: AgentDesk;
  path: string;
}

/**
 * The desks the environment configures: Slack when `SLACK_BOT_TOKEN` is set, Chatwoot when
 * `CHATWOOT_BASE_URL` is. A partial configuration fails at start with the desk's own message.
 */
export function createDemoDesks(env: DemoDeskEnv): DemoDesk[] {
  const desks: DemoDesk[] = [];
  const chatwoot = env.CHATWOOT_BASE_URL
    ? createChatwootAgentDesk({
        baseUrl: env.CHATWOOT_BASE_URL,
        accountId: Number(env.CHATWOOT_ACCOUNT_ID),
        inboxId: Number(env.CHATWOOT_INBOX_ID),
        botToken: env.CHATWOOT_BOT_TOKEN ?? '',
        ...(env.CHATWOOT_API_TOKEN ? { apiToken: env.CHATWOOT_API_TOKEN } : {}),
        webhookToken: env.CHATWOOT_WEBHOOK_TOKEN ?? '',
        teams: Object.fromEntries(Object.entries(pairs(env.CHATWOOT_TEAMS)).map(([team, id]) => [team, Number(id)])),
      })
    : null;
  if (env.SLACK_BOT_TOKEN) {
    const agents: Record<string, SlackAgentMapping> = {};
    for (const [userId, agentId] of Object.entries(pairs(env.SLACK_AGENTS))) agents[userId] = { id: agentId };
    const slack = createSlackAgentDesk({
      botToken: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET ?? '',
      channels: pairs(env.SLACK_CHANNELS),
      ...(env.SLACK_DEFAULT_CHANNEL ? { defaultChannel: env.SLACK_DEFAULT_CHANNEL } : {}),
      agents,
      allowChannelMembers: env.SLACK_ALLOW_CHANNEL_MEMBERS === 'true',
      ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
      // Chatwoot's conversations have their agents in Chatwoot.
      ...(chatwoot ? { accepts: (event) => !event.conversationId.startsWith('chatwoot-') } : {}),
    });
    desks.push({ desk: slack, path: '/desks/slack' });
  }
  if (chatwoot) desks.push({ desk: chatwoot, path: '/desks/chatwoot' });
  return desks;
}

/** `a=1,b=2` as `{ a: '1', b: '2' }`. */
function pairs(text: string | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of (text ?? '').split(',')) {
    const [key, value] = entry.split('=').map((part) => part.trim());
    if (key && value) result[key] = value;
  }
  return result;
}
