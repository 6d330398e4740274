import { describe, expect, it } from 'vitest';
import { conversationReviewOf, handoffJudgementOf, judgedHandoff } from '../../src/agent/judgement-record.js';
import { resolvedHandoff } from '../review/fixtures.js';

const author = { by: 'alex', at: '2026-03-02T10:00:00.000Z' };

describe('handoffJudgementOf and conversationReviewOf', () => {
  it('keep the optional reason and note only when given', () => {
    expect(handoffJudgementOf({ needed: true }, author)).toEqual({ needed: true, ...author });
    expect(Object.keys(handoffJudgementOf({ needed: false, reason: undefined, note: '' }, author))).toEqual([
      'needed',
      'by',
      'at',
    ]);
    expect(handoffJudgementOf({ needed: true, reason: 'high_stakes', note: 'Right call.' }, author)).toEqual({
      needed: true,
      reason: 'high_stakes',
      note: 'Right call.',
      ...author,
    });
    expect(conversationReviewOf({ verdict: 'fine' }, author)).toEqual({ verdict: 'fine', ...author });
    expect(
      conversationReviewOf({ verdict: 'missed', reason: 'explicit_request', note: 'Asked twice.' }, author),
    ).toEqual({ verdict: 'missed', reason: 'explicit_request', note: 'Asked twice.', ...author });
  });
});

describe('judgedHandoff', () => {
  it('finds the current or a past handoff by id', () => {
    const start = new Date('2026-03-01T10:00:00.000Z');
    const current = resolvedHandoff('c1', ['u: I want a person'], start, ['explicit_request']);
    const past = { ...current.handoff!, id: 'h-old' };
    const conversation = { ...current, pastHandoffs: [past] };
    expect(judgedHandoff(conversation, 'h-c1')).toBe(conversation.handoff);
    expect(judgedHandoff(conversation, 'h-old')).toBe(past);
    expect(judgedHandoff(conversation, 'h-none')).toBeUndefined();
    expect(judgedHandoff({ ...conversation, handoff: null, pastHandoffs: undefined }, 'h-c1')).toBeUndefined();
  });
});
