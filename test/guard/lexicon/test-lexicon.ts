import type { Lexicon, LexiconCategory } from '../../../src/guard/lexicon/lexicon.js';

/** Phrase lists of a test lexicon; the rest stay empty. */
export type Lists = Partial<Record<LexiconCategory, readonly string[]>>;

/** A lexicon for tests: every list present and empty except the ones given. */
export function testLexicon(
  language: string,
  script: Lexicon['script'],
  lists: Lists,
  crisisMessage = `crisis ${language}`,
): Lexicon {
  return {
    language,
    name: `Test ${language}`,
    script,
    markers: [],
    person: [],
    bot: [],
    contactVerbs: [],
    wishes: [],
    contactChannels: [],
    negations: [],
    harmless: [],
    crisis: [],
    moneyTaken: [],
    closure: [],
    complaint: [],
    frustration: [],
    confirmations: [],
    smalltalk: [],
    crisisMessage,
    ...lists,
  };
}
