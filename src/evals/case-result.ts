import type { EscalationReason } from '../guard/types.js';
import type { EvalCase } from './eval-case.js';

/** Why a runner decided what it did: a fired reason, or a signal that stayed under its threshold. */
export interface OutcomeEvidence {
  reason: EscalationReason;
  detail: string;
  /** Detector or handoff source that reported it. */
  source: string;
  score?: number;
  /** Index in the case's messages of the turn the text was quoted from. */
  turn?: number;
  /** The quoted words. */
  text?: string;
  /** True when this reason made the runner escalate. */
  fired: boolean;
}

/** What a runner observed for one case. */
export interface CaseOutcome {
  escalated: boolean;
  /** The first (strongest) reason that fired, or null when the case was not escalated. */
  firedReason: EscalationReason | null;
  /** Index in the case's messages of the turn at which it escalated. */
  escalatedAtTurn: number | null;
  /** Fired reasons when escalated; the strongest signals that did not fire otherwise. */
  evidence: OutcomeEvidence[];
  /** Set when running the case failed; such a case counts as not escalated. */
  error?: string;
}

/** A case with its outcome and how long it took. */
export interface CaseResult extends CaseOutcome {
  case: EvalCase;
  latencyMs: number;
}

/** A runner judges one case with state of its own. */
export type CaseRunner = (evalCase: EvalCase) => Promise<CaseOutcome>;
