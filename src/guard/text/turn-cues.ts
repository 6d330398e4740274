import { guardPattern } from './guard-pattern.js';

/**
 * What the repeated-failure detector reads in a turn besides its words: a follow-up marker, a
 * correction of details, the figures and the names it quotes.
 */

/** Another item, not the same question: "also", "too", "another", "how about", "that one". */
export const followUpMarker = guardPattern(
  /\b(?:also|too|as well|other|others|another|else|instead|how about|what about|that one|this one|the other|more of|some more|any more|more options|different|next|tambien|otro|otra|aussi|autre|auch|andere[nrs]?|tambem|outro|outra)\b/,
);

/** A correction of details: "no, that's not right, it's for two", "that is not correct, I meant...". */
const correctionPattern = guardPattern(
  /^(?:no|nope|not quite|actually|sorry|wait)?[\s,.!]*(?:that(?:'s| is)|it(?:'s| is)) (?:not|n't) (?:right|correct|it|what i (?:want|wanted|meant|said))\b|^(?:no|nope|not quite|actually)\b/,
);

const notListening = guardPattern(/\byou (?:don'?t|do not|never) (?:understand|listen|read)\b/);

/** True when the normalized message corrects a detail rather than complaining that the bot does not listen. */
export function isCorrection(normalized: string): boolean {
  return correctionPattern.test(normalized) && !notListening.test(normalized);
}

const name = guardPattern(/(?<![.!?]\s|^)\b\p{Lu}[\p{L}\p{M}'-]+/gu);
const figure = guardPattern(/\d+(?:[.,:]\d+)*/g);

/** `pattern`'s matches in `text`, in lower case, sorted and without repeats. */
function matchesOf(pattern: RegExp, text: string): string[] {
  return [...new Set((text.match(pattern) ?? []).map((match) => match.toLowerCase()))].sort();
}

/** The capitalised names a text (as written) uses, not counting the first word of a sentence. */
export const namesOf = (text: string): string[] => matchesOf(name, text);

/** The figures (prices, times, counts) a normalized text quotes. */
export const figuresOf = (normalized: string): string[] => matchesOf(figure, normalized);

/** True when two sorted lists hold the same values. */
export function sameValues(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((value, index) => value === right[index]);
}
