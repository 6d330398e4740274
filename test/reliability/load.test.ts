import { describe, expect, it } from 'vitest';
import { runLoad } from '../../load/run-load.js';

describe('load (CI run)', () => {
  it('keeps every message, in order, and one handoff per escalated conversation under 200 concurrent conversations', async () => {
    const report = await runLoad({ durationSeconds: 3, conversations: 200, target: 'node', throughputSeconds: 1 });
    expect(report.violations).toEqual([]);
    expect(report.conversations.failed).toBe(0);
    expect(report.conversations.completed).toBeGreaterThanOrEqual(200);
    expect(report.conversations.escalated).toBeGreaterThan(0);
    expect(report.latencyMs.chatTurn.count).toBeGreaterThan(0);
    expect(report.throughput?.errors).toBe(0);
    expect(report.throughput?.non2xx).toBe(0);
  }, 120_000);
});
