import { describe, expect, it } from 'vitest';
import { computeMetrics, percentile, rate } from '../../src/evals/metrics.js';
import { makeCase, makeResult } from './helpers.js';

// Ten escalate cases (8 caught), five handle cases (1 escalated), two sources.
function knownResults() {
  const results = [];
  for (let index = 0; index < 6; index++) {
    const fired = index < 5 ? (index === 4 ? 'negative_sentiment' : 'explicit_request') : null;
    results.push(makeResult(makeCase(`e${index}`, 'escalate', 'explicit_request', 'alpha'), fired, index + 1));
  }
  for (let index = 6; index < 10; index++) {
    const fired = index < 9 ? 'compliance' : null;
    results.push(makeResult(makeCase(`e${index}`, 'escalate', 'compliance', 'beta'), fired, index + 1));
  }
  for (let index = 0; index < 5; index++) {
    results.push(
      makeResult(makeCase(`h${index}`, 'handle', 'none', 'beta'), index === 0 ? 'explicit_request' : null, 11 + index),
    );
  }
  return results;
}

describe('computeMetrics', () => {
  const report = computeMetrics(knownResults());

  it('counts false non-escalations and false escalations with Wilson intervals', () => {
    expect(report.cases).toBe(15);
    expect(report.escalateCases).toBe(10);
    expect(report.handleCases).toBe(5);
    expect(report.falseNonEscalationRate.count).toBe(2);
    expect(report.falseNonEscalationRate.total).toBe(10);
    expect(report.falseNonEscalationRate.rate).toBeCloseTo(0.2, 10);
    // 2/10 mirrors 8/10: [1 - 0.9433, 1 - 0.4902]
    expect(report.falseNonEscalationRate.interval[0]).toBeCloseTo(0.0567, 4);
    expect(report.falseNonEscalationRate.interval[1]).toBeCloseTo(0.5098, 4);
    expect(report.recall.rate).toBeCloseTo(0.8, 10);
    expect(report.recall.interval[0]).toBeCloseTo(0.4902, 4);
    expect(report.falseEscalationRate).toMatchObject({ count: 1, total: 5, rate: 0.2 });
  });

  it('breaks recall down per expected reason', () => {
    expect(report.byReason.explicit_request).toMatchObject({ cases: 6, missed: 1, otherReason: 1 });
    expect(report.byReason.explicit_request?.recall).toBeCloseTo(5 / 6, 10);
    expect(report.byReason.compliance).toMatchObject({ cases: 4, missed: 1, otherReason: 0, recall: 0.75 });
    // 3/4: p = 0.75; centre = (0.75 + 0.480182) / 1.960365 = 0.627533; half = 1.959964 * sqrt(0.046875 + 0.060023) / 1.960365 = 0.326809
    expect(report.byReason.compliance?.interval[0]).toBeCloseTo(0.3006, 4);
    expect(report.byReason.compliance?.interval[1]).toBeCloseTo(0.9544, 4);
    expect(report.byReason.none).toBeUndefined();
  });

  it('breaks both rates down per source', () => {
    expect(report.bySource.alpha).toMatchObject({
      cases: 6,
      escalateCases: 6,
      missed: 1,
      handleCases: 0,
      falseEscalations: 0,
    });
    expect(report.bySource.alpha?.falseEscalationRate.rate).toBeNull();
    expect(report.bySource.beta).toMatchObject({
      cases: 9,
      escalateCases: 4,
      missed: 1,
      handleCases: 5,
      falseEscalations: 1,
    });
    expect(report.bySource.beta?.falseEscalationRate.rate).toBeCloseTo(0.2, 10);
  });

  it('builds the confusion of expected vs fired reason', () => {
    expect(report.confusion).toEqual({
      explicit_request: { explicit_request: 4, negative_sentiment: 1, none: 1 },
      compliance: { compliance: 3, none: 1 },
      none: { explicit_request: 1, none: 4 },
    });
  });

  it('lists misses and false escalations with their evidence', () => {
    expect(report.misses.map((miss) => miss.id)).toEqual(['e5', 'e9']);
    expect(report.falseEscalations).toHaveLength(1);
    expect(report.falseEscalations[0]).toMatchObject({
      id: 'h0',
      firedReason: 'explicit_request',
      expectedReason: 'none',
    });
    expect(report.falseEscalations[0]?.evidence[0]).toMatchObject({ reason: 'explicit_request', fired: true });
    expect(report.errors).toEqual([]);
  });

  it('reports latency percentiles by nearest rank', () => {
    // latencies 1..15: p50 = 8th value, p99 = 15th
    expect(report.latency.p50Ms).toBe(8);
    expect(report.latency.p99Ms).toBe(15);
    expect(report.latency.meanMs).toBe(8);
    expect(report.latency.maxMs).toBe(15);
  });

  it('serialises to JSON with the documented keys', () => {
    const json = JSON.parse(JSON.stringify(report));
    for (const key of [
      'cases',
      'falseNonEscalationRate',
      'falseEscalationRate',
      'byReason',
      'bySource',
      'misses',
      'falseEscalations',
      'confusion',
      'latency',
    ]) {
      expect(json).toHaveProperty(key);
    }
    expect(json.latency).toHaveProperty('p50Ms');
    expect(json.latency).toHaveProperty('p99Ms');
  });

  it('handles an empty run', () => {
    const empty = computeMetrics([]);
    expect(empty.falseNonEscalationRate).toEqual({ count: 0, total: 0, rate: null, interval: [0, 1] });
    expect(empty.latency.p50Ms).toBe(0);
  });
});

describe('percentile and rate', () => {
  it('uses the nearest rank', () => {
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([], 50)).toBe(0);
  });

  it('keeps count, total and interval together', () => {
    const value = rate(8, 10);
    expect(value.rate).toBe(0.8);
    expect(value.interval[0]).toBeCloseTo(0.4902, 4);
  });
});
