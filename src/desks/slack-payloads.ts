import { type SlackActionValue, slackActionIds } from './slack-blocks.js';

/** The fields of a Slack Events API request the desk reads. */
export interface SlackEventEnvelope {
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

/** The fields of a Slack interactivity payload the desk reads. */
export interface SlackInteraction {
  type?: string;
  user?: { id?: string; name?: string; username?: string };
  channel?: { id?: string };
  container?: { channel_id?: string; message_ts?: string };
  actions?: Array<{ action_id?: string; value?: string }>;
}

/** A person's reply in a thread of the desk's channel, as Slack sent it. */
export interface SlackThreadReply {
  eventId: string;
  userId: string;
  channel: string;
  threadTs: string;
  /** In Slack's markup. */
  text: string;
}

/**
 * The thread reply an event is, or null: a reply also sent to the channel (`thread_broadcast`) is
 * one; edits, joins, bot posts, top-level messages and notes starting with `internalPrefix` are not.
 */
export function slackThreadReplyOf(envelope: SlackEventEnvelope, internalPrefix: string): SlackThreadReply | null {
  const event = envelope.event;
  if (event?.type !== 'message' || (event.subtype && event.subtype !== 'thread_broadcast')) return null;
  if (event.bot_id || !event.user) return null;
  if (!event.thread_ts || event.thread_ts === event.ts || typeof event.text !== 'string' || !event.channel) return null;
  if (event.text.trim().startsWith(internalPrefix) || !envelope.event_id) return null;
  return {
    eventId: envelope.event_id,
    userId: event.user,
    channel: event.channel,
    threadTs: event.thread_ts,
    text: event.text,
  };
}

/** What a brief's button asks. */
export type SlackActionKind = keyof typeof slackActionIds;

/** A button press on a brief, as Slack sent it. */
export interface SlackButtonPress {
  kind: SlackActionKind;
  value: SlackActionValue;
  userId: string;
  /** The user's Slack name, when sent. */
  slackName: string | undefined;
  /** The channel of the message, when sent. */
  channel: string | undefined;
}

/** The presses of the desk's buttons in a `block_actions` payload; other actions and malformed values are left out. */
export function slackButtonPressesOf(payload: SlackInteraction): SlackButtonPress[] {
  const userId = payload.user?.id;
  if (!userId) return [];
  const slackName = payload.user?.name ?? payload.user?.username;
  const channel = payload.channel?.id ?? payload.container?.channel_id;
  return (payload.actions ?? []).flatMap((action) => {
    const value = parseActionValue(action.value);
    const kind = slackActionKindOf(action.action_id);
    return value && kind ? [{ kind, value, userId, slackName, channel }] : [];
  });
}

/** The kind of the desk's button with `action_id` `actionId`, or undefined for another button. */
export function slackActionKindOf(actionId: string | undefined): SlackActionKind | undefined {
  return (Object.entries(slackActionIds) as [SlackActionKind, string][]).find(([, id]) => id === actionId)?.[0];
}

/** A button's value: the conversation and handoff it acts on, or null when it holds anything else. */
export function parseActionValue(value: string | undefined): SlackActionValue | null {
  try {
    const parsed = JSON.parse(value ?? '') as Partial<SlackActionValue>;
    return typeof parsed.conversationId === 'string' && typeof parsed.handoffId === 'string'
      ? { conversationId: parsed.conversationId, handoffId: parsed.handoffId }
      : null;
  } catch {
    return null;
  }
}
