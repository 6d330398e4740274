import type { HandoffBrief } from '../brief/index.js';
import type { Urgency } from '../guard/types.js';
import { redactPii } from '../notify/redact.js';
import type { StoredConversation } from '../store/store.js';
import { latestTurns } from './latest-turns.js';
import { reasonsInWords } from './reason-words.js';

/** A Block Kit text object. */
export interface SlackDeskText {
  type: 'plain_text' | 'mrkdwn';
  text: string;
  emoji?: boolean;
}

/** An interactive button; `value` carries which conversation and handoff it acts on. */
export interface SlackActionButton {
  type: 'button';
  text: SlackDeskText;
  action_id: string;
  value: string;
  style?: 'primary' | 'danger';
  confirm?: { title: SlackDeskText; text: SlackDeskText; confirm: SlackDeskText; deny: SlackDeskText };
}

/** The Block Kit blocks the Slack desk writes (a subset of Slack's). */
export type SlackDeskBlock =
  | { type: 'header'; text: SlackDeskText }
  | { type: 'section'; text?: SlackDeskText; fields?: SlackDeskText[] }
  | { type: 'actions'; block_id?: string; elements: SlackActionButton[] }
  | { type: 'context'; elements: SlackDeskText[] }
  | { type: 'divider' };

/** The `action_id`s of the brief's buttons. */
export const slackActionIds = {
  claim: 'handrail_claim',
  backToBot: 'handrail_back_to_bot',
  close: 'handrail_close',
} as const;

/** What a button's `value` holds. */
export interface SlackActionValue {
  conversationId: string;
  handoffId: string;
}

const urgencyEmoji: Record<Urgency, string> = {
  low: ':large_blue_circle:',
  normal: ':large_yellow_circle:',
  high: ':large_orange_circle:',
  critical: ':rotating_light:',
};

/** Options of {@link buildSlackBrief}. */
export interface SlackBriefOptions {
  /** Where an agent opens the conversation in Handrail's console. */
  link?: string;
  /** How the claiming agent is shown (`<@U123>` for a Slack user). */
  agentLabel?: string;
  /** Masks emails, phone numbers, cards and IBANs in what the customer wrote. @default false */
  redact?: boolean;
  /** Turns of the transcript excerpt. @default 6 */
  excerptTurns?: number;
}

/**
 * The Slack message of a handoff, as it stands: a header with the urgency, the reason in plain
 * words, urgency, team, status and customer, the brief's summary and entities, an excerpt of the
 * transcript, then Claim / Back to bot / Close buttons while people have it. Posted when the
 * handoff is created and updated in place (`chat.update`) on every change. User text is escaped,
 * so the customer cannot mention `@channel` or forge links.
 */
export function buildSlackBrief(
  conversation: StoredConversation,
  options: SlackBriefOptions = {},
): { text: string; blocks: SlackDeskBlock[] } {
  const handoff = conversation.handoff;
  if (!handoff) throw new Error(`Conversation ${conversation.id} has no handoff.`);
  const brief = (handoff.brief ?? null) as HandoffBrief | null;
  const clean = (text: string) => escapeMrkdwn(options.redact ? redactPii(text) : text);
  const emoji = urgencyEmoji[handoff.urgency];
  const status = statusText(conversation, options.agentLabel);
  const why = reasonsInWords(handoff.reasons).join(' ') || 'No reason recorded.';
  const title = handoff.ticket ? 'Offline ticket' : 'Customer needs a person';
  const customer = customerText(conversation, brief);

  const blocks: SlackDeskBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${emoji} ${title}`, 150), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(`*Why:* ${why}`, 3000) } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Urgency*\n${emoji} ${capitalize(handoff.urgency)}` },
        { type: 'mrkdwn', text: truncate(`*Team*\n${escapeMrkdwn(handoff.team ?? 'Unassigned')}`, 2000) },
        { type: 'mrkdwn', text: truncate(`*Status*\n${status}`, 2000) },
        { type: 'mrkdwn', text: truncate(`*Customer*\n${customer ? clean(customer) : 'Unknown'}`, 2000) },
      ],
    },
  ];
  const summary = brief?.summary?.trim();
  if (summary)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(`*Summary*\n${clean(summary)}`, 3000) } });
  const entities = brief ? entityLines(brief) : [];
  if (entities.length > 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`*Mentioned*\n${clean(entities.join('\n'))}`, 3000) },
    });
  }
  const excerpt = transcriptExcerpt(conversation, options.excerptTurns ?? 6, clean);
  if (excerpt)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: truncate(`*Transcript (latest)*\n${excerpt}`, 3000) },
    });
  const buttons = actionButtons(conversation);
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: `handrail_${handoff.id}`, elements: buttons });
  const context = [`Conversation \`${escapeMrkdwn(conversation.id)}\``, `handoff \`${escapeMrkdwn(handoff.id)}\``];
  if (options.link) context.push(`<${options.link}|Open in console>`);
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: context.join(' · ') }] });

  const text = truncate(
    `${emoji} ${title} (${handoff.urgency}, ${handoff.team ?? 'unassigned'}): ${why} ${status}`,
    3000,
  );
  return { text, blocks };
}

function statusText(conversation: StoredConversation, agentLabel: string | undefined): string {
  const handoff = conversation.handoff!;
  if (handoff.resolvedAt)
    return handoff.resolution === 'closed' ? ':white_check_mark: Closed' : ':robot_face: Back to the bot';
  if (handoff.agentId) return `:raising_hand: Claimed by ${agentLabel ?? escapeMrkdwn(handoff.agentId)}`;
  return ':hourglass_flowing_sand: Waiting for a person';
}

function customerText(conversation: StoredConversation, brief: HandoffBrief | null): string {
  const identity = brief?.customer ?? conversation.identity ?? null;
  return [identity?.name, identity?.email].filter(Boolean).join(', ');
}

function entityLines(brief: HandoffBrief): string[] {
  const { entities } = brief;
  const lines: Array<[string, string[]]> = [
    ['Orders', entities.orderNumbers],
    ['Accounts', entities.accountNumbers],
    ['Emails', entities.emails],
    ['Phones', entities.phoneNumbers],
    ['Amounts', entities.amounts.map((amount) => amount.text)],
    ['Dates', entities.dates],
    ['Products', entities.products],
  ];
  return lines.filter(([, values]) => values.length > 0).map(([label, values]) => `• ${label}: ${values.join(', ')}`);
}

function transcriptExcerpt(conversation: StoredConversation, turns: number, clean: (text: string) => string): string {
  return latestTurns(conversation, turns)
    .map(({ who, text }) => `*${who}:* ${clean(truncate(text, 280))}`)
    .join('\n');
}

function actionButtons(conversation: StoredConversation): SlackActionButton[] {
  const handoff = conversation.handoff!;
  if (handoff.resolvedAt || !['queued', 'assigned', 'human'].includes(conversation.state)) return [];
  const value = JSON.stringify({ conversationId: conversation.id, handoffId: handoff.id } satisfies SlackActionValue);
  const plain = (text: string): SlackDeskText => ({ type: 'plain_text', text, emoji: true });
  const buttons: SlackActionButton[] = [];
  if (!handoff.agentId)
    buttons.push({ type: 'button', text: plain('Claim'), action_id: slackActionIds.claim, value, style: 'primary' });
  buttons.push({ type: 'button', text: plain('Back to bot'), action_id: slackActionIds.backToBot, value });
  buttons.push({
    type: 'button',
    text: plain('Close'),
    action_id: slackActionIds.close,
    value,
    style: 'danger',
    confirm: {
      title: plain('Close the conversation?'),
      text: plain('The customer is told it is done; the bot does not take over.'),
      confirm: plain('Close'),
      deny: plain('Cancel'),
    },
  });
  return buttons;
}

/**
 * A text rendering of Block Kit blocks in Markdown, roughly as Slack lays them out: for
 * documentation and review where Slack itself is not at hand.
 */
export function renderSlackBlocks(blocks: readonly SlackDeskBlock[]): string {
  const out: string[] = [];
  const mrkdwn = (text: string) =>
    text
      .replace(/:[a-z_]+:/g, (code) => emojiGlyphs[code] ?? code)
      .replace(/<([^|>]+)\|([^>]+)>/g, '[$2]($1)')
      .replace(/<@([A-Z0-9]+)>/g, '@$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1**$2**')
      .replace(/\n/g, '  \n');
  for (const block of blocks) {
    if (block.type === 'header') out.push(`### ${mrkdwn(block.text.text)}`);
    else if (block.type === 'section') {
      if (block.text) out.push(mrkdwn(block.text.text));
      if (block.fields) out.push(block.fields.map((field) => mrkdwn(field.text.replace(/\n/g, ': '))).join(' · '));
    } else if (block.type === 'actions') out.push(block.elements.map((button) => `[ ${button.text.text} ]`).join(' '));
    else if (block.type === 'context')
      out.push(`<sub>${block.elements.map((element) => mrkdwn(element.text)).join(' ')}</sub>`);
    else out.push('---');
  }
  return out.join('\n\n');
}

/** The Slack emoji codes the brief uses, as characters, for the rendering. */
const emojiGlyphs: Record<string, string> = {
  ':large_blue_circle:': '🔵',
  ':large_yellow_circle:': '🟡',
  ':large_orange_circle:': '🟠',
  ':rotating_light:': '🚨',
  ':hourglass_flowing_sand:': '⏳',
  ':raising_hand:': '🙋',
  ':white_check_mark:': '✅',
  ':robot_face:': '🤖',
};

function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
