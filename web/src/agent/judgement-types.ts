/** Reasons a judgement or review can give (the eval's case reasons). */
export const judgementReasons = [
  'explicit_request',
  'crisis',
  'high_stakes',
  'out_of_scope',
  'repeat_failure',
  'negative_sentiment',
  'compliance',
  'low_confidence',
] as const;

/** A judgement reason. */
export type JudgementReason = (typeof judgementReasons)[number];

/** Words for each reason, as the console shows them. */
export const judgementReasonLabels: Record<JudgementReason, string> = {
  explicit_request: 'Asked for a person',
  crisis: 'Crisis',
  high_stakes: 'High stakes',
  out_of_scope: 'Out of scope',
  repeat_failure: 'Bot kept failing',
  negative_sentiment: 'Upset customer',
  compliance: 'Compliance',
  low_confidence: 'Bot unsure',
};

/** What an agent sends to judge a handoff. */
export interface JudgementInput {
  needed: boolean;
  reason?: JudgementReason;
}

/** A stored judgement. */
export interface HandoffJudgement {
  needed: boolean;
  reason?: string;
  by: string;
  at: string;
}

/** What a reviewer sends. */
export type ReviewInput = { verdict: 'missed'; reason: JudgementReason } | { verdict: 'fine' };

/** A stored review. */
export interface ConversationReview {
  verdict: 'missed' | 'fine';
  reason?: string;
  by: string;
  at: string;
}

/** One entry of `GET /agent/review`. */
export interface ReviewEntry {
  id: string;
  updatedAt: string;
  causes: Array<'sampled' | 'negative_sentiment' | 'repeated_question'>;
  evidence: string[];
  lastUserText: string;
  turns: number;
  review: ConversationReview | null;
}

/** `GET /agent/review`. */
export interface ReviewQueue {
  review: ReviewEntry[];
  total: number;
  pending: number;
  sampleShare: number;
}

/** `GET /agent/review/:id`. */
export interface ReviewDetail {
  conversation: {
    id: string;
    updatedAt: string;
    turns: Array<{ role: 'user' | 'assistant'; content: string; at?: string }>;
    review: ConversationReview | null;
  };
}

/** One topic of `GET /agent/gaps`. */
export interface GapTopic {
  name: string;
  count: number;
  thisWeek: number;
  lastWeek: number;
  trend: 'rising' | 'falling' | 'steady';
  causes: Record<string, number>;
  examples: string[];
  closestEntry: { id: string; title: string; confidence: number; answers: boolean } | null;
}

/** `GET /agent/gaps`. */
export interface GapReport {
  since: string;
  handoffs: number;
  knowledgeBase: boolean;
  topics: GapTopic[];
}
