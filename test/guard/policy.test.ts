import { describe, expect, it } from 'vitest';
import { createPolicy } from '../../src/guard/policy.js';
import type { Signal } from '../../src/guard/types.js';

const signal = (overrides: Partial<Signal>): Signal => ({
  reason: 'explicit_request',
  score: 0.9,
  detector: 'test',
  evidence: [],
  detail: 'test',
  ...overrides,
});

describe('createPolicy', () => {
  it('fires at the threshold and orders reasons strongest first', () => {
    const policy = createPolicy();
    const decision = policy([
      signal({ reason: 'negative_sentiment', score: 0.59 }),
      signal({ reason: 'out_of_scope', score: 0.7 }),
      signal({ reason: 'explicit_request', score: 0.95 }),
    ]);
    expect(decision.escalate).toBe(true);
    expect(decision.reasons.map((item) => item.reason)).toEqual(['explicit_request', 'out_of_scope']);
    expect(decision.signals).toHaveLength(3);
    expect(decision.urgency).toBe('normal');
  });

  it('honours per-reason thresholds and disabled reasons', () => {
    const strict = createPolicy({ thresholds: { out_of_scope: 0.8 } });
    expect(strict([signal({ reason: 'out_of_scope', score: 0.7 })]).escalate).toBe(false);
    const disabled = createPolicy({ disabled: ['explicit_request'] });
    expect(disabled([signal({ reason: 'explicit_request', score: 1 })]).escalate).toBe(false);
  });

  it('never lets a crisis signal be disabled or thresholded away', () => {
    const policy = createPolicy({
      disabled: ['high_stakes', 'compliance'],
      thresholds: { high_stakes: 1, compliance: 1 },
    });
    const decision = policy([
      signal({ reason: 'explicit_request', score: 0.99 }),
      signal({ reason: 'high_stakes', score: 0.6, topic: 'self_harm', urgency: 'critical', userMessage: 'call 988' }),
    ]);
    expect(decision.escalate).toBe(true);
    expect(decision.reasons[0]?.topic).toBe('self_harm');
    expect(decision.urgency).toBe('critical');
    expect(decision.userMessage).toBe('call 988');
  });

  it('raises urgency for legal/fraud topics and strong negative sentiment', () => {
    const policy = createPolicy();
    expect(policy([signal({ reason: 'high_stakes', urgency: 'high', topic: 'legal_threat' })]).urgency).toBe('high');
    expect(policy([signal({ reason: 'negative_sentiment', score: 0.9 })]).urgency).toBe('high');
    expect(policy([signal({ reason: 'negative_sentiment', score: 0.7 })]).urgency).toBe('normal');
    expect(policy([signal({ reason: 'out_of_scope', score: 0.7 })]).urgency).toBe('low');
  });

  it('is deterministic and does not escalate without signals', () => {
    const policy = createPolicy();
    const input = [signal({ score: 0.8 }), signal({ reason: 'repeat_failure', score: 0.8 })];
    expect(policy(input)).toEqual(policy(input));
    expect(policy([])).toEqual({ escalate: false, reasons: [], urgency: 'normal', signals: [] });
  });
});
