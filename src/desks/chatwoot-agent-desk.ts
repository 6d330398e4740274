import { Hono } from 'hono';
import { z } from 'zod';
import { messageText } from '../chat/transcript.js';
import { HandoffStateError } from '../errors/handoff-state-error.js';
import { NotificationError } from '../errors/notification-error.js';
import type { Urgency } from '../guard/types.js';
import type { AgentIdentity } from '../handoff/handoff-service.js';
import { timingSafeEqual } from '../http/conversation-token.js';
import { httpError } from '../http/http-error.js';
import type { HandoffRecord, OutboxDelivery, StoredConversation } from '../store/store.js';
import type { AgentDesk } from './agent-desk.js';
import { type ChatwootPriority, createChatwootApi } from './chatwoot-api.js';
import { buildChatwootBrief } from './chatwoot-brief.js';
import { handoffById, markHandled, saveDeskReference, wasHandled } from './desk-reference.js';
import { createDeskRuntime } from './desk-runtime.js';

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

const priorities: Record<Urgency, ChatwootPriority> = {
  low: 'low',
  normal: 'medium',
  high: 'high',
  critical: 'urgent',
};
const withPeople = new Set(['queued', 'assigned', 'human']);

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
/** An outbox delivery of this desk that is no handoff event: a bot answer Chatwoot did not take at once. */
const replyType = 'chatwoot.reply';

/** The payload of a `chatwoot.reply` delivery. */
interface ChatwootReply {
  chatwootId: number;
  content: string;
}

export function createChatwootAgentDesk(options: ChatwootAgentDeskOptions): AgentDesk {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || 'options'}: ${issue.message}`,
    );
    throw new TypeError(`Invalid Chatwoot desk options: ${problems.join('; ')}`);
  }
  const { accountId, inboxId, webhookToken, teams = {}, name = 'chatwoot-desk', redact = false } = options;
  const labelsOf =
    options.labels ?? ((handoff: HandoffRecord) => ['handoff', ...handoff.reasons.map((reason) => reason.reason)]);
  const runtime = createDeskRuntime(name);
  const api = createChatwootApi({
    baseUrl: options.baseUrl,
    accountId,
    botToken: options.botToken,
    name,
    ...(options.apiToken ? { apiToken: options.apiToken } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const prefix = `chatwoot-${accountId}-`;
  const handrailId = (chatwootId: number) => `${prefix}${chatwootId}`;
  const chatwootIdOf = (conversationId: string) => {
    const rest = conversationId.startsWith(prefix) ? conversationId.slice(prefix.length) : '';
    return /^\d+$/.test(rest) ? Number(rest) : null;
  };

  /** A step of a handoff that may fail for good (a label the token may not set) without stopping the others. */
  async function bestEffort(label: string, step: () => Promise<unknown>) {
    try {
      await step();
    } catch (error) {
      if (NotificationError.isInstance(error) && error.retryable) throw error;
      runtime.context().logger.warn('chatwoot-desk-step-failed', { desk: name, step: label, error: String(error) });
    }
  }

  /** A private note for the handoff, posted once per `key` however often the delivery is retried. */
  async function noteOnce(
    conversation: StoredConversation,
    chatwootId: number,
    key: string,
    content: string,
    signal: AbortSignal,
  ) {
    if (wasHandled(conversation, name, key)) return;
    await api.createMessage(chatwootId, { content, private: true }, signal);
    await markHandled(runtime.context().store, conversation.id, name, key);
  }

  async function announce(view: StoredConversation, chatwootId: number, signal: AbortSignal) {
    const record = view.handoff!;
    const { store } = runtime.context();
    if (!record.desks?.[name]) {
      await saveDeskReference(store, view.id, record.id, name, {
        externalId: String(chatwootId),
        location: String(accountId),
      });
    }
    const current = (await store.getConversation(view.id)) ?? view;
    await noteOnce(current, chatwootId, `note:${record.id}`, buildChatwootBrief(view, { redact }), signal);
    await bestEffort('labels', async () => {
      const existing = await api.listLabels(chatwootId, signal);
      const wanted = [...new Set([...existing, ...labelsOf(record)])];
      if (wanted.length !== existing.length) await api.setLabels(chatwootId, wanted, signal);
    });
    await bestEffort('priority', () => api.togglePriority(chatwootId, priorities[record.urgency], signal));
    const team = record.team ? teams[record.team] : undefined;
    if (team) await bestEffort('team', () => api.assignTeam(chatwootId, team, signal));
    // Open: the conversation leaves the bot's pending list and appears in the agents' inbox.
    await api.toggleStatus(chatwootId, 'open', signal);
  }

  async function deliver(delivery: OutboxDelivery, { signal }: { signal: AbortSignal }) {
    if (delivery.type === replyType) {
      const { chatwootId, content } = delivery.payload as ChatwootReply;
      await api.createMessage(chatwootId, { content }, signal);
      return;
    }
    const event = runtime.eventOf(delivery);
    const chatwootId = chatwootIdOf(event.conversationId);
    if (chatwootId === null) return; // Not a conversation of this Chatwoot inbox.
    const conversation = await runtime.context().store.getConversation(event.conversationId);
    const record = handoffById(conversation, event.handoffId);
    if (!conversation || !record) {
      throw new NotificationError({
        notifier: name,
        retryable: false,
        message: `No handoff ${event.handoffId} to announce.`,
      });
    }
    const view: StoredConversation = { ...conversation, handoff: record };
    switch (event.type) {
      case 'handoff.created':
      case 'ticket.created':
        return announce(view, chatwootId, signal);
      case 'handoff.brief_ready':
        return noteOnce(
          view,
          chatwootId,
          delivery.id,
          `**Updated brief**\n${buildChatwootBrief(view, { redact })}`,
          signal,
        );
      case 'handoff.escalated':
        await bestEffort('priority', () => api.togglePriority(chatwootId, 'urgent', signal));
        await noteOnce(
          view,
          chatwootId,
          delivery.id,
          '**Now critical:** the customer wrote something that needs a person at once.',
          signal,
        );
        return api.toggleStatus(chatwootId, 'open', signal);
      case 'handoff.claimed':
        if (record.agentId?.startsWith('chatwoot:')) return;
        return noteOnce(
          view,
          chatwootId,
          delivery.id,
          `Claimed in Handrail's console by ${record.agentId ?? 'an agent'}.`,
          signal,
        );
      case 'handoff.resolved':
        // Resolved in Chatwoot itself: nothing to change there.
        if (wasHandled(view, name, `resolved-in-chatwoot:${record.id}`)) return;
        await noteOnce(
          view,
          chatwootId,
          delivery.id,
          record.resolution === 'closed' ? 'Closed in Handrail.' : 'Handed back to the bot in Handrail.',
          signal,
        );
        return api.toggleStatus(chatwootId, record.resolution === 'closed' ? 'resolved' : 'pending', signal);
      default:
        return;
    }
  }

  /** A Chatwoot agent as a Handrail agent. */
  const agentOf = (sender: ChatwootSender | undefined): AgentIdentity => ({
    id: `chatwoot:${sender?.id ?? 'unknown'}`,
    ...(sender?.name ? { name: sender.name } : {}),
  });

  /** Chatwoot says a person has the conversation: Handrail's handoff is theirs too (the bot stays silent). */
  async function syncAssignee(conversationId: string, chatwoot: ChatwootConversation | undefined) {
    const assignee = chatwoot?.meta?.assignee;
    if (!assignee || chatwoot?.status !== 'open') return;
    const conversation = await runtime.context().store.getConversation(conversationId);
    if (!conversation?.handoff || conversation.handoff.agentId || !withPeople.has(conversation.state)) return;
    await runtime.context().handoffs.claim(conversationId, agentOf(assignee)).catch(ignoreStateErrors);
  }

  async function customerWrote(payload: ChatwootWebhook, chatwootId: number) {
    const text = payload.content?.trim();
    if (!text || payload.id === undefined) return;
    const { store, runTurn } = runtime.context();
    const conversationId = handrailId(chatwootId);
    await syncAssignee(conversationId, payload.conversation);
    const known = await store.getConversation(conversationId);
    // An agent took it in Chatwoot without any handoff: it is theirs, the bot keeps out.
    if (
      payload.conversation?.meta?.assignee &&
      payload.conversation.status === 'open' &&
      (!known || known.state === 'bot')
    )
      return;
    const sender = payload.sender;
    const result = await runTurn({
      conversationId,
      messageId: `chatwoot-message-${payload.id}`,
      text,
      identity: {
        ...(sender?.id !== undefined ? { id: `chatwoot-contact-${sender.id}` } : {}),
        ...(sender?.name ? { name: sender.name } : {}),
        ...(sender?.email ? { email: sender.email } : {}),
      },
    });
    // The bot's answer, or Handrail's notice of the handoff (the agents' own messages reached the
    // customer through Chatwoot already). While a person has it the notice is empty: the bot stays silent.
    const answer = result ? (result.handoff ? result.handoff.message : messageText(result.message)).trim() : '';
    if (answer) await sendReply(chatwootId, `chatwoot-reply-${payload.id}`, answer);
  }

  /**
   * Posts the bot's answer; when Chatwoot does not take it, the answer becomes an outbox delivery
   * (`chatwoot.reply`) that the outbox retries with its backoff, so the customer still gets it.
   */
  async function sendReply(chatwootId: number, id: string, content: string) {
    try {
      await api.createMessage(chatwootId, { content });
    } catch (error) {
      if (!NotificationError.isInstance(error) || !error.retryable) throw error;
      const { store, clock, logger } = runtime.context();
      const at = clock().toISOString();
      const payload: ChatwootReply = { chatwootId, content };
      await store.enqueueDeliveries([
        {
          id,
          notifier: name,
          type: replyType,
          payload,
          createdAt: at,
          attempts: 1,
          nextAttemptAt: at,
          status: 'pending',
          lastError: String(error),
        },
      ]);
      logger.warn('chatwoot-reply-deferred', { desk: name, chatwootId, error: String(error) });
    }
  }

  async function agentWrote(payload: ChatwootWebhook, chatwootId: number) {
    const text = payload.content?.trim();
    const { store, handoffs } = runtime.context();
    const conversationId = handrailId(chatwootId);
    const conversation = await store.getConversation(conversationId);
    if (!text || !conversation?.handoff || !withPeople.has(conversation.state)) return;
    if (
      conversation.handoff.desks?.[name] &&
      !(await markHandled(store, conversationId, name, `agent-message:${payload.id}`))
    )
      return;
    const agent = agentOf(payload.sender);
    try {
      if (!conversation.handoff.agentId) await handoffs.claim(conversationId, agent);
      // Chatwoot delivered the message to the customer; Handrail records it for the transcript and metrics
      // (not when another agent holds the handoff in Handrail: that is theirs to reconcile).
      await handoffs.sendAgentMessage(conversationId, agent, text);
    } catch (error) {
      ignoreStateErrors(error);
    }
  }

  async function resolvedInChatwoot(chatwootId: number) {
    const { store, handoffs } = runtime.context();
    const conversationId = handrailId(chatwootId);
    const conversation = await store.getConversation(conversationId);
    const handoff = conversation?.handoff;
    if (!conversation || !handoff || !withPeople.has(conversation.state)) return;
    if (handoff.desks?.[name]) await markHandled(store, conversationId, name, `resolved-in-chatwoot:${handoff.id}`);
    await handoffs.resolve(conversationId, { id: handoff.agentId ?? 'chatwoot' }, 'bot').catch(ignoreStateErrors);
  }

  async function handleWebhook(payload: ChatwootWebhook) {
    if (payload.event === 'message_created') {
      const chatwootId = payload.conversation?.id;
      const inbox = payload.inbox?.id ?? payload.conversation?.inbox_id;
      if (typeof chatwootId !== 'number' || inbox !== inboxId || payload.private) return;
      const type = payload.message_type;
      if (type === 'incoming' || type === 0) return customerWrote(payload, chatwootId);
      if ((type === 'outgoing' || type === 1) && payload.sender?.type?.toLowerCase() === 'user') {
        return agentWrote(payload, chatwootId);
      }
      return;
    }
    if (payload.event === 'conversation_status_changed' || payload.event === 'conversation_updated') {
      if (typeof payload.id !== 'number' || (payload.inbox_id !== undefined && payload.inbox_id !== inboxId)) return;
      if (payload.status === 'resolved') return resolvedInChatwoot(payload.id);
      return syncAssignee(handrailId(payload.id), payload as ChatwootConversation);
    }
  }

  const routes = new Hono();
  routes.use(runtime.requireConnected);
  routes.post('/webhook', async (c) => {
    const token = c.req.query('token') ?? '';
    if (!timingSafeEqual(token, webhookToken)) {
      throw httpError(
        401,
        'invalid_webhook_token',
        'Put the desk webhookToken in the Agent Bot webhook URL as ?token=.',
      );
    }
    const text = await c.req.text();
    if (text.length > 1_000_000) throw httpError(413, 'payload_too_large', 'Chatwoot webhooks are at most 1 MB here.');
    let payload: ChatwootWebhook;
    try {
      payload = JSON.parse(text) as ChatwootWebhook;
    } catch {
      throw httpError(400, 'invalid_json', 'The body is not the JSON Chatwoot sends.');
    }
    const account = payload.account?.id ?? payload.account_id ?? payload.conversation?.account_id;
    // Another account's event is acknowledged (Chatwoot must not retry it) and ignored.
    if (account === accountId) runtime.afterResponse(c, 'chatwoot-webhook', () => handleWebhook(payload));
    return c.json({ ok: true });
  });
  routes.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.` } }, 404),
  );

  return { name, deliver, routes, connect: runtime.connect };
}

/** A handoff that moved on meanwhile (resolved, claimed by another) is not an error here. */
function ignoreStateErrors(error: unknown): void {
  if (!HandoffStateError.isInstance(error)) throw error;
}

interface ChatwootSender {
  id?: number;
  name?: string;
  email?: string;
  type?: string;
}

interface ChatwootConversation {
  id?: number;
  status?: string;
  inbox_id?: number;
  account_id?: number;
  meta?: { assignee?: ChatwootSender | null; sender?: ChatwootSender };
}

/** The fields of Chatwoot's webhook payloads the desk reads (https://www.chatwoot.com/docs/product/others/webhook-events). */
interface ChatwootWebhook {
  event?: string;
  id?: number;
  content?: string | null;
  message_type?: string | number;
  private?: boolean;
  status?: string;
  inbox_id?: number;
  account_id?: number;
  sender?: ChatwootSender;
  inbox?: { id?: number };
  account?: { id?: number };
  conversation?: ChatwootConversation;
  meta?: ChatwootConversation['meta'];
}
