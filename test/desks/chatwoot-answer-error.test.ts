import { describe, expect, it } from 'vitest';
import { chatwootAnswerError } from '../../src/desks/chatwoot-answer-error.js';

const answer = { notifier: 'chatwoot-desk', method: 'POST', path: '/42/messages', retryAfter: null, text: '' };

describe('chatwootAnswerError', () => {
  it('is retryable for 408, 429 and 5xx, final for the rest', () => {
    for (const status of [408, 429, 500, 503]) expect(chatwootAnswerError({ ...answer, status }).retryable).toBe(true);
    for (const status of [400, 401, 404, 422]) expect(chatwootAnswerError({ ...answer, status }).retryable).toBe(false);
  });

  it('waits as long as Retry-After says, only when a retry can help', () => {
    expect(chatwootAnswerError({ ...answer, status: 429, retryAfter: '3' }).retryAfterMs).toBe(3000);
    expect(chatwootAnswerError({ ...answer, status: 429, retryAfter: 'soon' }).retryAfterMs).toBeUndefined();
    expect(chatwootAnswerError({ ...answer, status: 429, retryAfter: '0' }).retryAfterMs).toBeUndefined();
    expect(chatwootAnswerError({ ...answer, status: 404, retryAfter: '3' }).retryAfterMs).toBeUndefined();
  });

  it('quotes the answer on one line, at most 200 characters of it, with the status', () => {
    const error = chatwootAnswerError({ ...answer, status: 422, text: `{"error":\n  "bad"}${'x'.repeat(300)}` });
    expect(error.status).toBe(422);
    expect(error.notifier).toBe('chatwoot-desk');
    expect(error.message).toMatch(/^Chatwoot POST \/42\/messages answered 422: \{"error": "bad"\}x+$/);
    expect(error.message.length).toBe('Chatwoot POST /42/messages answered 422: '.length + 200);
  });
});
