import { describe, expect, it } from 'vitest';
import type { EvalCase } from '../../src/evals/eval-case.js';
import { createGuardRunner } from '../../src/evals/guard-runner.js';
import { loadDataset, loadScope } from '../../src/evals/load-dataset.js';
import { computeMetrics } from '../../src/evals/metrics.js';
import {
  collectCaseSignals,
  sweepGuardOption,
  sweepThresholds,
  thresholdGrid,
} from '../../src/evals/operating-curve.js';
import { renderOperatingCurveSvg, renderOperatingCurveText } from '../../src/evals/operating-curve-report.js';
import { runEval } from '../../src/evals/run-eval.js';
import { findThresholdsForTarget, renderThresholdTargetText } from '../../src/evals/threshold-target.js';
import { createGuard, createPolicy, defaultThresholds, shippedIntentModel } from '../../src/guard/index.js';
import * as sweepGuard from './fixtures/sweep-guard.js';

const policyAt = (thresholds: Partial<typeof defaultThresholds>) => createPolicy({ thresholds });
const { cases: small } = await loadDataset(['test/evals/fixtures/small.jsonl']);

describe('sweepThresholds', () => {
  it('replays the policy at each grid value, one reason at a time', async () => {
    const collected = await collectCaseSignals(sweepGuard.createGuard(), small);
    const curve = sweepThresholds(collected, { createPolicy: policyAt, baseThresholds: defaultThresholds });
    expect(curve.lines.map((line) => line.parameter)).toEqual([
      'thresholds.explicit_request',
      'thresholds.negative_sentiment',
      'thresholds.low_confidence',
    ]);
    const explicit = curve.lines[0]!;
    expect(explicit.points).toHaveLength(thresholdGrid.length);
    const at = (value: number) => explicit.points.find((point) => point.value === value)!;
    // 0.5 (the run): "agent" (0.55) escalates s5; 0.6 keeps it; 0.95 also misses s1 ("human", 0.9).
    expect(at(0.5).falseEscalationRate.count).toBe(1);
    expect(at(0.6).falseEscalationRate.count).toBe(0);
    expect(at(0.95).falseNonEscalationRate.count).toBe(2);
    expect(at(0.95).missedOfReason).toMatchObject({ count: 1, total: 1 });
    const weak = curve.lines[2]!.points.find((point) => point.value === 0.3)!;
    expect(weak.falseNonEscalationRate.count).toBe(0);
  });

  it("matches the run's own figures at the base thresholds on the real guard", async () => {
    const { cases } = await loadDataset(['evals/suites/negative-sentiment.jsonl', 'evals/suites/handle.jsonl']);
    const scope = (await loadScope(['evals/suites/store-scope.jsonl'])).utterances.map((item) => item.text);
    const guard = createGuard({ scope: { utterances: scope } });
    const report = computeMetrics(
      await runEval(
        cases,
        createGuardRunner(() => guard),
      ),
    );
    const curve = sweepThresholds(await collectCaseSignals(guard, cases), {
      createPolicy: policyAt,
      baseThresholds: defaultThresholds,
    });
    expect(curve.lines.length).toBeGreaterThan(2);
    for (const line of curve.lines) {
      const base = line.points.find((point) => point.value === line.baseValue)!;
      expect(base.falseEscalationRate.count).toBe(report.falseEscalationRate.count);
      expect(base.falseNonEscalationRate.count).toBe(report.falseNonEscalationRate.count);
    }
    const sentiment = curve.lines.find((line) => line.reason === 'negative_sentiment')!;
    const missed = sentiment.points.map((point) => point.missedOfReason.count);
    // A higher threshold never catches more.
    expect(missed).toEqual([...missed].sort((a, b) => a - b));
    expect(missed.at(-1)).toBeGreaterThan(missed[0]!);
  });

  it('sweeps a detector option by rebuilding the guard', async () => {
    const cases: EvalCase[] = small.slice(0, 2);
    const { line, collected } = await sweepGuardOption(
      cases,
      {
        parameter: 'learnedIntent.threshold',
        reason: 'high_stakes',
        baseValue: shippedIntentModel().threshold,
        values: [0.5, 0.9],
      },
      (value) => createGuard({ learnedIntent: { threshold: value } }),
      policyAt(defaultThresholds),
    );
    expect(line.points.map((point) => point.value)).toEqual([0.5, shippedIntentModel().threshold, 0.9]);
    expect(collected.size).toBe(3);
  });

  it('draws every line and titles every point', async () => {
    const collected = await collectCaseSignals(sweepGuard.createGuard(), small);
    const curve = sweepThresholds(collected, { createPolicy: policyAt, baseThresholds: defaultThresholds });
    const svg = renderOperatingCurveSvg(curve);
    expect(svg.match(/<polyline /g)).toHaveLength(3);
    expect(svg.match(/<circle /g)).toHaveLength(3 * thresholdGrid.length);
    expect(svg).toContain('thresholds.explicit_request = 0.50 (the run): false escalation 33.3% (1/3)');
    expect(renderOperatingCurveText(curve)).toContain('thresholds.low_confidence');
  });
});

describe('findThresholdsForTarget', () => {
  it('raises the threshold that removes false escalations, then lowers the one that recovers misses', async () => {
    const collected = await collectCaseSignals(sweepGuard.createGuard(), small);
    const target = findThresholdsForTarget([{ guardOptions: {}, collected }], {
      createPolicy: policyAt,
      baseThresholds: defaultThresholds,
      target: 0,
    });
    expect(target.reached).toBe(true);
    expect(target.thresholds).toEqual({ explicit_request: 0.6, low_confidence: 0.3 });
    expect(target.falseEscalationRate.count).toBe(0);
    expect(target.falseNonEscalationRate.count).toBe(0);
    // The thresholds found do what they say on the guard itself.
    const tuned = sweepGuard.createGuard({ thresholds: target.thresholds });
    const report = computeMetrics(
      await runEval(
        small,
        createGuardRunner(() => tuned),
      ),
    );
    expect([report.falseEscalationRate.count, report.falseNonEscalationRate.count]).toEqual([0, 0]);
    const text = renderThresholdTargetText(target, defaultThresholds);
    expect(text).toContain('thresholds.explicit_request  0.50 -> 0.60');
    expect(text).toContain(
      'createGuard({ ...yourGuardOptions, thresholds: { explicit_request: 0.6, low_confidence: 0.3 } })',
    );
  });

  it('says so when no setting reaches the target', async () => {
    const hostile: EvalCase = {
      id: 'h',
      messages: [{ role: 'user', content: 'I want a human, this is terrible' }],
      expect: 'handle',
      reason: 'none',
    };
    const collected = await collectCaseSignals(sweepGuard.createGuard(), [hostile]);
    const target = findThresholdsForTarget([{ guardOptions: {}, collected }], {
      createPolicy: policyAt,
      baseThresholds: defaultThresholds,
      grid: [0.5, 0.8],
      target: 0,
    });
    expect(target.reached).toBe(false);
    expect(renderThresholdTargetText(target, defaultThresholds)).toContain('no threshold of the grid reaches');
  });

  it('picks the best candidate of several detector settings', async () => {
    const collected = await collectCaseSignals(sweepGuard.createGuard(), small);
    // As if another detector setting had lost the request for a person: s1 can no longer be caught.
    const worse = collected.map((item) => ({
      ...item,
      turns: item.turns.map((signals) => signals.filter((signal) => signal.reason !== 'explicit_request')),
    }));
    const target = findThresholdsForTarget(
      [
        { guardOptions: { learnedIntent: { threshold: 0.9 } }, collected: worse },
        { guardOptions: {}, collected },
      ],
      { createPolicy: policyAt, baseThresholds: defaultThresholds, target: 0.5 },
    );
    expect(target.guardOptions).toEqual({});
    expect(target.falseNonEscalationRate.count).toBe(0);
  });
});
