import type { HandoffBrief } from '../brief/index.js';
import { redactPii } from '../notify/redact.js';
import type { StoredConversation } from '../store/store.js';
import { latestTurns } from './latest-turns.js';
import { reasonsInWords } from './reason-words.js';

/**
 * The brief of a handoff as a Chatwoot private note (Markdown, which Chatwoot renders): why in
 * plain words, urgency and team, the customer, the summary, what they mentioned and the latest
 * turns of the transcript, so the agent who opens the conversation needs nothing else.
 */
export function buildChatwootBrief(
  conversation: StoredConversation,
  { redact = false }: { redact?: boolean } = {},
): string {
  const handoff = conversation.handoff;
  if (!handoff) throw new Error(`Conversation ${conversation.id} has no handoff.`);
  const brief = (handoff.brief ?? null) as HandoffBrief | null;
  const clean = (text: string) => (redact ? redactPii(text) : text);
  const lines = [
    `**Handoff from the bot** · urgency **${handoff.urgency}** · team **${handoff.team ?? 'unassigned'}**`,
    `**Why:** ${reasonsInWords(handoff.reasons).join(' ') || 'No reason recorded.'}`,
  ];
  const customer = [brief?.customer?.name, brief?.customer?.email].filter(Boolean).join(', ');
  if (customer) lines.push(`**Customer:** ${clean(customer)}`);
  if (brief?.summary) lines.push(`**Summary:** ${clean(brief.summary)}`);
  const mentioned = brief
    ? [
        ...brief.entities.orderNumbers.map((value) => `order ${value}`),
        ...brief.entities.accountNumbers.map((value) => `account ${value}`),
        ...brief.entities.emails,
        ...brief.entities.phoneNumbers,
        ...brief.entities.amounts.map((amount) => amount.text),
        ...brief.entities.dates,
        ...brief.entities.products,
      ]
    : [];
  if (mentioned.length > 0) lines.push(`**Mentioned:** ${clean(mentioned.join(', '))}`);
  if (brief?.openQuestions.length) lines.push(`**Open questions:** ${clean(brief.openQuestions.join(' · '))}`);
  const turns = latestTurns(conversation, 6).map(({ who, text }) => `> **${who}:** ${clean(text.slice(0, 280))}`);
  if (turns.length > 0) lines.push('**Transcript (latest)**', ...turns);
  return lines.join('\n');
}
