import { words } from '../../text/words.js';
import type { KnowledgeBaseEntry } from './knowledge-base.js';
import { tokenize } from './tokenize.js';

/**
 * Splits a sentence of two main clauses joined by ", and", ", but" or ", so" ("We sell spare igniters ...
 * for our stoves, and a cleaning video is on each stove's product page."), when both parts are clauses of
 * five words or more rather than the last items of a list.
 */
function splitCompoundSentence(sentence: string): string[] {
  const parts = sentence.split(/,\s+(?=(?:and|but|so)\s)/);
  if (parts.length < 2 || parts.some((part) => words(part, { apostrophes: 'split' }).length < 5)) return [sentence];
  return parts.map((part, index) => (index === 0 ? part : part.replace(/^(?:and|but|so)\s+/, '')));
}

/**
 * The clause of an entry's answer (a sentence, or a part of it between semicolons) that shares the most
 * terms with the question (the earlier one on a tie), or undefined when none does. One clause, so the
 * follow-up answer never reads as the same answer again.
 */
export function focusedAnswer(entry: KnowledgeBaseEntry, question: string): string | undefined {
  const asked = new Set(tokenize(question));
  const clauses = entry.answer.split(/(?<=[.!?])\s+|;\s+/).flatMap(splitCompoundSentence);
  const ranked = clauses
    .map((clause, position) => ({
      position,
      clause,
      shared: new Set(tokenize(clause).filter((term) => asked.has(term))).size,
    }))
    .filter(({ shared }) => shared > 0)
    .sort((left, right) => right.shared - left.shared || left.position - right.position);
  const best = ranked[0]?.clause;
  if (best === undefined) return undefined;
  const sentence = best.charAt(0).toUpperCase() + best.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
