import { guardPattern } from './guard-pattern.js';

/** Words that end a clause: a negation before them does not reach what follows. */
const clauseBoundary = guardPattern(
  /[.,;:!?()]|\b(?:but|just|instead|only|actually|rather than|sondern|aber|pero|sino|mas|mais|plutot|i (?:want|need|would like|'d like|wanna)|give me|let me)\b/g,
);

/**
 * Phrases that negate wanting something: "I don't need", "no need", "without", and their
 * Spanish, Portuguese, French and German forms. "Why can't I talk to a human" is not a negation
 * of the wish, so inability verbs are deliberately absent.
 */
const negatedWish = guardPattern(
  [
    "\\b(?:(?:do|does|did|will|would)\\s*n[o']?t|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|never|dont|do not)\\s+(?:\\w+\\s+){0,2}?(?:need|want|wish|require|ask|asking|have to|like|care)\\b",
    '\\bno\\s+(?:need|necesito|quiero|hace falta|preciso|quero|es necesario)\\b',
    '\\bnot\\s+(?:necessary|needed|required|asking|looking)\\b',
    '\\b(?:without|rather not|sin|sem|sans|ohne)\\b',
    '\\bnao\\s+(?:\\w+\\s+)?(?:preciso|quero|e necessario)\\b',
    "\\bpas\\s+(?:besoin|envie|la peine)\\b|\\bn'?\\w*\\s+(?:\\w+\\s+)?pas\\b",
    '\\b(?:kein\\w*|nicht)\\b',
  ].join('|'),
);

/**
 * "... is not needed" just after the wish. Each run of whitespace is read by one quantifier only: the
 * `\s*` after the optional verb belongs to the verb (before the negation a word's `\s+` or the
 * leading `\W*` already reads the spaces), so a long run of spaces is not split in quadratically
 * many ways. Exported for tests.
 */
export const negatedAfter = guardPattern(
  /^\W*(?:\w+\s+){0,3}?(?:(?:is|are|'s)\s*)?(?:not|n't)\s+(?:needed|necessary|required)\b/,
);

/**
 * True when the wish matched at `[start, end)` of the normalized text is negated: a negating
 * phrase earlier in the same clause ("I don't need a human"), or "... is not needed" after it.
 */
export function isWishNegated(normalized: string, start: number, end: number): boolean {
  const before = normalized.slice(0, start);
  let clauseStart = 0;
  for (const match of before.matchAll(clauseBoundary)) clauseStart = (match.index ?? 0) + match[0].length;
  // The wish itself may hold the negation ("no necesito hablar", "brauche keinen Menschen").
  const clause = normalized.slice(clauseStart, end);
  if (negatedWish.test(clause)) return true;
  return negatedAfter.test(normalized.slice(end, end + 40));
}
