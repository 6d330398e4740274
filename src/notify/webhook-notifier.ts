import type { OutboxDelivery } from '../store/store.js';
import { assertHttpUrl } from './assert-http-url.js';
import { type HandoffEventType, handoffEventSchema, redactHandoffEvent } from './handoff-event.js';
import type { Notifier } from './notifier.js';
import { postJson } from './post-json.js';
import { redactValue } from './redact.js';
import { signWebhook, webhookHeaderNames } from './standard-webhooks.js';

/** Options of {@link createWebhookNotifier}. */
export interface WebhookNotifierOptions {
  /** Receiver URL (http or https). */
  url: string;
  /** Signing secret, `whsec_<base64>`; see `generateWebhookSecret()`. */
  secret: string;
  /** @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
  /** Time allowed for one attempt, in milliseconds. @default 10_000 */
  timeoutMs?: number;
  /** @default 'webhook' */
  name?: string;
  /**
   * The event types it receives (add `judgementEventTypes` for the review loop's events).
   * @default lifecycleEventTypes
   */
  events?: readonly HandoffEventType[];
  /** Masks emails, phone numbers, cards and IBANs in the payload before sending. @default false */
  redact?: boolean;
  /** Clock for the `webhook-timestamp` header. @default () => new Date() */
  clock?: () => Date;
}

/** The JSON body a webhook receiver gets (the Standard Webhooks payload shape). */
export interface WebhookBody {
  /** Event type, e.g. `handoff.created`. */
  type: string;
  /** ISO time the event happened. */
  timestamp: string;
  /** The event itself (a `HandoffEvent` for handoff notifications). */
  data: unknown;
}

/**
 * A notifier that POSTs each delivery as JSON `{ type, timestamp, data }`, signed with
 * the Standard Webhooks scheme. `webhook-id` is the delivery's id, the same on every
 * retry, so the receiver can drop duplicates; `webhook-timestamp` is the attempt's time.
 *
 * @example
 * const outbox = createOutbox({
 *   store,
 *   notifiers: [createWebhookNotifier({ url: 'https://example.com/hooks/handrail', secret: env.WEBHOOK_SECRET })],
 * });
 */
export function createWebhookNotifier({
  url,
  secret,
  fetch = globalThis.fetch,
  timeoutMs = 10_000,
  name = 'webhook',
  events,
  redact = false,
  clock = () => new Date(),
}: WebhookNotifierOptions): Notifier<unknown> {
  assertHttpUrl(url, 'Webhook notifier url');
  if (!isBase64Secret(secret)) {
    throw new Error('Webhook notifier needs a secret, whsec_<base64> (see generateWebhookSecret()).');
  }
  if (!(timeoutMs > 0)) throw new Error('Webhook notifier timeoutMs must be positive.');

  return {
    name,
    ...(events ? { events } : {}),
    async deliver(delivery: OutboxDelivery, { signal }: { signal: AbortSignal }) {
      const data = redact ? redactPayload(delivery.payload) : delivery.payload;
      const webhookBody: WebhookBody = { type: delivery.type, timestamp: eventTime(delivery), data };
      const body = JSON.stringify(webhookBody);
      const now = clock();
      const timestamp = Math.floor(now.getTime() / 1000);
      const signature = await signWebhook({ secret, id: delivery.id, timestamp, body });
      await postJson({
        notifier: name,
        url,
        body,
        headers: {
          [webhookHeaderNames.id]: delivery.id,
          [webhookHeaderNames.timestamp]: String(timestamp),
          [webhookHeaderNames.signature]: signature,
        },
        fetch,
        timeoutMs,
        signal,
        now,
      });
    },
  };
}

/** A handoff event keeps its ids and link; any other payload is redacted in every string. */
function redactPayload(payload: unknown): unknown {
  const parsed = handoffEventSchema.safeParse(payload);
  return parsed.success ? redactHandoffEvent(parsed.data) : redactValue(payload);
}

/** The event's own `createdAt` when the payload has one, else when it was enqueued. */
function eventTime(delivery: OutboxDelivery): string {
  const payload = delivery.payload;
  if (payload !== null && typeof payload === 'object' && 'createdAt' in payload) {
    const { createdAt } = payload as { createdAt: unknown };
    if (typeof createdAt === 'string') return createdAt;
  }
  return delivery.createdAt;
}

function isBase64Secret(secret: string): boolean {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  try {
    return atob(encoded).length > 0;
  } catch {
    return false;
  }
}
