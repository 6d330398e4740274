import { z } from 'zod';
import type { HandoffRecord } from '../store/store.js';
import type { AgentDesk } from './agent-desk.js';
import { createChatwootApi } from './chatwoot-api.js';
import { chatwootConversationIds } from './chatwoot-conversation-ids.js';
import type { ChatwootDeskParts } from './chatwoot-desk-parts.js';
import { deliverToChatwoot } from './chatwoot-handoff-delivery.js';
import { createChatwootWebhookRoutes } from './chatwoot-webhook-routes.js';
import { createDeskRuntime } from './desk-runtime.js';
import { optionProblems } from './option-problems.js';

/** Options of {@link createChatwootAgentDesk}. */
export interface ChatwootAgentDeskOptions {
  /** The Chatwoot installation, e.g. `https://app.chatwoot.com` or your self-hosted URL. */
  baseUrl: string;
  /** The account id (the number after `/app/accounts/` in Chatwoot's URLs). */
  accountId: number;
  /** The inbox the Agent Bot is connected to; other inboxes' webhooks are ignored. */
  inboxId: number;
  /** The Agent Bot's access token: the bot's answers, its private notes and status changes are made with it. */
  botToken: string;
  /**
   * An agent's or administrator's access token (Profile settings → Access token), for labels,
   * priority and team, which Chatwoot does not let a bot set. @default botToken (those steps then fail and are skipped)
   */
  apiToken?: string;
  /**
   * A long random secret, put in the Agent Bot's webhook URL as `?token=`; Chatwoot does not sign
   * its webhooks, so a request without it is refused (401).
   */
  webhookToken: string;
  /** Chatwoot team id per Handrail team id: the team the handoff is assigned to. */
  teams?: Record<string, number>;
  /** Labels added on handoff (kept with the ones agents set). @default `['handoff', ...reasons]` */
  labels?: (handoff: HandoffRecord) => string[];
  /** Notifier name, unique among the engine's notifiers. @default 'chatwoot-desk' */
  name?: string;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Time allowed for one API call, in milliseconds. @default 10_000 */
  timeoutMs?: number;
  /** Masks emails, phone numbers, cards and IBANs in the private note. @default false */
  redact?: boolean;
}

const optionsSchema = z
  .object({
    baseUrl: z.url('baseUrl must be the URL of your Chatwoot, e.g. https://app.chatwoot.com'),
    accountId: z.number().int().positive('accountId must be the number after /app/accounts/ in Chatwoot URLs'),
    inboxId: z.number().int().positive('inboxId must be the id of the inbox the Agent Bot is connected to'),
    botToken: z.string().min(8, 'botToken must be the Agent Bot access token'),
    apiToken: z.string().min(8, 'apiToken must be an agent or administrator access token').optional(),
    webhookToken: z.string().min(16, 'webhookToken must be a random secret of at least 16 characters'),
    teams: z.record(z.string(), z.number().int().positive('teams values must be Chatwoot team ids')).optional(),
    labels: z.custom<(handoff: HandoffRecord) => string[]>((value) => typeof value === 'function').optional(),
    name: z.string().min(1).optional(),
    fetch: z.custom<typeof fetch>((value) => typeof value === 'function', 'fetch must be a function').optional(),
    timeoutMs: z.number().int().positive().optional(),
    redact: z.boolean().optional(),
  })
  .strict();

/**
 * Chatwoot as an agent desk, through an Agent Bot. Chatwoot sends the bot's inbox events to
 * `routes` (`POST {mount}/webhook?token=...`); each customer message runs the normal Handrail turn
 * (the same guard, model and brief as Handrail's own chat) and the answer is posted as the bot.
 * On handoff the brief is posted as a private note, labels, priority and team are set and the
 * conversation is opened (`toggle_status` → `open`), so it appears in the agents' inbox; from then
 * on the bot stays silent while a person has it, and what agents write is recorded in Handrail.
 * When the agents resolve it, the bot takes over again.
 *
 * The handoff's note and status changes go through Handrail's outbox, retried while Chatwoot is
 * down; the handoff waits in Handrail's queue meanwhile.
 *
 * @example
 * const chatwoot = createChatwootAgentDesk({
 *   baseUrl: 'https://chatwoot.example.com', accountId: 1, inboxId: 3,
 *   botToken: env.CHATWOOT_BOT_TOKEN, apiToken: env.CHATWOOT_API_TOKEN, webhookToken: env.CHATWOOT_WEBHOOK_TOKEN,
 *   teams: { billing: 2 },
 * });
 * const engine = createHandrailEngine({ model, teams, desks: [chatwoot] });
 * app.route('/desks/chatwoot', chatwoot.routes);
 */
export function createChatwootAgentDesk(options: ChatwootAgentDeskOptions): AgentDesk {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new TypeError(`Invalid Chatwoot desk options: ${optionProblems(parsed.error)}`);
  const { accountId, inboxId, webhookToken, teams = {}, name = 'chatwoot-desk', redact = false } = options;
  const parts: ChatwootDeskParts = {
    name,
    accountId,
    inboxId,
    redact,
    teams,
    labelsOf:
      options.labels ?? ((handoff: HandoffRecord) => ['handoff', ...handoff.reasons.map((reason) => reason.reason)]),
    api: createChatwootApi({
      baseUrl: options.baseUrl,
      accountId,
      botToken: options.botToken,
      name,
      ...(options.apiToken ? { apiToken: options.apiToken } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    }),
    runtime: createDeskRuntime(name),
    ids: chatwootConversationIds(accountId),
  };
  return {
    name,
    deliver: (delivery, context) => deliverToChatwoot(parts, delivery, context),
    routes: createChatwootWebhookRoutes(parts, webhookToken),
    connect: parts.runtime.connect,
  };
}
