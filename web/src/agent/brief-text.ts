import { reasonLabels } from '../shared/handoff-text.js';
import { authorOf, handoffOf, messageText } from '../shared/message-text.js';
import type { HandoffBrief, HandrailUIMessage, Urgency } from '../shared/types.js';

/** A handoff reason as the agent API returns it (the brief's reasons also carry score and evidence). */
export interface ReasonInput {
  reason: string;
  source: string;
  detail: string;
  score?: number;
}

/** Plain-language names of the guard's topics (a reason's detail reads `topic <id>`). */
export const topicLabels: Record<string, string> = {
  self_harm: 'Crisis / self-harm',
  billing_dispute: 'Billing dispute',
  refund: 'Refund request',
  cancellation: 'Cancellation',
  complaint: 'Complaint',
  fraud_security: 'Fraud or account security',
  product_safety: 'Product safety',
  data_protection: 'Data protection',
  legal_threat: 'Legal threat',
};

/** Words for an urgency, for the headline. */
export const urgencyLabels: Record<Urgency, string> = {
  critical: 'Critical',
  high: 'High',
  normal: 'Normal',
  low: 'Low',
};

/** One reason as the agent reads it: a label, and how it was detected (kept out of the main view). */
export interface ReasonLine {
  label: string;
  reason: string;
  /** Where each signal came from, with the detector's own words and score. */
  signals: Array<{ source: string; detail: string; score?: number }>;
}

const topicDetail = /^topic ([\w-]+)$/;

/** The topic id a reason names, if any (`topic billing_dispute`). */
function topicOf(reason: ReasonInput): string | undefined {
  const match = topicDetail.exec(reason.detail.trim());
  return match?.[1];
}

function humanize(id: string): string {
  const words = id.replaceAll('_', ' ').replaceAll('-', ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : id;
}

/** The label of one reason: its topic when it names one, else the reason. */
function labelOf(reason: ReasonInput): string {
  const topic = topicOf(reason);
  if (topic) return topicLabels[topic] ?? humanize(topic);
  return reasonLabels[reason.reason] ?? humanize(reason.reason);
}

/**
 * The reasons of a handoff, one line per label: a reason that names a topic ("Billing dispute")
 * stands for the other signals of the same reason ("High-stakes matter"), and the same label
 * is never listed twice. The first line is the headline.
 */
export function describeReasons(reasons: readonly ReasonInput[]): ReasonLine[] {
  const specific = new Set(reasons.filter((reason) => topicOf(reason)).map((reason) => reason.reason));
  const lines = new Map<string, ReasonLine>();
  const generic: Array<{ reason: ReasonInput; label: string }> = [];
  for (const reason of reasons) {
    const label = labelOf(reason);
    if (!topicOf(reason) && specific.has(reason.reason)) {
      generic.push({ reason, label });
      continue;
    }
    const line = lines.get(label) ?? { label, reason: reason.reason, signals: [] };
    addSignal(line, reason);
    lines.set(label, line);
  }
  // A generic signal of a reason a topic already names joins that topic's line.
  for (const { reason } of generic) {
    const line = [...lines.values()].find((candidate) => candidate.reason === reason.reason);
    if (line) addSignal(line, reason);
  }
  return [...lines.values()];
}

function addSignal(line: ReasonLine, reason: ReasonInput) {
  const signal = signalOf(reason);
  if (!line.signals.some((known) => known.source === signal.source && known.detail === signal.detail)) {
    line.signals.push(signal);
  }
}

function signalOf(reason: ReasonInput) {
  return {
    source: reason.source,
    detail: reason.detail,
    ...(reason.score !== undefined ? { score: reason.score } : {}),
  };
}

/** "Delivery issue" for `delivery_issue`. */
export function intentText(intent: string): string {
  return humanize(intent);
}

/** The sentiment in words, without the model's number. */
export function moodText(sentiment: HandoffBrief['sentiment']): string {
  const mood =
    sentiment.score <= -0.5
      ? 'Very negative'
      : sentiment.score < -0.1
        ? 'Negative'
        : sentiment.score > 0.2
          ? 'Positive'
          : 'Neutral';
  return sentiment.trend === 'stable' ? mood : `${mood}, ${sentiment.trend}`;
}

/** The identifiers the customer mentioned, one line per kind. */
export function entityLines(entities: HandoffBrief['entities']): Array<{ label: string; values: string[] }> {
  const lines: Array<{ label: string; values: string[] }> = [];
  const add = (label: string, values: string[]) => {
    const unique = [...new Set(values)];
    if (unique.length > 0) lines.push({ label, values: unique });
  };
  add('Order', entities.orderNumbers);
  add('Account', entities.accountNumbers);
  add('Email', entities.emails);
  add('Phone', entities.phoneNumbers);
  add(
    'Amount',
    entities.amounts.map((amount) => amount.text),
  );
  add('Date', entities.dates);
  add('Product', entities.products);
  return lines;
}

/**
 * The id of the customer message that triggered the current handoff: the last customer
 * message before the first notice of the latest handoff (a handoff starts with the first
 * notice after the conversation was last handed back to the bot).
 */
export function triggeringMessageId(messages: readonly HandrailUIMessage[]): string | undefined {
  let start = -1;
  let previous: string | undefined;
  messages.forEach((message, index) => {
    const handoff = handoffOf(message);
    if (!handoff) return;
    if (handoff.status !== 'resolved' && (previous === undefined || previous === 'resolved')) start = index;
    previous = handoff.status;
  });
  if (start < 0) return undefined;
  for (let index = start - 1; index >= 0; index--) {
    const message = messages[index];
    if (message && authorOf(message) === 'user') return message.id;
  }
  return undefined;
}

/** The customer's last words in a brief's transcript, cut to about `max` characters. */
export function lastCustomerWords(brief: HandoffBrief | null, max = 90): string | undefined {
  const turn = brief?.transcript.findLast((candidate) => candidate.author === 'user');
  const text = turn?.content.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The text of a message for the transcript: a notice shows its own message. */
export function turnText(message: HandrailUIMessage): string {
  const handoff = handoffOf(message);
  return authorOf(message) === 'system' && handoff ? handoff.message : messageText(message);
}
