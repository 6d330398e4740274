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
] as const;

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
  /**
   * ISO time the event happened: the handoff was created, claimed, resolved or raised to
   * critical, its model brief was written (`handoff.brief_ready`, after `handoff.created`,
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
  now = new Date(),
}: BuildHandoffEventInput): HandoffEvent {
  const eventTime =
    type === 'handoff.created'
      ? handoff.createdAt
      : type === 'handoff.claimed'
        ? handoff.claimedAt
        : type === 'handoff.resolved'
          ? handoff.resolvedAt
          : type === 'handoff.escalated'
            ? handoff.escalatedAt
            : type === 'handoff.brief_ready'
              ? handoff.briefAt
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
  return event;
}

/** Reads `summary` from a brief without depending on the brief's module. */
function briefSummary(brief: unknown): string | undefined {
  if (brief === null || typeof brief !== 'object' || !('summary' in brief)) return undefined;
  const { summary } = brief as { summary: unknown };
  return typeof summary === 'string' && summary.length > 0 ? summary : undefined;
}

/**
 * Masks PII in the free text of an event (summary and reason details), leaving ids,
 * team and link as they are so they still work.
 */
export function redactHandoffEvent(event: HandoffEvent): HandoffEvent {
  return {
    ...event,
    summary: redactPii(event.summary),
    reasons: event.reasons.map(({ reason, detail }) => ({ reason, detail: redactPii(detail) })),
  };
}
