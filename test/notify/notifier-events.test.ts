import { describe, expect, it } from 'vitest';
import { buildHandoffEvent, createOutbox, type Notifier, redactHandoffEvent } from '../../src/notify/index.js';
import { createMemoryStore } from '../../src/store/index.js';
import type { HandoffRecord } from '../../src/store/store.js';

const handoff: HandoffRecord = {
  id: 'h-1',
  createdAt: '2026-12-01T10:00:00.000Z',
  reasons: [{ reason: 'explicit_request', source: 'guard', detail: 'asked for a person' }],
  urgency: 'normal',
  team: 'support',
  brief: null,
};

const notifier = (name: string, events?: Notifier['events']): Notifier => ({
  name,
  ...(events ? { events } : {}),
  async deliver() {},
});

const message = (id: string, text: string) =>
  buildHandoffEvent({
    type: 'user_message.created',
    conversationId: 'c-1',
    handoff,
    message: { id, text, createdAt: '2026-12-01T10:05:00.000Z' },
  });

describe('which notifiers get which events', () => {
  it('sends the customer’s messages only to notifiers that ask for them', async () => {
    const outbox = createOutbox({
      store: createMemoryStore(),
      notifiers: [notifier('webhook'), notifier('desk', ['handoff.created', 'user_message.created'])],
    });
    expect((await outbox.build(message('m-1', 'hello'))).map((delivery) => delivery.notifier)).toEqual(['desk']);
    const created = buildHandoffEvent({ type: 'handoff.created', conversationId: 'c-1', handoff });
    expect((await outbox.build(created)).map((delivery) => delivery.notifier)).toEqual(['webhook', 'desk']);
    const claimed = buildHandoffEvent({
      type: 'handoff.claimed',
      conversationId: 'c-1',
      handoff: { ...handoff, claimedAt: handoff.createdAt },
    });
    expect((await outbox.build(claimed)).map((delivery) => delivery.notifier)).toEqual(['webhook']);
  });

  it('gives two messages written in the same millisecond two delivery ids, and one message one id', async () => {
    const outbox = createOutbox({
      store: createMemoryStore(),
      notifiers: [notifier('desk', ['user_message.created'])],
    });
    const [first] = await outbox.build(message('m-1', 'one'));
    const [second] = await outbox.build(message('m-2', 'two'));
    const [again] = await outbox.build(message('m-1', 'one'));
    expect(first!.id).not.toBe(second!.id);
    expect(again!.id).toBe(first!.id);
    expect(first!.payload).toMatchObject({
      type: 'user_message.created',
      createdAt: '2026-12-01T10:05:00.000Z',
      message: { id: 'm-1', text: 'one' },
    });
  });

  it('masks PII in the customer’s message when redacting', () => {
    const redacted = redactHandoffEvent(message('m-3', 'mail me at jane@example.com'));
    expect(redacted.message?.text).not.toContain('jane@example.com');
    expect(redacted.message?.id).toBe('m-3');
  });
});
