import { z } from 'zod';
import { type HandoffEvent, type HandoffEventType, lifecycleEventTypes } from '../notify/handoff-event.js';
import type { AgentDesk } from './agent-desk.js';
import { createDeskRuntime } from './desk-runtime.js';
import { optionProblems } from './option-problems.js';
import type { SlackAgentMapping } from './slack-agents.js';
import type { SlackDeskParts } from './slack-desk-parts.js';
import { createSlackDeskRoutes } from './slack-desk-routes.js';
import { deliverToSlack } from './slack-handoff-delivery.js';
import { createSlackWebApi } from './slack-web-api.js';

export type { SlackAgentMapping } from './slack-agents.js';
export { slackTextToPlain } from './slack-text.js';

/** Options of {@link createSlackAgentDesk}. */
export interface SlackAgentDeskOptions {
  /** The app's bot token (`xoxb-...`) with `chat:write`; the bot must be in the channels. */
  botToken: string;
  /** The app's signing secret (Basic Information → App Credentials), to verify every request. */
  signingSecret: string;
  /** Channel id per Handrail team id (routing picks the team, the team picks the channel). */
  channels?: Record<string, string>;
  /** Channel for handoffs whose team has none (or no team). Without it, those are not posted. */
  defaultChannel?: string;
  /** Slack user id → Handrail agent. Only these users may claim and answer, unless `allowChannelMembers`. */
  agents?: Record<string, SlackAgentMapping>;
  /** Any member of the channel may claim and answer, as agent `slack:<user id>`. @default false */
  allowChannelMembers?: boolean;
  /** Thread messages starting with this stay in Slack (notes between agents). @default '//' */
  internalPrefix?: string;
  /** Notifier name, unique among the engine's notifiers. @default 'slack-desk' */
  name?: string;
  /** @default 'https://slack.com/api' */
  apiUrl?: string;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Time allowed for one Web API call, in milliseconds. @default 10_000 */
  timeoutMs?: number;
  /** Masks emails, phone numbers, cards and IBANs in what is posted. @default false */
  redact?: boolean;
  /** Agent console base URL, for an "Open in console" link. */
  consoleUrl?: string;
  /** Which handoffs this desk takes (e.g. not those of a Chatwoot inbox). @default all */
  accepts?: (event: HandoffEvent) => boolean;
}

const channelId = z
  .string()
  .regex(/^[CGD][A-Z0-9]{2,}$/, 'must be a channel id such as C0123ABCD (Channel details → About), not a #name');

const slackDeskOptionsSchema = z
  .object({
    botToken: z.string().regex(/^xoxb-/, 'botToken must be a bot token (xoxb-...), from OAuth & Permissions'),
    signingSecret: z.string().min(16, 'signingSecret must be the app signing secret (Basic Information)'),
    channels: z.record(z.string(), channelId).optional(),
    defaultChannel: channelId.optional(),
    agents: z
      .record(
        z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'agents keys must be Slack user ids such as U0123ABCD'),
        z.object({ id: z.string().min(1), name: z.string().optional(), teams: z.array(z.string()).optional() }),
      )
      .optional(),
    allowChannelMembers: z.boolean().optional(),
    internalPrefix: z.string().min(1).optional(),
    name: z.string().min(1).optional(),
    apiUrl: z.url('apiUrl must be a URL').optional(),
    fetch: z.custom<typeof fetch>((value) => typeof value === 'function', 'fetch must be a function').optional(),
    timeoutMs: z.number().int().positive().optional(),
    redact: z.boolean().optional(),
    consoleUrl: z.url('consoleUrl must be a URL').optional(),
    accepts: z.custom<(event: HandoffEvent) => boolean>((value) => typeof value === 'function').optional(),
  })
  .strict()
  .refine((options) => options.defaultChannel || Object.keys(options.channels ?? {}).length > 0, {
    message: 'give channels (team id → channel id) or a defaultChannel',
  })
  .refine((options) => options.allowChannelMembers || Object.keys(options.agents ?? {}).length > 0, {
    message: 'give agents (Slack user id → Handrail agent) or allowChannelMembers: true, or nobody can answer',
  });

/** The event types the Slack desk takes: the lifecycle, and the customer's messages for the thread. */
const slackDeskEvents: readonly HandoffEventType[] = [...lifecycleEventTypes, 'user_message.created'];

/**
 * Slack as an agent desk, both ways. A new handoff is posted to its team's channel with the brief
 * and Claim / Back to bot / Close buttons; each later customer message goes into that message's
 * thread, and what an agent writes in the thread reaches the customer. The message is updated
 * (`chat.update`) on every change, whether it was made in Slack or in Handrail's console.
 *
 * Mount `routes` and point the Slack app at them: Event Subscriptions → `{mount}/events`
 * (subscribe to `message.channels`), Interactivity → `{mount}/interactions`. Every request is
 * verified with the signing secret (401 otherwise), acknowledged at once and worked on after;
 * Slack's retries (`x-slack-retry-num`) are dropped by `event_id`, recorded on the handoff in the
 * store, so they never post twice, even across processes.
 *
 * @example
 * const slack = createSlackAgentDesk({
 *   botToken: env.SLACK_BOT_TOKEN,
 *   signingSecret: env.SLACK_SIGNING_SECRET,
 *   channels: { support: 'C0SUPPORT', billing: 'C0BILLING' },
 *   agents: { U0ALEX: { id: 'alex' } },
 * });
 * const engine = createHandrailEngine({ model, teams, desks: [slack] });
 * app.route('/desks/slack', slack.routes);
 */
export function createSlackAgentDesk(options: SlackAgentDeskOptions): AgentDesk {
  const parsed = slackDeskOptionsSchema.safeParse(options);
  if (!parsed.success) throw new TypeError(`Invalid Slack desk options: ${optionProblems(parsed.error)}`);
  const { name = 'slack-desk' } = options;
  const parts: SlackDeskParts = {
    name,
    signingSecret: options.signingSecret,
    channels: options.channels ?? {},
    defaultChannel: options.defaultChannel,
    agents: options.agents ?? {},
    allowChannelMembers: options.allowChannelMembers ?? false,
    internalPrefix: options.internalPrefix ?? '//',
    redact: options.redact ?? false,
    consoleUrl: options.consoleUrl,
    accepts: options.accepts,
    slack: createSlackWebApi({
      botToken: options.botToken,
      name,
      ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    }),
    runtime: createDeskRuntime(name),
  };
  return {
    name,
    events: slackDeskEvents,
    deliver: (delivery, context) => deliverToSlack(parts, delivery, context),
    routes: createSlackDeskRoutes(parts),
    connect: parts.runtime.connect,
  };
}
