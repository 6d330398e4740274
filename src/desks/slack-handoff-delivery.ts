import { NotificationError } from '../errors/notification-error.js';
import type { HandoffEvent } from '../notify/handoff-event.js';
import type { DeskReference, OutboxDelivery, StoredConversation } from '../store/store.js';
import { handoffView, markHandled, saveDeskReference, wasHandled } from './desk-reference.js';
import { slackAgentLabel } from './slack-agents.js';
import { buildSlackBrief } from './slack-blocks.js';
import { type SlackDeskParts, slackChannelOf } from './slack-desk-parts.js';
import { postSlackThreadNote, slackThreadNoteOf } from './slack-thread-note.js';

/**
 * The Slack desk's `deliver`: a new handoff's brief is posted to its team's channel (updated when
 * it is there already); every later event updates the brief and tells the thread, once per
 * delivery. Events the desk does not accept, or of teams without a channel, are skipped.
 */
export async function deliverToSlack(
  parts: SlackDeskParts,
  delivery: OutboxDelivery,
  { signal }: { signal: AbortSignal },
): Promise<void> {
  const event = parts.runtime.eventOf(delivery);
  if (parts.accepts && !parts.accepts(event)) return;
  const { conversation, view } = await handoffView(parts.runtime.context().store, parts.name, event, 'post');
  const channel = slackChannelOf(parts, view.handoff!.team);
  if (!channel) return; // Not this desk's team.
  if (event.type === 'handoff.created' || event.type === 'ticket.created') {
    return postBrief(parts, view, channel, signal);
  }
  return updateThread(parts, { event, conversation, view, channel, deliveryId: delivery.id, signal });
}

/** The brief as the desk shows it, with the console link and the claiming agent's mention. */
function slackBriefOf(parts: SlackDeskParts, view: StoredConversation) {
  const link = parts.consoleUrl
    ? `${parts.consoleUrl.replace(/\/+$/, '')}/agent#${encodeURIComponent(view.id)}`
    : undefined;
  const label = slackAgentLabel(parts.agents, view.handoff?.agentId);
  return buildSlackBrief(view, {
    redact: parts.redact,
    ...(link ? { link } : {}),
    ...(label ? { agentLabel: label } : {}),
  });
}

/** Posts the brief and saves where it is; a retried delivery updates the message it posted before. */
async function postBrief(parts: SlackDeskParts, view: StoredConversation, channel: string, signal: AbortSignal) {
  const record = view.handoff!;
  const reference = record.desks?.[parts.name];
  const message = slackBriefOf(parts, view);
  if (reference) {
    return parts.slack.updateMessage(
      { channel: reference.location ?? channel, ts: reference.externalId, ...message },
      signal,
    );
  }
  const posted = await parts.slack.postMessage({ channel, ...message }, signal);
  await saveDeskReference(parts.runtime.context().store, view.id, record.id, parts.name, {
    externalId: posted.ts,
    location: posted.channel,
  });
}

interface ThreadUpdate {
  event: HandoffEvent;
  /** The conversation as stored: what its current handoff's reference says was handled. */
  conversation: StoredConversation;
  /** The conversation, its handoff the event's. */
  view: StoredConversation;
  channel: string;
  deliveryId: string;
  signal: AbortSignal;
}

/** A later event: the brief updated (not for a customer message) and the thread told, once per delivery. */
async function updateThread(parts: SlackDeskParts, update: ThreadUpdate) {
  const { event, conversation, view, channel, deliveryId, signal } = update;
  const record = view.handoff!;
  const where = postedAt(parts.name, record.desks?.[parts.name], record.id, channel);
  if (event.type !== 'user_message.created') {
    await parts.slack.updateMessage({ ...where, ...slackBriefOf(parts, view) }, signal);
  }
  const note = slackThreadNoteOf(event, view, slackAgentLabel(parts.agents, record.agentId), parts.redact);
  if (!note || wasHandled(conversation, parts.name, deliveryId)) return;
  await postSlackThreadNote(parts.slack, where, note, signal, event.type === 'handoff.escalated');
  await markHandled(parts.runtime.context().store, conversation.id, parts.name, deliveryId);
}

/** Where the brief of handoff `handoffId` is; a retryable error while it is not posted yet. */
function postedAt(
  name: string,
  reference: DeskReference | undefined,
  handoffId: string,
  channel: string,
): { channel: string; ts: string } {
  if (!reference) {
    // The brief is not in Slack yet (its delivery is being retried): this one waits for it.
    throw new NotificationError({
      notifier: name,
      retryable: true,
      message: `Handoff ${handoffId} is not posted to Slack yet.`,
    });
  }
  return { channel: reference.location ?? channel, ts: reference.externalId };
}
