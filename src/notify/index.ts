export { type BackoffOptions, backoffDelay, type ResolvedBackoff, resolveBackoff } from './backoff.js';
export {
  type BuildHandoffEventInput,
  buildHandoffEvent,
  type HandoffEvent,
  type HandoffEventType,
  handoffEventSchema,
  handoffEventTypes,
  judgementEventTypes,
  lifecycleEventTypes,
  redactHandoffEvent,
} from './handoff-event.js';
export type { Notifier, NotifierDelivery } from './notifier.js';
export {
  createOutbox,
  type FlushOptions,
  type FlushResult,
  type Outbox,
  type OutboxLogger,
  type OutboxOptions,
} from './outbox.js';
export { redactPii, redactValue } from './redact.js';
export {
  buildSlackMessage,
  type SlackBlock,
  type SlackButton,
  type SlackMessage,
  type SlackText,
  urgencyEmoji,
} from './slack-message.js';
export { createSlackNotifier, type SlackNotifierOptions } from './slack-notifier.js';
export {
  generateWebhookSecret,
  type SignWebhookInput,
  signWebhook,
  type VerifyWebhookInput,
  verifyWebhook,
  type WebhookHeadersInput,
  webhookHeaderNames,
} from './standard-webhooks.js';
export { createWebhookNotifier, type WebhookBody, type WebhookNotifierOptions } from './webhook-notifier.js';
