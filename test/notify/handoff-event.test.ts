import { describe, expect, it } from 'vitest';
import { buildHandoffEvent, handoffEventSchema, redactHandoffEvent } from '../../src/notify/handoff-event.js';
import type { HandoffRecord } from '../../src/store/store.js';

const handoff: HandoffRecord = {
  id: 'hand_1',
  createdAt: '2026-03-01T10:00:00.000Z',
  reasons: [
    { reason: 'explicit_request', source: 'guard', detail: 'Asked for a human.', score: 0.98 },
    { reason: 'negative_sentiment', source: 'guard', detail: 'Angry about a late parcel.' },
  ],
  urgency: 'normal',
  team: 'shipping',
  brief: { summary: 'Parcel 3 weeks late; customer wants to cancel.' },
  claimedAt: '2026-03-01T10:03:00.000Z',
  resolvedAt: '2026-03-01T10:20:00.000Z',
  ticket: { id: 't_1', createdAt: '2026-03-01T11:00:00.000Z', replyBy: '2026-03-02T11:00:00.000Z' },
};
const now = new Date('2026-03-05T00:00:00.000Z');

describe('buildHandoffEvent', () => {
  it('builds a valid event from the record, with the brief summary and reasons without scores', () => {
    const event = buildHandoffEvent({
      type: 'handoff.created',
      conversationId: 'conv_1',
      handoff,
      link: 'https://console.example/c/conv_1',
      now,
    });
    expect(event).toEqual({
      type: 'handoff.created',
      conversationId: 'conv_1',
      handoffId: 'hand_1',
      urgency: 'normal',
      reasons: [
        { reason: 'explicit_request', detail: 'Asked for a human.' },
        { reason: 'negative_sentiment', detail: 'Angry about a late parcel.' },
      ],
      team: 'shipping',
      summary: 'Parcel 3 weeks late; customer wants to cancel.',
      link: 'https://console.example/c/conv_1',
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    expect(handoffEventSchema.safeParse(event).success).toBe(true);
  });

  it('takes the time of each event type from the record, so rebuilding gives the same event', () => {
    const at = (type: Parameters<typeof buildHandoffEvent>[0]['type']) =>
      buildHandoffEvent({ type, conversationId: 'c', handoff, now }).createdAt;
    expect(at('handoff.claimed')).toBe(handoff.claimedAt);
    expect(at('handoff.resolved')).toBe(handoff.resolvedAt);
    expect(at('ticket.created')).toBe(handoff.ticket?.createdAt);
    const unclaimed = { ...handoff, claimedAt: undefined };
    expect(buildHandoffEvent({ type: 'handoff.claimed', conversationId: 'c', handoff: unclaimed, now }).createdAt).toBe(
      now.toISOString(),
    );
  });

  it('falls back to the reasons for the summary, and prefers an explicit one', () => {
    const withoutBrief = { ...handoff, brief: null };
    expect(buildHandoffEvent({ type: 'handoff.created', conversationId: 'c', handoff: withoutBrief }).summary).toBe(
      'Asked for a human. Angry about a late parcel.',
    );
    expect(buildHandoffEvent({ type: 'handoff.created', conversationId: 'c', handoff, summary: 'Mine' }).summary).toBe(
      'Mine',
    );
  });
});

describe('redactHandoffEvent', () => {
  it('masks the summary and details but keeps ids and the link', () => {
    const event = buildHandoffEvent({
      type: 'handoff.created',
      conversationId: '4155550123',
      handoff: { ...handoff, reasons: [{ reason: 'compliance', source: 'guard', detail: 'Sent jane@example.com' }] },
      summary: 'Call 415-555-0123',
      link: 'https://console.example/c/4155550123',
    });
    const redacted = redactHandoffEvent(event);
    expect(redacted.summary).toBe('Call [phone]');
    expect(redacted.reasons).toEqual([{ reason: 'compliance', detail: 'Sent [email]' }]);
    expect(redacted.conversationId).toBe('4155550123');
    expect(redacted.link).toBe(event.link);
  });
});
