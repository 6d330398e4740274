import { type Detector, lastTurnIndex } from '../detector.js';
import { guardPattern } from '../text/guard-pattern.js';
import { normalizeText } from '../text/normalize-text.js';
import type { Signal } from '../types.js';

/** The bot hedging or saying it does not know. */
const hedgePattern = guardPattern(
  /\b(?:i'?m not (?:sure|certain|able to (?:find|help|answer))|i am not (?:sure|certain|able to (?:find|help|answer))|i (?:can'?t|cannot|could ?n[o']?t|was unable to|am unable to|'m unable to) (?:find|locate|see|access|answer|help|determine|verify|confirm)|i (?:don'?t|do not) (?:have (?:any |enough |that |the )?(?:information|info|details|data|access|knowledge)|know|see any)|i'?m afraid i (?:can'?t|cannot|don'?t)|(?:that|this) is (?:outside|beyond) (?:my|what i)|i (?:can only|am only able to) help with|no (?:information|results|answer) (?:found|available)|i have no (?:information|record|details)|unfortunately,? i (?:can'?t|cannot|don'?t)|no estoy seguro|no tengo informacion|nao tenho certeza|nao tenho (?:essa )?informacao|je ne suis pas sur|je n'ai pas (?:cette |d')?information|ich bin (?:mir )?nicht sicher|ich habe keine informationen?)\b/,
);

/** The bot announcing a handoff in words instead of calling the escalation tool. */
const promisedHandoffPattern = guardPattern(
  /\b(?:(?:let me|i'?ll|i will|i am going to|i'?m going to|i'?m|i am) (?:now )?(?:transfer|transferring|connect|connecting|escalate|escalating|pass|passing|hand|handing|forward|forwarding|put) (?:you|your (?:chat|conversation|request|case)|this)(?: \w+)? (?:to|with|over|through)|(?:a|an|one of our) (?:human|live|real)? ?(?:agent|representative|colleague|person|team member|specialist)s? (?:will|is going to|shall) (?:be with you|contact you|get back to you|join|take over|reach out|call you)|te (?:paso|transfiero|comunico) con|vou (?:te )?transferir|je vous (?:transfere|mets en relation)|ich (?:verbinde|leite) sie)\b/,
);

/** The bot refusing a handoff ("I am not allowed to transfer you"): possibly a manipulated model. */
const refusedHandoffPattern = guardPattern(
  /\b(?:i (?:am|'m) not (?:allowed|able|permitted) to|i (?:can'?t|cannot|won'?t|will not|may not)|(?:escalation|transfer|handoff|hand-off) is (?:disabled|not (?:possible|available|allowed)))(?: \w+)?(?: (?:transfer|connect|escalate|hand|pass|put)(?: you| this)?(?: \w+)?(?: to| over| through)?)?(?: (?:a|an|any)? ?(?:human|person|agent|someone|representative))?\b/,
);

/** What a knowledge hedge is about: the bot not knowing, as opposed to a search that found nothing. */
const knowledgeObject =
  /\b(?:information|info|answer|details|documentation|anything (?:about|on|regarding)|that question|your question)\b/;

/**
 * A tool's result, not the bot's doubt: "I couldn't find a booking under that email", "no rooms
 * match your dates". The bot did its job; the user answers with other details.
 */
function isLookupResult(normalized: string, hedge: RegExpExecArray): boolean {
  const sentenceEnd = normalized.slice(hedge.index).search(/[.!?]/);
  const sentence = normalized.slice(hedge.index, sentenceEnd < 0 ? undefined : hedge.index + sentenceEnd);
  if (!/\b(?:find|found|locate|see|match\w*|available)\b|no results/.test(sentence)) return false;
  return !knowledgeObject.test(sentence);
}

/** Returns the hedge phrase in a bot answer, or undefined. */
export function findHedge(text: string): string | undefined {
  return hedgePattern.exec(normalizeText(text))?.[0];
}

/** Options of {@link createLowConfidenceDetector}. */
export interface LowConfidenceOptions {
  /** Reported confidence below which the answer is held. @default 0.5 */
  threshold?: number;
}

/**
 * Low confidence (output phase): the last bot answer reported a confidence below the threshold,
 * hedges ("I'm not sure", "I don't have information"), or says it will transfer the user without
 * calling the escalation tool.
 */
export function createLowConfidenceDetector(options: LowConfidenceOptions = {}): Detector {
  const threshold = options.threshold ?? 0.5;
  return (transcript, context): Signal[] => {
    if (context.phase !== 'output') return [];
    const turn = transcript.length - 1;
    if (turn < 0 || lastTurnIndex(transcript, 'assistant') !== turn) return [];
    const answer = transcript[turn]!;
    if (answer.author === 'agent') return [];
    const signals: Signal[] = [];
    if (answer.confidence !== undefined && answer.confidence < threshold) {
      signals.push({
        reason: 'low_confidence',
        score: Math.min(1, 0.5 + (0.5 * (threshold - answer.confidence)) / Math.max(threshold, 1e-6) + 0.01),
        detector: 'low-confidence',
        evidence: [{ turn, text: `confidence ${answer.confidence}` }],
        detail: `answer confidence ${answer.confidence} below ${threshold}`,
      });
    }
    const normalized = normalizeText(answer.content);
    const hedge = hedgePattern.exec(normalized);
    if (hedge && !isLookupResult(normalized, hedge)) {
      signals.push({
        reason: 'low_confidence',
        score: 0.7,
        detector: 'low-confidence',
        evidence: [{ turn, text: hedge[0] }],
        detail: 'answer hedges or does not know',
      });
    }
    const promised = promisedHandoffPattern.exec(normalized);
    if (promised) {
      signals.push({
        reason: 'low_confidence',
        score: 0.9,
        detector: 'low-confidence',
        evidence: [{ turn, text: promised[0] }],
        detail: 'answer promises a handoff without calling the escalation tool',
      });
    }
    const refused = refusedHandoffPattern.exec(normalized);
    if (
      refused &&
      /\b(?:transfer|connect|escalat\w*|hand ?off|handoff|hand you|pass you|human|person|agent)\b/.test(refused[0])
    ) {
      signals.push({
        reason: 'low_confidence',
        score: 0.9,
        detector: 'low-confidence',
        evidence: [{ turn, text: refused[0] }],
        detail: 'answer refuses a handoff',
      });
    }
    return signals;
  };
}
