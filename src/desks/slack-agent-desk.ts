import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { HandoffStateError } from '../errors/handoff-state-error.js';
import { NotificationError } from '../errors/notification-error.js';
import type { AgentIdentity } from '../handoff/handoff-service.js';
import { httpError } from '../http/http-error.js';
import { type HandoffEvent, type HandoffEventType, lifecycleEventTypes } from '../notify/handoff-event.js';
import { redactPii } from '../notify/redact.js';
import type { OutboxDelivery, StoredConversation } from '../store/store.js';
import type { AgentDesk } from './agent-desk.js';
import {
  findByDeskReference,
  handoffById,
  markHandled,
  saveDeskReference,
  unmarkHandled,
  wasHandled,
} from './desk-reference.js';
import { createDeskRuntime } from './desk-runtime.js';
import { buildSlackBrief, type SlackActionValue, slackActionIds } from './slack-blocks.js';
import { verifySlackRequest } from './slack-signature.js';
import { createSlackWebApi } from './slack-web-api.js';

/** A Handrail agent a Slack user acts as. */
export interface SlackAgentMapping {
  /** The Handrail agent id (as in `teams[].agents`, so routing counts their load). */
  id: string;
  /** @default the agent's name in the teams, else the Slack name */
  name?: string;
  /** Teams whose handoffs they may take. @default every team whose channel they are in */
  teams?: string[];
}

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

const maxBodyBytes = 1_000_000;

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
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || 'options'}: ${issue.message}`,
    );
    throw new TypeError(`Invalid Slack desk options: ${problems.join('; ')}`);
  }
  const {
    signingSecret,
    channels = {},
    defaultChannel,
    agents = {},
    allowChannelMembers = false,
    internalPrefix = '//',
    name = 'slack-desk',
    redact = false,
    consoleUrl,
    accepts,
  } = options;
  const runtime = createDeskRuntime(name);
  const slack = createSlackWebApi({
    botToken: options.botToken,
    name,
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const channelOf = (team: string | null) => (team ? channels[team] : undefined) ?? defaultChannel;
  const linkOf = (conversationId: string) =>
    consoleUrl ? `${consoleUrl.replace(/\/+$/, '')}/agent#${encodeURIComponent(conversationId)}` : undefined;

  /** The Handrail agent a Slack user acts as on a handoff of `team`, or null when they may not. */
  function agentFor(userId: string, team: string | null, slackName?: string): AgentIdentity | null {
    const mapped = agents[userId];
    if (mapped) {
      if (mapped.teams && !(team && mapped.teams.includes(team))) return null;
      const rosterName = runtime
        .context()
        .teams.flatMap((candidate) => candidate.agents)
        .find((agent) => agent.id === mapped.id)?.name;
      const agentName = mapped.name ?? rosterName ?? slackName;
      return { id: mapped.id, ...(agentName ? { name: agentName } : {}) };
    }
    if (!allowChannelMembers) return null;
    return { id: `slack:${userId}`, name: slackName ?? 'Support agent' };
  }

  /** How the brief shows the claiming agent: a mention when a Slack user has it. */
  function agentLabel(agentId: string | undefined): string | undefined {
    if (!agentId) return undefined;
    if (agentId.startsWith('slack:')) return `<@${agentId.slice('slack:'.length)}>`;
    const userId = Object.entries(agents).find(([, mapped]) => mapped.id === agentId)?.[0];
    return userId ? `<@${userId}>` : undefined;
  }

  function briefOf(view: StoredConversation) {
    const link = linkOf(view.id);
    const label = agentLabel(view.handoff?.agentId);
    return buildSlackBrief(view, { redact, ...(link ? { link } : {}), ...(label ? { agentLabel: label } : {}) });
  }

  /** A note from the bot in the handoff's thread. */
  async function threadNote(channel: string, ts: string, text: string, signal?: AbortSignal, broadcast = false) {
    await slack.postMessage({ channel, thread_ts: ts, text, ...(broadcast ? { reply_broadcast: true } : {}) }, signal);
  }

  async function deliver(delivery: OutboxDelivery, { signal }: { signal: AbortSignal }) {
    const event = runtime.eventOf(delivery);
    if (accepts && !accepts(event)) return;
    const { store } = runtime.context();
    const conversation = await store.getConversation(event.conversationId);
    const record = handoffById(conversation, event.handoffId);
    if (!conversation || !record) {
      throw new NotificationError({
        notifier: name,
        retryable: false,
        message: `No handoff ${event.handoffId} to post.`,
      });
    }
    const view: StoredConversation = { ...conversation, handoff: record };
    const channel = channelOf(record.team);
    if (!channel) return; // Not this desk's team.
    const reference = record.desks?.[name];
    if (event.type === 'handoff.created' || event.type === 'ticket.created') {
      const message = briefOf(view);
      if (reference)
        return slack.updateMessage(
          { channel: reference.location ?? channel, ts: reference.externalId, ...message },
          signal,
        );
      const posted = await slack.postMessage({ channel, ...message }, signal);
      await saveDeskReference(store, conversation.id, record.id, name, {
        externalId: posted.ts,
        location: posted.channel,
      });
      return;
    }
    if (!reference) {
      // The brief is not in Slack yet (its delivery is being retried): this one waits for it.
      throw new NotificationError({
        notifier: name,
        retryable: true,
        message: `Handoff ${record.id} is not posted to Slack yet.`,
      });
    }
    const where = { channel: reference.location ?? channel, ts: reference.externalId };
    if (event.type !== 'user_message.created') await slack.updateMessage({ ...where, ...briefOf(view) }, signal);
    const note = threadNoteOf(event, view, agentLabel(record.agentId), redact);
    if (!note || wasHandled(conversation, name, delivery.id)) return;
    await threadNote(where.channel, where.ts, note, signal, event.type === 'handoff.escalated');
    await markHandled(store, conversation.id, name, delivery.id);
  }

  async function handleMessageEvent(envelope: SlackEventEnvelope) {
    const event = envelope.event;
    // A reply also sent to the channel (`thread_broadcast`) is a reply; edits, joins and bot posts are not.
    if (event?.type !== 'message' || (event.subtype && event.subtype !== 'thread_broadcast')) return;
    if (event.bot_id || !event.user) return;
    if (!event.thread_ts || event.thread_ts === event.ts || typeof event.text !== 'string' || !event.channel) return;
    if (event.text.trim().startsWith(internalPrefix)) return;
    const { store, handoffs, logger } = runtime.context();
    const conversationId = await findByDeskReference(store, name, event.thread_ts, event.channel);
    if (!conversationId || !envelope.event_id) return;
    // Recorded before the work: a retry or a second copy of this event finds it and stops.
    if (!(await markHandled(store, conversationId, name, envelope.event_id))) return;
    const conversation = await store.getConversation(conversationId);
    const handoff = conversation?.handoff;
    if (!handoff) return;
    const agent = agentFor(event.user, handoff.team);
    if (!agent) {
      await threadNote(
        event.channel,
        event.thread_ts,
        `<@${event.user}> is not set up as an agent here; the customer did not get that message.`,
      );
      return;
    }
    const text = slackTextToPlain(event.text);
    if (!text) return;
    try {
      if (!handoff.agentId) await handoffs.claim(conversationId, agent);
      await handoffs.sendAgentMessage(conversationId, agent, text);
    } catch (error) {
      if (HandoffStateError.isInstance(error)) {
        await threadNote(
          event.channel,
          event.thread_ts,
          `<@${event.user}>: not sent to the customer. ${error.message}`,
        );
        return;
      }
      await unmarkHandled(store, conversationId, name, envelope.event_id).catch(() => {});
      logger.error('slack-desk-message-failed', { conversationId, error: String(error) });
    }
  }

  async function handleBlockActions(payload: SlackInteraction) {
    const { store, handoffs } = runtime.context();
    for (const action of payload.actions ?? []) {
      const value = parseActionValue(action.value);
      const kind = Object.entries(slackActionIds).find(([, id]) => id === action.action_id)?.[0];
      if (!value || !kind || !payload.user?.id) continue;
      const conversation = await store.getConversation(value.conversationId);
      const handoff = conversation?.handoff;
      const reference = handoff?.desks?.[name];
      // A stale button (an older handoff) or a message in another channel acts on nothing.
      if (!conversation || !handoff || handoff.id !== value.handoffId || !reference) continue;
      const channel = payload.channel?.id ?? payload.container?.channel_id;
      if (channel && reference.location && channel !== reference.location) continue;
      const slackName = payload.user.name ?? payload.user.username;
      const agent = agentFor(payload.user.id, handoff.team, slackName);
      const where = reference.location ?? channel ?? '';
      if (!agent) {
        await threadNote(where, reference.externalId, `<@${payload.user.id}> is not set up as an agent here.`);
        continue;
      }
      try {
        if (kind === 'claim') await handoffs.claim(conversation.id, agent);
        else await handoffs.resolve(conversation.id, agent, kind === 'close' ? 'closed' : 'bot');
      } catch (error) {
        if (!HandoffStateError.isInstance(error)) throw error;
        await threadNote(where, reference.externalId, `<@${payload.user.id}>: ${error.message}`);
      }
    }
  }

  /** The raw body of a request Slack signed; 401 for anything else. */
  async function signedBody(c: Context): Promise<string> {
    const body = await readBody(c);
    const now = runtime.context().clock();
    if (!(await verifySlackRequest({ signingSecret, headers: c.req.raw.headers, body, now }))) {
      throw httpError(
        401,
        'invalid_slack_signature',
        'The request is not signed by Slack, or is older than five minutes.',
      );
    }
    return body;
  }

  const routes = new Hono();
  routes.use(runtime.requireConnected);
  routes.post('/events', async (c) => {
    const envelope = parseJson<SlackEventEnvelope>(await signedBody(c));
    if (envelope.type === 'url_verification') return c.json({ challenge: envelope.challenge ?? '' });
    if (envelope.type === 'event_callback') runtime.afterResponse(c, 'slack-event', () => handleMessageEvent(envelope));
    return c.json({ ok: true });
  });
  routes.post('/interactions', async (c) => {
    const form = new URLSearchParams(await signedBody(c));
    const payload = parseJson<SlackInteraction>(form.get('payload') ?? '');
    if (payload.type === 'block_actions') runtime.afterResponse(c, 'slack-action', () => handleBlockActions(payload));
    return c.body(null, 200);
  });
  routes.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.` } }, 404),
  );

  return { name, events: slackDeskEvents, deliver, routes, connect: runtime.connect };
}

/** What the thread is told about an event, if anything. */
function threadNoteOf(
  event: HandoffEvent,
  view: StoredConversation,
  agentLabel: string | undefined,
  redact: boolean,
): string | null {
  const handoff = view.handoff!;
  switch (event.type) {
    case 'user_message.created': {
      const text = event.message?.text ?? '';
      return `*Customer:* ${escapeMrkdwn(redact ? redactPii(text) : text)}`;
    }
    case 'handoff.claimed':
      return `:raising_hand: ${agentLabel ?? escapeMrkdwn(handoff.agentId ?? 'An agent')} has the conversation. Write in this thread to answer the customer.`;
    case 'handoff.resolved':
      return handoff.resolution === 'closed' ? ':white_check_mark: Closed.' : ':robot_face: Back with the bot.';
    case 'handoff.escalated':
      return ':rotating_light: Now *critical*: the customer wrote something that needs a person at once.';
    default:
      return null;
  }
}

interface SlackEventEnvelope {
  type?: string;
  challenge?: string;
  event_id?: string;
  event?: {
    type?: string;
    subtype?: string;
    bot_id?: string;
    user?: string;
    text?: string;
    channel?: string;
    ts?: string;
    thread_ts?: string;
  };
}

interface SlackInteraction {
  type?: string;
  user?: { id?: string; name?: string; username?: string };
  channel?: { id?: string };
  container?: { channel_id?: string; message_ts?: string };
  actions?: Array<{ action_id?: string; value?: string }>;
}

function parseActionValue(value: string | undefined): SlackActionValue | null {
  try {
    const parsed = JSON.parse(value ?? '') as Partial<SlackActionValue>;
    return typeof parsed.conversationId === 'string' && typeof parsed.handoffId === 'string'
      ? { conversationId: parsed.conversationId, handoffId: parsed.handoffId }
      : null;
  } catch {
    return null;
  }
}

async function readBody(c: Context): Promise<string> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > maxBodyBytes)
    throw httpError(413, 'payload_too_large', `Slack requests are at most ${maxBodyBytes} bytes.`);
  const body = await c.req.text();
  if (body.length > maxBodyBytes)
    throw httpError(413, 'payload_too_large', `Slack requests are at most ${maxBodyBytes} bytes.`);
  return body;
}

function parseJson<T>(text: string): T {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object') return value as T;
  } catch {
    // Answered below.
  }
  throw httpError(400, 'invalid_json', 'The body is not the JSON Slack sends.');
}

/** Slack's message markup as plain text: links, mentions and escapes undone. */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<mailto:([^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<[@#!][^|>]*\|([^>]+)>/g, '$1')
    .replace(/<[@#!][^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
