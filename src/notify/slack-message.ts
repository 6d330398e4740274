import type { Urgency } from '../guard/types.js';
import type { HandoffEvent, HandoffEventType } from './handoff-event.js';

/** A Slack incoming-webhook message: Block Kit blocks and a plain `text` fallback for notifications. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** The Block Kit blocks this module writes (a subset of Slack's). */
export type SlackBlock =
  | { type: 'header'; text: SlackText<'plain_text'> }
  | { type: 'section'; text?: SlackText<'mrkdwn'>; fields?: SlackText<'mrkdwn'>[] }
  | { type: 'actions'; elements: SlackButton[] }
  | { type: 'context'; elements: SlackText<'mrkdwn'>[] };

export interface SlackText<Kind extends 'plain_text' | 'mrkdwn'> {
  type: Kind;
  text: string;
  emoji?: boolean;
}

export interface SlackButton {
  type: 'button';
  text: SlackText<'plain_text'>;
  url: string;
  action_id: string;
  style?: 'primary' | 'danger';
}

/** Emoji shown next to each urgency. */
export const urgencyEmoji: Record<Urgency, string> = {
  low: ':large_blue_circle:',
  normal: ':large_yellow_circle:',
  high: ':large_orange_circle:',
  critical: ':rotating_light:',
};

const titles: Record<HandoffEventType, string> = {
  'handoff.created': 'New handoff',
  'handoff.claimed': 'Handoff claimed',
  'handoff.resolved': 'Handoff resolved',
  'ticket.created': 'New offline ticket',
  'handoff.escalated': 'Handoff now critical',
  'handoff.brief_ready': 'Handoff brief ready',
  'user_message.created': 'New message from the customer',
  'handoff.judged': 'Handoff judged',
  'conversation.reviewed': 'Conversation reviewed',
};

/**
 * The Slack message for a handoff event: a header, the summary, urgency and team, the
 * reasons, a button to the conversation and a context line. User text is escaped, so a
 * summary cannot mention `@channel` or forge links.
 */
export function buildSlackMessage(event: HandoffEvent, { link }: { link?: string } = {}): SlackMessage {
  const emoji = urgencyEmoji[event.urgency];
  const title = titles[event.type];
  const team = event.team ?? 'Unassigned';
  const summary = event.summary.trim() || 'No summary.';
  const reasons = event.reasons.length
    ? event.reasons
        .map(({ reason, detail }) => `• *${reasonLabel(reason)}*${detail ? `: ${escapeMrkdwn(detail)}` : ''}`)
        .join('\n')
    : '• None given';
  const createdAt = Date.parse(event.createdAt);
  const context = [
    `Conversation \`${escapeMrkdwn(event.conversationId)}\``,
    `handoff \`${escapeMrkdwn(event.handoffId)}\``,
    Number.isNaN(createdAt)
      ? escapeMrkdwn(event.createdAt)
      : `<!date^${Math.floor(createdAt / 1000)}^{date_short_pretty} {time}|${escapeMrkdwn(event.createdAt)}>`,
  ];
  if (link) context.push(`<${link}|Open in console>`);

  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${emoji} ${title}`, 150), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(summary), 3000) } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Urgency*\n${emoji} ${capitalize(event.urgency)}` },
        { type: 'mrkdwn', text: truncate(`*Team*\n${escapeMrkdwn(team)}`, 2000) },
      ],
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`*${event.reasons.length > 1 ? 'Reasons' : 'Reason'}*\n${reasons}`, 3000),
      },
    },
  ];
  if (link) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Open conversation', emoji: true },
          url: link,
          action_id: 'open_conversation',
          ...(event.urgency === 'critical' || event.urgency === 'high' ? { style: 'danger' as const } : {}),
        },
      ],
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] });

  const reasonList = event.reasons.map(({ reason }) => reasonLabel(reason).toLowerCase()).join(', ');
  const text = truncate(
    `${emoji} ${title} (${event.urgency} urgency, ${team}${reasonList ? `, ${reasonList}` : ''}): ${escapeMrkdwn(summary)}`,
    3000,
  );
  return { text, blocks };
}

/** `explicit_request` -> `Explicit request`. */
function reasonLabel(reason: string): string {
  return capitalize(reason.replace(/_/g, ' '));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Slack mrkdwn control characters; escaping them stops mentions and links in user text. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
