import { describe, expect, it } from 'vitest';
import { runKillTest } from '../../load/kill-run.js';

describe('kill -9 at random moments', () => {
  it('loses no notification of a change the client saw acknowledged, and sends none under two ids', async () => {
    const report = await runKillTest({ durationMs: 6000, concurrency: 6, killEveryMs: [250, 900], minKills: 3 });
    expect(report.kills).toBeGreaterThanOrEqual(3);
    expect(report.acknowledged['handoff.created']).toBeGreaterThan(0);
    expect(report.acknowledged['handoff.resolved']).toBeGreaterThan(0);
    expect(report.lost).toEqual([]);
    expect(report.duplicated).toEqual([]);
  }, 120_000);
});
