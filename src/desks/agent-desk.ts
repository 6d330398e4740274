import type { Hono } from 'hono';
import type { ChatTurnResult } from '../chat/chat-turn.js';
import type { HandoffService } from '../handoff/handoff-service.js';
import type { Logger } from '../logger.js';
import type { Notifier } from '../notify/notifier.js';
import type { Team } from '../routing/index.js';
import type { CustomerIdentity, Store } from '../store/store.js';

/** A message the customer wrote in a desk's own channel (a Chatwoot inbox), for {@link AgentDeskContext.runTurn}. */
export interface DeskTurnInput {
  /** Handrail's conversation id; the conversation is created on its first message. */
  conversationId: string;
  /** Stable id of the message (the desk's own), so a webhook delivered twice is one message. */
  messageId: string;
  text: string;
  /** Who the customer is, when the desk knows. */
  identity?: CustomerIdentity;
}

/** What `createHandrailEngine` gives each desk it is configured with, once, when it starts. */
export interface AgentDeskContext {
  store: Store;
  /** Claim, agent messages and resolve: the same lifecycle as the agent API and console. */
  handoffs: HandoffService;
  teams: Team[];
  /**
   * Stores a customer message that arrived through the desk and runs the normal chat turn on it
   * (the same guard, model, escalation and brief as `POST /chat`), without the HTTP checks of the
   * user routes: the desk has authenticated its webhook. Resolves when the turn is stored, or
   * with null when the message was stored already (a webhook delivered twice): no second answer.
   */
  runTurn(input: DeskTurnInput): Promise<ChatTurnResult | null>;
  /** Keeps work started by a webhook alive after its acknowledgement; `engine.idle()` awaits it. */
  waitUntil(promise: Promise<unknown>): void;
  /** Resolves when the engine's background work (notifications it started) is done. */
  idle(): Promise<void>;
  clock: () => Date;
  logger: Logger;
}

/**
 * A place where agents already work (Slack, a helpdesk), connected both ways.
 *
 * Outbound, a desk is a {@link Notifier}: Handrail's handoff events reach it through the outbox,
 * stored in the same write as the change they announce and retried with backoff, so a desk that is
 * down never loses a handoff (it waits in Handrail's queue and console meanwhile). `deliver` must
 * be idempotent per delivery id: the outbox delivers at least once.
 *
 * Inbound, `routes` take the desk's webhooks (verified, acknowledged fast, the work done after)
 * and turn them into `HandoffService` calls (claim, agent message, resolve) or chat turns. The
 * host mounts them: `app.route('/desks/slack', desk.routes)`.
 *
 * Zendesk, Intercom or Freshdesk follow as one file each, and pass the same contract
 * (`testAgentDesk` in `handrail/testing`).
 *
 * @example
 * const slack = createSlackAgentDesk({ botToken, signingSecret, channels: { support: 'C0123' } });
 * const engine = createHandrailEngine({ model, teams, desks: [slack] });
 * app.route('/api', engine.app);
 * app.route('/desks/slack', slack.routes);
 */
export interface AgentDesk extends Notifier<unknown> {
  /** The desk's webhook routes, relative to where the host mounts them. */
  readonly routes: Hono;
  /** Called once by `createHandrailEngine`; until then the routes answer 503 `desk_not_connected`. */
  connect(context: AgentDeskContext): void;
}
