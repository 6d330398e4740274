import { z } from 'zod';
import { escalationReasons, urgencies } from '../guard/types.js';
import type { HandoffRecord } from '../store/store.js';
import { redactPii } from './redact.js';

/** Event types the notifiers send, noun then verb. */
export const handoffEventTypes = [
  'handoff.created',
  'handoff.claimed',
  'handoff.resolved',
  'ticket.created',
  'handoff.escalated',
  'handoff.brief_ready',
  'user_message.created',
  'handoff.judged',
  'conversation.reviewed',
] as const;

/**
 * The events of the review loop: an agent judged a resolved handoff (`handoff.judged`), a reviewer
 * judged a conversation the bot kept (`conversation.reviewed`). Like `user_message.created` they go
 * only to notifiers that list them in `events` (e.g. `createWebhookNotifier({ events: [...lifecycleEventTypes, ...judgementEventTypes] })`).
 */
export const judgementEventTypes = ['handoff.judged', 'conversation.reviewed'] as const satisfies ReadonlyArray<
  (typeof handoffEventTypes)[number]
>;

/**
 * The events a notifier receives unless it lists its own (`Notifier.events`): the handoff's
 * lifecycle. `user_message.created`, which carries what the customer wrote, goes only to
 * notifiers that ask for it (an agent desk that mirrors the conversation).
 */
export const lifecycleEventTypes = [
  'handoff.created',
  'handoff.claimed',
  'handoff.resolved',
  'ticket.created',
  'handoff.escalated',
  'handoff.brief_ready',
] as const satisfies ReadonlyArray<(typeof handoffEventTypes)[number]>;

/** Type of a {@link HandoffEvent}. */
export type HandoffEventType = (typeof handoffEventTypes)[number];

/** Schema of the event the notifiers send; the source of truth for {@link HandoffEvent}. */
export const handoffEventSchema = z.object({
  type: z.enum(handoffEventTypes),
  conversationId: z.string().min(1),
  handoffId: z.string().min(1),
  urgency: z.enum(urgencies),
  reasons: z.array(z.object({ reason: z.enum(escalationReasons), detail: z.string() })),
  /** Team the router chose; null while unrouted. */
  team: z.string().nullable(),
  /** One or two sentences for the agent (the brief's summary). */
  summary: z.string(),
  /** Where an agent opens the conversation. */
  link: z.string().optional(),
  /** With `user_message.created`: what the customer wrote while the conversation was with people. */
  message: z.object({ id: z.string().min(1), text: z.string() }).optional(),
  /** With `handoff.judged`: whether the handoff was needed, and the right reason. */
  judgement: z
    .object({ needed: z.boolean(), reason: z.string().optional(), note: z.string().optional(), by: z.string() })
    .optional(),
  /** With `conversation.reviewed` (whose `handoffId` is `review-<conversationId>`): the reviewer's verdict. */
  review: z
    .object({
      verdict: z.enum(['missed', 'fine']),
      reason: z.string().optional(),
      note: z.string().optional(),
      by: z.string(),
    })
    .optional(),
  /**
   * ISO time the event happened: the handoff was created, claimed, resolved or raised to
   * critical, the customer wrote (`user_message.created`), its model brief was written (`handoff.brief_ready`, after `handoff.created`,
   * whose summary is the extractive one), or the ticket created.
   */
  createdAt: z.iso.datetime({ offset: true }),
});

/** What notifiers tell people about a handoff. It is the `data` of a webhook and the content of a Slack message. */
export type HandoffEvent = z.infer<typeof handoffEventSchema>;

/** Input of {@link buildHandoffEvent}. */
export interface BuildHandoffEventInput {
  type: HandoffEventType;
  conversationId: string;
  handoff: HandoffRecord;
  /** @default the brief's `summary`, else the reasons' details */
  summary?: string;
  link?: string;
  /** With `user_message.created`: the message, with the time it was written. */
  message?: { id: string; text: string; createdAt: string };
  /** Used as `createdAt` when the record has no time for this event. @default new Date() */
  now?: Date;
}

/**
 * Builds the event for a handoff record. `createdAt` comes from the record (`createdAt`,
 * `claimedAt`, `resolvedAt`, `escalatedAt`, `briefAt` or the ticket's `createdAt`), so building the same event twice
 * gives the same value and the outbox enqueues it once.
 *
 * @example
 * await outbox.enqueue(buildHandoffEvent({ type: 'handoff.created', conversationId, handoff }));
 */
export function buildHandoffEvent({
  type,
  conversationId,
  handoff,
  summary,
  link,
  message,
  now = new Date(),
}: BuildHandoffEventInput): HandoffEvent {
  const eventTime =
    type === 'user_message.created'
      ? message?.createdAt
      : type === 'handoff.created'
        ? handoff.createdAt
        : type === 'handoff.claimed'
          ? handoff.claimedAt
          : type === 'handoff.resolved'
            ? handoff.resolvedAt
            : type === 'handoff.escalated'
              ? handoff.escalatedAt
              : type === 'handoff.brief_ready'
                ? handoff.briefAt
                : type === 'handoff.judged'
                  ? handoff.judgement?.at
                  : handoff.ticket?.createdAt;
  const event: HandoffEvent = {
    type,
    conversationId,
    handoffId: handoff.id,
    urgency: handoff.urgency,
    reasons: handoff.reasons.map(({ reason, detail }) => ({ reason, detail })),
    team: handoff.team,
    summary: summary ?? briefSummary(handoff.brief) ?? handoff.reasons.map((reason) => reason.detail).join(' '),
    createdAt: eventTime ?? now.toISOString(),
  };
  if (link !== undefined) event.link = link;
  if (message) event.message = { id: message.id, text: message.text };
  if (type === 'handoff.judged' && handoff.judgement) {
    const { needed, reason, note, by } = handoff.judgement;
    event.judgement = { needed, ...(reason ? { reason } : {}), ...(note ? { note } : {}), by };
  }
  return event;
}

/** Reads `summary` from a brief without depending on the brief's module. */
function briefSummary(brief: unknown): string | undefined {
  if (brief === null || typeof brief !== 'object' || !('summary' in brief)) return undefined;
  const { summary } = brief as { summary: unknown };
  return typeof summary === 'string' && summary.length > 0 ? summary : undefined;
}

/**
 * Masks PII in the free text of an event (summary, reason details and the customer's message), leaving ids,
 * team and link as they are so they still work.
 */
export function redactHandoffEvent(event: HandoffEvent): HandoffEvent {
  return {
    ...event,
    summary: redactPii(event.summary),
    reasons: event.reasons.map(({ reason, detail }) => ({ reason, detail: redactPii(detail) })),
    ...(event.message ? { message: { id: event.message.id, text: redactPii(event.message.text) } } : {}),
    ...(event.judgement?.note ? { judgement: { ...event.judgement, note: redactPii(event.judgement.note) } } : {}),
    ...(event.review?.note ? { review: { ...event.review, note: redactPii(event.review.note) } } : {}),
  };
}
