import type { GuardDecision, Signal, Transcript, TranscriptTurn } from '../guard/types.js';
import type { CaseOutcome, CaseRunner, OutcomeEvidence } from './case-result.js';
import type { EvalCase } from './eval-case.js';

/** What the guard-only runner needs of a guard: `createGuard()` from `src/guard` fits. */
export interface GuardLike {
  check(transcript: Transcript, phase: 'input' | 'output'): GuardDecision | Promise<GuardDecision>;
}

/** How many unfired signals a miss keeps as evidence. */
const nearMissLimit = 5;

function signalEvidence(signal: Signal, fired: boolean): OutcomeEvidence[] {
  const base = {
    reason: signal.reason,
    detail: signal.detail,
    source: signal.detector,
    score: signal.score,
    fired,
  };
  if (signal.evidence.length === 0) return [base];
  return signal.evidence.map((evidence) => ({ ...base, turn: evidence.turn, text: evidence.text }));
}

/**
 * Runs a guard over a transcript the way the chat loop would: every user turn in order
 * through the input phase and every assistant turn through the output phase, each with
 * the transcript up to and including that turn. Stops at the first turn that escalates.
 * A miss carries the strongest signals that stayed under their thresholds.
 */
export async function judgeTranscript(guard: GuardLike, transcript: Transcript): Promise<CaseOutcome> {
  const unfired = new Map<string, Signal>();
  for (let turn = 0; turn < transcript.length; turn++) {
    const current = transcript[turn];
    if (!current) continue;
    const decision = await guard.check(transcript.slice(0, turn + 1), current.role === 'user' ? 'input' : 'output');
    if (decision.escalate) {
      return {
        escalated: true,
        firedReason: decision.reasons[0]?.reason ?? 'model_decision',
        escalatedAtTurn: turn,
        evidence: decision.reasons.flatMap((signal) => signalEvidence(signal, true)),
      };
    }
    for (const signal of decision.signals) {
      const key = `${signal.detector}:${signal.reason}`;
      const previous = unfired.get(key);
      if (!previous || previous.score < signal.score) unfired.set(key, signal);
    }
  }
  const nearMisses = [...unfired.values()].sort((a, b) => b.score - a.score).slice(0, nearMissLimit);
  return {
    escalated: false,
    firedReason: null,
    escalatedAtTurn: null,
    evidence: nearMisses.flatMap((signal) => signalEvidence(signal, false)),
  };
}

/** The transcript of a case: its scripted turns, assistant turns written by the bot. */
export function caseTranscript(evalCase: EvalCase): TranscriptTurn[] {
  return evalCase.messages.map((message) => ({ role: message.role, content: message.content }));
}

/**
 * A runner that judges each case with the guard alone. `createGuardForCase` is called once
 * per case so no state carries from one case to the next.
 */
export function createGuardRunner(createGuardForCase: () => GuardLike): CaseRunner {
  return async (evalCase) => judgeTranscript(createGuardForCase(), caseTranscript(evalCase));
}
