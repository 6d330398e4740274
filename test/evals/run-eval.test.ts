import { describe, expect, it } from 'vitest';
import type { CaseRunner } from '../../src/evals/case-result.js';
import { caseTranscript, createGuardRunner, judgeTranscript } from '../../src/evals/guard-runner.js';
import { runEval } from '../../src/evals/run-eval.js';
import type { GuardDecision, Transcript } from '../../src/guard/types.js';
import { createGuard } from './fixtures/keyword-guard.js';
import { makeCase } from './helpers.js';

describe('judgeTranscript', () => {
  it('runs user turns through input and assistant turns through output, with the transcript so far', async () => {
    const calls: Array<[number, string]> = [];
    const guard = {
      check(transcript: Transcript, phase: 'input' | 'output'): GuardDecision {
        calls.push([transcript.length, phase]);
        return { escalate: false, reasons: [], urgency: 'normal', signals: [] };
      },
    };
    const outcome = await judgeTranscript(guard, [
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
      { role: 'user', content: 'c' },
    ]);
    expect(calls).toEqual([
      [1, 'input'],
      [2, 'output'],
      [3, 'input'],
    ]);
    expect(outcome).toMatchObject({ escalated: false, firedReason: null, escalatedAtTurn: null });
  });

  it('stops at the first turn that escalates and reports its strongest reason', async () => {
    const outcome = await judgeTranscript(createGuard(), [
      { role: 'user', content: 'this is terrible, get me a human' },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: 'I will sue' },
    ]);
    expect(outcome.escalated).toBe(true);
    expect(outcome.escalatedAtTurn).toBe(0);
    expect(outcome.firedReason).toBe('explicit_request');
    expect(outcome.evidence.map((item) => item.text)).toEqual(['human', 'terrible']);
  });

  it('keeps signals under threshold as the evidence of a miss', async () => {
    const outcome = await judgeTranscript(createGuard(), [{ role: 'user', content: 'maybe later' }]);
    expect(outcome.escalated).toBe(false);
    expect(outcome.evidence).toEqual([
      { reason: 'low_confidence', detail: 'weak hint', source: 'keyword', score: 0.3, fired: false },
    ]);
  });

  it('builds the transcript from a case', () => {
    const evalCase = makeCase('x', 'handle', 'none');
    expect(caseTranscript(evalCase)).toEqual([{ role: 'user', content: 'message of x' }]);
  });
});

describe('runEval', () => {
  it('keeps case order, times each case with the injected clock and reports progress', async () => {
    const cases = [makeCase('a', 'handle', 'none'), makeCase('b', 'handle', 'none'), makeCase('c', 'handle', 'none')];
    let tick = 0;
    const progress: number[] = [];
    const results = await runEval(cases, createGuardRunner(createGuard), {
      concurrency: 2,
      now: () => (tick += 5),
      onProgress: (done) => progress.push(done),
    });
    expect(results.map((result) => result.case.id)).toEqual(['a', 'b', 'c']);
    expect(results.every((result) => result.latencyMs > 0)).toBe(true);
    expect(progress).toEqual([1, 2, 3]);
  });

  it('records a failing case as not escalated with its error and goes on', async () => {
    const runner: CaseRunner = async (evalCase) => {
      if (evalCase.id === 'boom') throw new Error('detector crashed');
      return { escalated: true, firedReason: 'explicit_request', escalatedAtTurn: 0, evidence: [] };
    };
    const results = await runEval(
      [makeCase('boom', 'escalate', 'explicit_request'), makeCase('ok', 'escalate', 'explicit_request')],
      runner,
    );
    expect(results[0]).toMatchObject({ escalated: false, error: 'Error: detector crashed' });
    expect(results[1]).toMatchObject({ escalated: true });
  });

  it('never runs more cases at once than the concurrency', async () => {
    let running = 0;
    let most = 0;
    const runner: CaseRunner = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return { escalated: false, firedReason: null, escalatedAtTurn: null, evidence: [] };
    };
    const cases = Array.from({ length: 10 }, (_, index) => makeCase(`c${index}`, 'handle', 'none'));
    await runEval(cases, runner, { concurrency: 3 });
    expect(most).toBe(3);
    await expect(runEval(cases, runner, { concurrency: 0 })).rejects.toThrow(RangeError);
  });
});
