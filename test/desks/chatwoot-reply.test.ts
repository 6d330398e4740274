import { describe, expect, it } from 'vitest';
import { chatwootReplyDelivery, chatwootReplyType } from '../../src/desks/chatwoot-reply.js';

describe('chatwootReplyDelivery', () => {
  it('is a pending delivery of the desk, due now, with the failed attempt counted', () => {
    const at = '2026-03-01T10:00:00.000Z';
    expect(
      chatwootReplyDelivery({
        id: 'chatwoot-reply-7',
        notifier: 'chatwoot-desk',
        reply: { chatwootId: 42, content: 'Hello' },
        at,
        error: 'NotificationError: 503',
      }),
    ).toEqual({
      id: 'chatwoot-reply-7',
      notifier: 'chatwoot-desk',
      type: chatwootReplyType,
      payload: { chatwootId: 42, content: 'Hello' },
      createdAt: at,
      attempts: 1,
      nextAttemptAt: at,
      status: 'pending',
      lastError: 'NotificationError: 503',
    });
    expect(chatwootReplyType).toBe('chatwoot.reply');
  });
});
