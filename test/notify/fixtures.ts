import { createHmac } from 'node:crypto';
import type { HandoffEvent } from '../../src/notify/handoff-event.js';
import type { OutboxDelivery } from '../../src/store/store.js';

/** A handoff event as the handoff service would build it. */
export function handoffEvent(overrides: Partial<HandoffEvent> = {}): HandoffEvent {
  return {
    type: 'handoff.created',
    conversationId: 'conv_123',
    handoffId: 'hand_456',
    urgency: 'high',
    reasons: [
      { reason: 'explicit_request', detail: 'User asked for a person.' },
      { reason: 'high_stakes', detail: 'Disputed charge of $480.' },
    ],
    team: 'billing',
    summary: 'Customer was charged twice for order 10442 and wants a refund.',
    createdAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/** A pending delivery of `event` for the notifier `notifier`. */
export function delivery(event: HandoffEvent = handoffEvent(), notifier = 'webhook'): OutboxDelivery {
  return {
    id: 'msg_test_1',
    notifier,
    type: event.type,
    payload: event,
    createdAt: '2026-03-01T10:00:01.000Z',
    attempts: 0,
    nextAttemptAt: '2026-03-01T10:00:01.000Z',
    status: 'pending',
  };
}

/** The Standard Webhooks signature computed with node:crypto, independent of the code under test. */
export function independentSignature(secret: string, id: string, timestamp: string | number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}
