/**
 * Shared types of the guard layer: the transcript the detectors read, the signals
 * they report and the decision the policy makes.
 */

/** Why a conversation goes to a person. The values are part of the HTTP contract. */
export const escalationReasons = [
  'explicit_request',
  'crisis',
  'negative_sentiment',
  'high_stakes',
  'compliance',
  'out_of_scope',
  'low_confidence',
  'repeat_failure',
  'model_decision',
  'error',
] as const;

export type EscalationReason = (typeof escalationReasons)[number];

export const urgencies = ['low', 'normal', 'high', 'critical'] as const;
export type Urgency = (typeof urgencies)[number];

/** One turn of a conversation as the guard sees it: plain text only. */
export interface TranscriptTurn {
  role: 'user' | 'assistant';
  content: string;
  /** Who wrote an assistant turn: the bot or a human agent. Defaults to the bot. */
  author?: 'bot' | 'agent';
  /** Confidence in 0..1 that the bot reported for this answer, when known. */
  confidence?: number;
  /** True when the bot fell back ("I don't know", no answer found). */
  fallback?: boolean;
}

/** The whole conversation, oldest turn first. The last turn is the one being judged. */
export type Transcript = readonly TranscriptTurn[];

/** What fired a signal: the words and the turn they came from. */
export interface Evidence {
  /** Index of the turn in the transcript. */
  turn: number;
  /** The words or phrase that matched, quoted from the turn. */
  text: string;
}

/** What one detector reports. A detector returns zero or more signals and never throws to report a hit. */
export interface Signal {
  reason: EscalationReason;
  /** Strength in 0..1; the policy compares it with the reason's threshold. */
  score: number;
  /** Name of the detector that produced the signal (e.g. `explicit-request`). */
  detector: string;
  evidence: Evidence[];
  /** Urgency the detector asks for, when it knows better than the default (crisis: critical). */
  urgency?: Urgency;
  /** Catalogue topic that matched, for topic detectors (e.g. `billing_dispute`). */
  topic?: string;
  /** A message the user must see, overriding the default transition (crisis resources). */
  userMessage?: string;
  /** Short human-readable explanation for the brief and logs. */
  detail: string;
}

/** The policy's verdict for one turn. */
export interface GuardDecision {
  escalate: boolean;
  /** Signals that crossed their threshold, strongest first. */
  reasons: Signal[];
  urgency: Urgency;
  /** Every signal the detectors reported, fired or not, for tracing and evals. */
  signals: Signal[];
  /** Message for the user that a signal demands (crisis), if any. */
  userMessage?: string;
}
