import { redactPii } from '../notify/redact.js';
import { type CaseTurn, conversationTranscript, handoffsOf, handoffTranscript } from '../review/case-transcript.js';
import type { HandoffRecord, StoredConversation } from '../store/store.js';
import { type EvalCase, evalCaseSchema, expectedReasons } from './eval-case.js';

/** A judgement that could not become a case, and why. */
export interface SkippedJudgement {
  id: string;
  why: string;
}

/** What {@link exportJudgedCases} produced. */
export interface ExportedCases {
  cases: EvalCase[];
  skipped: SkippedJudgement[];
}

/** Options of {@link exportJudgedCases}. */
export interface ExportCasesOptions {
  /** Masks PII in every message and note. @default redactPii (emails, IBANs, cards, phone numbers) */
  redact?: (text: string) => string;
  /** Which handoffs to export (an agent's teams); reviews are exported when `reviews` is true. @default every handoff */
  includeHandoff?: (handoff: HandoffRecord) => boolean;
  /** @default true */
  reviews?: boolean;
}

const caseReasons = new Set<string>(expectedReasons.filter((reason) => reason !== 'none'));

/**
 * Judged conversations as eval cases, one per judged handoff (`production-handoffs`: the agent's
 * verdict is the label, production escalated) and one per reviewed conversation
 * (`production-reviews`: the reviewer's verdict, production kept it). Each case is the transcript
 * up to the customer's triggering message, PII redacted, with `judgedAt` for per-week figures.
 * Every case is checked against the eval's case schema. Pure.
 */
export function exportJudgedCases(
  conversations: readonly StoredConversation[],
  { redact = redactPii, includeHandoff = () => true, reviews = true }: ExportCasesOptions = {},
): ExportedCases {
  const cases: EvalCase[] = [];
  const skipped: SkippedJudgement[] = [];
  const add = (id: string, draft: Omit<EvalCase, 'messages' | 'id'>, turns: CaseTurn[]) => {
    const messages = turns.map((turn) => ({ role: turn.role, content: redact(turn.content) }));
    const parsed = evalCaseSchema.safeParse({ ...draft, id, messages });
    if (parsed.success) cases.push(parsed.data);
    else skipped.push({ id, why: parsed.error.issues[0]?.message ?? 'not a valid case' });
  };
  for (const conversation of conversations) {
    const lang = conversation.language ? { lang: conversation.language } : {};
    for (const handoff of handoffsOf(conversation)) {
      const judgement = handoff.judgement;
      if (!judgement || !includeHandoff(handoff)) continue;
      const id = `${conversation.id}-${handoff.id}`;
      const recorded = handoff.reasons.map((reason) => reason.reason);
      const reason = judgement.needed ? (judgement.reason ?? recorded.find((value) => caseReasons.has(value))) : 'none';
      if (!reason) {
        skipped.push({ id, why: `needed, but no case reason among the recorded ones (${recorded.join(', ')})` });
        continue;
      }
      const note = `handoff judged ${judgement.needed ? 'needed' : 'needless'}; recorded ${recorded.join(', ')}`;
      add(
        id,
        {
          source: 'production-handoffs',
          expect: judgement.needed ? 'escalate' : 'handle',
          reason: reason as EvalCase['reason'],
          note: judgement.note ? `${note}: ${redact(judgement.note)}` : note,
          judgedAt: judgement.at,
          production: 'escalate',
          ...lang,
        },
        handoffTranscript(conversation, handoff),
      );
    }
    const review = conversation.review;
    if (!review || !reviews) continue;
    const note = `reviewed: ${review.verdict === 'missed' ? 'should have reached a person' : 'the bot was right'}`;
    add(
      `${conversation.id}-review`,
      {
        source: 'production-reviews',
        expect: review.verdict === 'missed' ? 'escalate' : 'handle',
        reason: (review.verdict === 'missed' ? review.reason : 'none') as EvalCase['reason'],
        note: review.note ? `${note}: ${redact(review.note)}` : note,
        judgedAt: review.at,
        production: 'handle',
        ...lang,
      },
      conversationTranscript(conversation),
    );
  }
  return { cases, skipped };
}

/** Cases as JSONL, one case per line, ready for `handrail eval`. */
export function casesToJsonl(cases: readonly EvalCase[]): string {
  return cases.map((evalCase) => `${JSON.stringify(evalCase)}\n`).join('');
}
