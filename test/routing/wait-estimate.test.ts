import { describe, expect, it } from 'vitest';
import { estimateWaitSeconds } from '../../src/routing/index.js';

describe('estimateWaitSeconds', () => {
  it('uses the configured handling time without history', () => {
    expect(
      estimateWaitSeconds({
        queueAhead: 4,
        availableAgents: 2,
        recentHandlingSeconds: [],
        defaultHandlingSeconds: 300,
      }),
    ).toBe(600);
  });

  it('uses the median of recent handling times, ignoring one very long case', () => {
    const recentHandlingSeconds = [120, 180, 240, 3600];
    // Median 210 s; three ahead among three agents: one round.
    expect(
      estimateWaitSeconds({ queueAhead: 3, availableAgents: 3, recentHandlingSeconds, defaultHandlingSeconds: 900 }),
    ).toBe(210);
  });

  it('is zero when nobody is ahead and an agent is free', () => {
    expect(
      estimateWaitSeconds({
        queueAhead: 0,
        availableAgents: 1,
        recentHandlingSeconds: [200],
        defaultHandlingSeconds: 300,
      }),
    ).toBe(0);
  });

  it('assumes one agent clears the queue, this one included, when none is available', () => {
    expect(
      estimateWaitSeconds({
        queueAhead: 2,
        availableAgents: 0,
        recentHandlingSeconds: [],
        defaultHandlingSeconds: 100,
      }),
    ).toBe(300);
  });

  it('ignores invalid history and negative inputs', () => {
    expect(
      estimateWaitSeconds({
        queueAhead: -3,
        availableAgents: 2,
        recentHandlingSeconds: [Number.NaN, -5],
        defaultHandlingSeconds: 60,
      }),
    ).toBe(0);
    expect(
      estimateWaitSeconds({
        queueAhead: 2,
        availableAgents: 1,
        recentHandlingSeconds: [Number.NaN, 90],
        defaultHandlingSeconds: 60,
      }),
    ).toBe(180);
  });
});
