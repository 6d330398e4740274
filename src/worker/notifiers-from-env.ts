import type { Notifier } from '../notify/notifier.js';
import { createSlackNotifier } from '../notify/slack-notifier.js';
import { createWebhookNotifier } from '../notify/webhook-notifier.js';
import type { WorkerBindings } from './env.js';

/**
 * The notifiers the Worker's bindings ask for: a signed webhook when `WEBHOOK_URL` and
 * `WEBHOOK_SECRET` are both set, Slack when `SLACK_WEBHOOK_URL` is set. Empty values count
 * as unset. A malformed URL or secret throws (a configuration mistake).
 */
export function notifiersFromEnv(
  env: Pick<WorkerBindings, 'WEBHOOK_URL' | 'WEBHOOK_SECRET' | 'SLACK_WEBHOOK_URL'>,
): Notifier[] {
  const notifiers: Notifier[] = [];
  const webhookUrl = env.WEBHOOK_URL?.trim();
  const webhookSecret = env.WEBHOOK_SECRET?.trim();
  if (webhookUrl && webhookSecret) notifiers.push(createWebhookNotifier({ url: webhookUrl, secret: webhookSecret }));
  const slackUrl = env.SLACK_WEBHOOK_URL?.trim();
  if (slackUrl) notifiers.push(createSlackNotifier({ webhookUrl: slackUrl }));
  return notifiers;
}
