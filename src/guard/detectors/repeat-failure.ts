import type { Detector } from '../detector.js';
import { normalizeText } from '../text/normalize-text.js';
import { isSmalltalk } from '../text/smalltalk.js';
import { textSimilarity } from '../text/text-similarity.js';
import { contentTokens } from '../text/tokenize.js';
import type { Evidence, Signal, Transcript } from '../types.js';
import { findHedge } from './low-confidence.js';

/** The user telling the bot that its answer did not help, in five languages. */
const notHelpedPattern =
  /\b(?:(?:that|this|it|which|your answer|the answer)(?:'s| is| was| does|'s)? ?(?:not|n't|doesn'?t|didn'?t|does not|did not|wasn'?t|isn'?t) (?:help\w*|answer\w*|work\w*|useful|what i (?:asked|wanted|meant|need\w*)|make sense|solve \w+|right|correct|it)|not what i (?:asked|wanted|meant|need\w*)|(?:you(?:'re| are)?|u r|u) (?:not|n't) (?:understand\w*|listen\w*|help\w*|getting it|reading)|you (?:don'?t|do not|didn'?t|did not|never) (?:understand|get it|listen|read|answer\w*|help)|(?:i|we) (?:don'?t|do not|can'?t|cannot) understand (?:you|your (?:answer|reply|response))|(?:i|i've|i have) (?:already|just) (?:told|said|asked|explained|answered|tried|done) (?:you|that|this|it)?|(?:as|like) i (?:said|told you|mentioned)|i (?:said|told you) (?:already|before)|how many times (?:do|must|should|have|did) (?:i|we) (?:have to |need to )?(?:tell|say|ask|explain|repeat|type|write)|(?:read|answer) my (?:question|message)|(?:same|useless|wrong|irrelevant|generic) (?:answer|reply|response)|(?:answer|reply|response) (?:is|was) (?:useless|wrong|irrelevant)|(?:this|the) (?:conversation|chat) (?:is|isn'?t|is not) (?:not )?(?:working|going anywhere|leading anywhere|helping)|(?:going|running) (?:around )?in circles|still (?:not|doesn'?t|don'?t|can'?t) (?:work\w*|help\w*|understand)|still (?:have|having) the same (?:problem|issue)|that'?s wrong|you(?:'re| are) wrong|eso no (?:me )?ayuda|no me (?:entiendes|ayuda)|no entiendes|ya te (?:lo )?dije|isso nao (?:me )?ajuda|voce nao (?:me )?entende|ja (?:te )?disse|ca ne m'aide pas|vous ne comprenez pas|tu ne comprends pas|je (?:vous |t')?(?:l')?ai deja dit|das hilft (?:mir )?nicht|sie verstehen (?:mich )?nicht|du verstehst (?:mich )?nicht|hab(?:e)? ich (?:doch )?schon gesagt)\b/;

const normalizedTexts = new Map<string, string>();
const hedges = new Map<string, string | null>();

/** Hedge of an earlier answer, computed once per distinct answer text. */
function findHedgeCached(text: string): string | undefined {
  let value = hedges.get(text);
  if (value === undefined) {
    value = findHedge(text) ?? null;
    if (hedges.size >= 2000) hedges.clear();
    hedges.set(text, value);
  }
  return value ?? undefined;
}

/** Normalizes earlier turns once: every check of a conversation reads them again. */
function normalizeCached(text: string): string {
  let value = normalizedTexts.get(text);
  if (value === undefined) {
    value = normalizeText(text);
    if (normalizedTexts.size >= 2000) normalizedTexts.clear();
    normalizedTexts.set(text, value);
  }
  return value;
}

/** Options of {@link createRepeatFailureDetector}. */
export interface RepeatFailureOptions {
  /** Similarity (0..1) above which two user messages count as the same question. @default 0.5 */
  similarity?: number;
  /** Bot fallbacks (turn.fallback or hedged answers) before the detector fires. @default 2 */
  fallbacks?: number;
}

/**
 * Repeated failure: the user asks the same thing again after an answer (in other words), says
 * the answer did not help, or the bot has fallen back / said it does not know two or more times.
 */
export function createRepeatFailureDetector(options: RepeatFailureOptions = {}): Detector {
  const minimumSimilarity = options.similarity ?? 0.5;
  const fallbackLimit = options.fallbacks ?? 2;
  return (transcript: Transcript, context): Signal[] => {
    const signals: Signal[] = [];
    const fallbackEvidence: Evidence[] = [];
    transcript.forEach((turn, index) => {
      if (turn.role !== 'assistant' || turn.author === 'agent') return;
      if (turn.fallback) fallbackEvidence.push({ turn: index, text: turn.content.slice(0, 120) || '(fallback)' });
      else {
        const hedge = findHedgeCached(turn.content);
        if (hedge) fallbackEvidence.push({ turn: index, text: hedge });
      }
    });
    const last = transcript.length - 1;
    const lastTurn = transcript[last];
    if (fallbackEvidence.length >= fallbackLimit) {
      // Judged once per turn: on output when the latest answer is a fallback, on input otherwise.
      const includesLatest = fallbackEvidence[fallbackEvidence.length - 1]!.turn === last;
      if (context.phase === 'input' || includesLatest) {
        signals.push({
          reason: 'repeat_failure',
          score: Math.min(1, 0.6 + 0.15 * fallbackEvidence.length),
          detector: 'repeat-failure',
          evidence: fallbackEvidence.slice(-3),
          detail: `bot fell back ${fallbackEvidence.length} times`,
        });
      }
    }
    if (context.phase !== 'input' || !lastTurn || lastTurn.role !== 'user') return signals;
    const normalized = normalizeText(lastTurn.content);
    const said = notHelpedPattern.exec(normalized);
    if (said) {
      signals.push({
        reason: 'repeat_failure',
        score: 0.8,
        detector: 'repeat-failure',
        evidence: [{ turn: last, text: said[0] }],
        detail: 'user says the answer did not help',
      });
    }
    if (isSmalltalk(normalized) || contentTokens(normalized).length < 2) return signals;
    // The same question again after the bot answered it.
    let answered = false;
    const repeats: Evidence[] = [];
    for (let index = last - 1; index >= 0; index--) {
      const turn = transcript[index]!;
      if (turn.role === 'assistant') {
        answered = true;
        continue;
      }
      if (!answered) continue;
      const earlier = normalizeCached(turn.content);
      if (isSmalltalk(earlier)) continue;
      const similarity = textSimilarity(normalized, earlier);
      if (similarity >= minimumSimilarity) repeats.push({ turn: index, text: turn.content.slice(0, 120) });
    }
    if (repeats.length > 0) {
      signals.push({
        reason: 'repeat_failure',
        score: Math.min(1, 0.65 + 0.15 * repeats.length),
        detector: 'repeat-failure',
        evidence: [{ turn: last, text: lastTurn.content.slice(0, 120) }, ...repeats.slice(0, 3)],
        detail: `user repeated the question ${repeats.length + 1} times`,
      });
    }
    return signals;
  };
}

/** The repeated-failure detector with default options. */
export const detectRepeatFailure: Detector = createRepeatFailureDetector();
