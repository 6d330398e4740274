import { NotificationError } from '../errors/notification-error.js';
import type { OutboxDelivery } from '../store/store.js';
import { assertHttpUrl } from './assert-http-url.js';
import { type HandoffEvent, handoffEventSchema, redactHandoffEvent } from './handoff-event.js';
import type { Notifier } from './notifier.js';
import { postJson } from './post-json.js';
import { buildSlackMessage } from './slack-message.js';

/** Options of {@link createSlackNotifier}. */
export interface SlackNotifierOptions {
  /** The Slack incoming-webhook URL (`https://hooks.slack.com/services/...`). */
  webhookUrl: string;
  /**
   * The agent console, used for the conversation link when the event has none. A
   * `{conversationId}` placeholder is replaced; otherwise `/conversations/<id>` is appended.
   */
  consoleUrl?: string;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Time allowed for one attempt, in milliseconds. @default 10_000 */
  timeoutMs?: number;
  /** @default 'slack' */
  name?: string;
  /** Masks emails, phone numbers, cards and IBANs in the message. @default false */
  redact?: boolean;
  /** Clock, to read a `Retry-After` date. @default () => new Date() */
  clock?: () => Date;
}

/**
 * A notifier that posts handoff events to a Slack channel through an incoming webhook,
 * as a Block Kit message (see `buildSlackMessage`). A delivery whose payload is not a
 * `HandoffEvent` fails without retry.
 *
 * @example
 * createSlackNotifier({ webhookUrl: env.SLACK_WEBHOOK_URL, consoleUrl: 'https://support.example.com/console', redact: true });
 */
export function createSlackNotifier({
  webhookUrl,
  consoleUrl,
  fetch = globalThis.fetch,
  timeoutMs = 10_000,
  name = 'slack',
  redact = false,
  clock = () => new Date(),
}: SlackNotifierOptions): Notifier<unknown> {
  assertHttpUrl(webhookUrl, 'Slack notifier webhookUrl');
  if (consoleUrl !== undefined)
    assertHttpUrl(consoleUrl.replace('{conversationId}', 'id'), 'Slack notifier consoleUrl');
  if (!(timeoutMs > 0)) throw new Error('Slack notifier timeoutMs must be positive.');

  return {
    name,
    async deliver(delivery: OutboxDelivery, { signal }: { signal: AbortSignal }) {
      const parsed = handoffEventSchema.safeParse(delivery.payload);
      if (!parsed.success) {
        throw new NotificationError({
          notifier: name,
          retryable: false,
          message: `Notifier ${name} can only send handoff events; delivery ${delivery.id} has another payload.`,
          cause: parsed.error,
        });
      }
      const event: HandoffEvent = redact ? redactHandoffEvent(parsed.data) : parsed.data;
      const link = event.link ?? conversationLink(consoleUrl, event.conversationId);
      const message = buildSlackMessage(event, link ? { link } : {});
      await postJson({
        notifier: name,
        url: webhookUrl,
        body: JSON.stringify(message),
        fetch,
        timeoutMs,
        signal,
        now: clock(),
      });
    },
  };
}

function conversationLink(consoleUrl: string | undefined, conversationId: string): string | undefined {
  if (!consoleUrl) return undefined;
  const id = encodeURIComponent(conversationId);
  if (consoleUrl.includes('{conversationId}')) return consoleUrl.replaceAll('{conversationId}', id);
  return `${consoleUrl.replace(/\/+$/, '')}/conversations/${id}`;
}
