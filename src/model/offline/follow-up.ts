import { bareWords, words as splitWords } from '../../text/words.js';

/** Words that open a reply to the bot's previous answer ("Great, can I get the tracking number?"). */
export const acknowledgementWords = new Set([
  'great',
  'nice',
  'cool',
  'ok',
  'okay',
  'awesome',
  'perfect',
  'good',
  'yes',
  'yeah',
  'right',
  'sure',
  'alright',
  'got',
  'found',
  'done',
  'thanks',
]);

/**
 * A short message that leans on the previous one: three words or fewer ("How long?"), "and ...", "what
 * about ...", "including ..." (or "y/e/et/und/en/ed ..." in other languages), one that opens by
 * acknowledging the last answer ("Great, ..."), or one with a pronoun like "it" or "that".
 */
export function isFollowUp(question: string): boolean {
  const words = bareWords(question.toLowerCase());
  if (words.length === 0 || words.length > 12) return false;
  // "How long?", "¿Y cuánto tarda?", "Quanto tempo tenho?": too short to stand alone.
  if (words.length <= 3) return true;
  const start = words.slice(0, 2).join(' ');
  if (
    /^(?:and|also|but|so|or|plus|including|even|except|only|what about|how about|same for|what if|y|e|et|und|en|ed)\b/.test(
      start,
    )
  ) {
    return true;
  }
  if (acknowledgementWords.has(words[0] ?? '')) return true;
  return refersBack(question);
}

/** A question of at most twelve words. */
export function isShortQuestion(question: string): boolean {
  return question.trim().endsWith('?') && splitWords(question, { apostrophes: 'split' }).length <= 12;
}

/** A message with a pronoun that points back to what was said before ("Is that still possible?"). */
export function refersBack(question: string): boolean {
  const words = bareWords(question.toLowerCase());
  return words.length <= 12 && words.some((word) => backReferences.has(word));
}

const backReferences = new Set(['it', 'that', 'this', 'those', 'them', 'there', 'one']);

/**
 * What the last of `questions` (a conversation's user messages, oldest first) leans on when it is a
 * follow-up: the question before it and, while that is a follow-up itself ("and to Canada?" after "Do you
 * ship to the US?"), the questions before that, back to the first that stands alone (at most four), joined
 * by lines. Undefined for the first question.
 */
export function followUpContext(questions: readonly string[]): string | undefined {
  const chain: string[] = [];
  for (let index = questions.length - 2; index >= 0 && chain.length < followUpChain; index--) {
    const question = questions[index] ?? '';
    chain.unshift(question);
    if (!isFollowUp(question)) break;
  }
  return chain.length === 0 ? undefined : chain.join('\n');
}

/** Most earlier questions a chain of follow-ups is read with. */
const followUpChain = 4;
