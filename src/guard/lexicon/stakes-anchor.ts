import { normalizeText } from '../text/normalize-text.js';
import { tokenize } from '../text/tokenize.js';
import type { Lexicon } from './lexicon.js';

/** English words of the matters the learned model may act on, beside the lexicons' own. */
const englishAnchors = [
  'account',
  'payment',
  'charge',
  'charged',
  'transaction',
  'withdrawal',
  'debit',
  'direct debit',
  'money',
  'refund',
  'card',
  'bill',
  'billed',
  'invoice',
  'fee',
  'cash',
  'funds',
  'transfer',
  'purchase',
  'subscription',
  'membership',
  'contract',
  'complaint',
  'complain',
  'fraud',
  'scam',
  'stolen',
  'hacked',
  'lawyer',
  'legal',
  'court',
  'compensation',
  'damage',
  'damaged',
  'injury',
  'injured',
];

const stemLength = 5;

/**
 * Builds the test of whether a message names a matter the learned intent model is for (money, an
 * account, a contract, a complaint, a legal step): a word of a short English list, or of the other
 * lexicons' `moneyTaken`, `closure` and `complaint` phrases, compared by its first five letters so
 * that inflections match; in unspaced scripts, any of those phrases' characters. The model is trained
 * on support messages and overconfident outside them ("find me a place to eat that is not very
 * costly"): it acts only where such a word stands.
 */
export function createStakesAnchor(lexicons: readonly Lexicon[]): (normalized: string) => boolean {
  const stems = new Set<string>();
  /** Four-letter starts a lexicon marks as prefixes (`künd*`). */
  const prefixes = new Set<string>();
  const runs: string[] = [];
  const addWords = (phrase: string) => {
    for (const word of tokenize(normalizeText(phrase.replace(/[*…]/g, ' ')))) {
      if (word.length >= 3) stems.add(word.slice(0, stemLength));
    }
    for (const raw of phrase.split(/\s+/)) {
      const word = normalizeText(raw.slice(0, -1));
      if (raw.endsWith('*') && word.length === 4) prefixes.add(word);
    }
  };
  for (const lexicon of lexicons) {
    // English has its own list: its phrases' verbs ("never placed", "did not make") name no matter.
    if (lexicon.language === 'en') continue;
    for (const phrase of [...lexicon.moneyTaken, ...lexicon.closure, ...lexicon.complaint]) {
      if (lexicon.script === 'unspaced') {
        for (const part of phrase.split('…')) {
          const run = normalizeText(part.replace(/\*/g, '')).replace(/\s+/g, '');
          if (run.length >= 2) runs.push(run);
        }
      } else addWords(phrase);
    }
  }
  // The words those phrases share with wishes, greetings and the like are the language's own small
  // words ("mijn", "ich", "con una"), or a word of another language spelt the same ("för" as "for"):
  // they name no matter. The English list is kept whole.
  for (const word of functionWords(lexicons)) stems.delete(word);
  englishAnchors.forEach(addWords);
  return (normalized) => {
    for (const token of tokenize(normalized)) {
      // A stem of five letters starts the word; a shorter anchor is the word, or its plural ("fee", "fees", "cards").
      if (
        stems.has(token.slice(0, stemLength)) ||
        stems.has(token.replace(/s$/, '')) ||
        stems.has(token.replace(/es$/, ''))
      ) {
        return true;
      }
      if (prefixes.has(token.slice(0, 4))) return true;
    }
    return runs.some((run) => normalized.includes(run));
  };
}

/** Lexicon categories whose words name no matter: markers, wishes, contact verbs, negations, small talk. */
function functionWords(lexicons: readonly Lexicon[]): Set<string> {
  const words = new Set<string>();
  for (const lexicon of lexicons) {
    if (lexicon.script === 'unspaced') continue;
    const phrases = [
      ...lexicon.markers,
      ...lexicon.wishes,
      ...lexicon.contactVerbs,
      ...lexicon.negations,
      ...lexicon.smalltalk,
      ...lexicon.confirmations,
    ];
    for (const phrase of phrases) {
      for (const word of tokenize(normalizeText(phrase.replace(/[*…]/g, ' ')))) {
        if (word.length >= 3) words.add(word.slice(0, stemLength));
      }
    }
  }
  return words;
}
