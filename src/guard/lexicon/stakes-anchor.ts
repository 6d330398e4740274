import { normalizeText } from '../text/normalize-text.js';
import { StartIndex } from '../text/start-index.js';
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
  'grievance',
  'reclamation',
  'consumer',
  'dispute',
  'chargeback',
  'overcharged',
  'unauthorised',
  'unauthorized',
  'fraud',
  'scam',
  'stolen',
  'hacked',
  'lawyer',
  'attorney',
  'legal',
  'illegal',
  'unlawful',
  'violation',
  'breach',
  'lawsuit',
  'court',
  'compensation',
  'damage',
  'damaged',
  'injury',
  'injured',
];

const stemLength = 5;

/** How many distinct matter words a message holds: of the English list, and in all. */
export interface StakesCount {
  english: number;
  all: number;
}

/**
 * Counts the matters a message names: the distinct anchors of a short English list, or of the other
 * lexicons' `moneyTaken`, `closure` and `complaint` phrases, that stand in it.
 */
export type StakesAnchor = (normalized: string, language?: string) => StakesCount;

/**
 * Builds the count of the matters a message names that the learned intent model is for (money, an
 * account, a contract, a complaint, a legal step): the words of a short English list, or of the other
 * lexicons' `moneyTaken`, `closure` and `complaint` phrases, compared by their first five letters so
 * that inflections match; in unspaced scripts, any of those phrases' characters. The model is trained
 * on support messages and overconfident outside them ("find me a place to eat that is not very
 * costly"): it acts only where such a word stands.
 *
 * A message in English (`language` `'en'`) is read with the English list only: the other lexicons'
 * stems are words of those languages, and an English word spelt like one of them ("delete" as the
 * Portuguese "deletar") names no matter.
 */
export function createStakesAnchor(lexicons: readonly Lexicon[]): StakesAnchor {
  const other = new Set<string>();
  const english = new Set<string>();
  /** Four-letter starts a lexicon marks as prefixes (`künd*`). */
  const prefixes = new Set<string>();
  const runs: string[] = [];
  for (const lexicon of lexicons) {
    // English has its own list: its phrases' verbs ("never placed", "did not make") name no matter.
    if (lexicon.language === 'en') continue;
    for (const phrase of [...lexicon.moneyTaken, ...lexicon.closure, ...lexicon.complaint]) {
      if (lexicon.script === 'unspaced') runs.push(...unspacedRuns(phrase));
      else addPhrase(phrase, other, prefixes);
    }
  }
  // The words those phrases share with wishes, greetings and the like are the language's own small
  // words ("mijn", "ich", "con una"), or a word of another language spelt the same ("för" as "for"):
  // they name no matter. The English list is kept whole.
  for (const word of functionWords(lexicons)) other.delete(word);
  for (const word of englishAnchors) addPhrase(word, english, new Set());
  const runsByStart = new StartIndex([...new Set(runs)].map((run) => [run, run] as const));
  return (normalized, language) => {
    const found = new Set<string>();
    const fromEnglish = new Set<string>();
    const own = (stem: string) => english.has(stem) || (language !== 'en' && other.has(stem));
    for (const token of tokenize(normalized)) {
      const stem = anchorStem(token, own);
      if (stem) {
        found.add(stem);
        if (english.has(stem)) fromEnglish.add(stem);
      } else if (language !== 'en' && prefixes.has(token.slice(0, 4))) found.add(token.slice(0, 4));
    }
    if (language !== 'en') for (const run of runsIn(normalized, runsByStart)) found.add(run);
    return { english: fromEnglish.size, all: found.size };
  };
}

/**
 * The anchor a token stands for: a stem of five letters starts the word; a shorter anchor is the
 * word, or its plural ("fee", "fees", "cards").
 */
function anchorStem(token: string, own: (stem: string) => boolean): string | undefined {
  const head = token.slice(0, stemLength);
  if (own(head)) return head;
  const singular = token.endsWith('s') ? token.slice(0, -1) : token;
  if (own(singular)) return singular;
  const withoutEs = token.endsWith('es') ? token.slice(0, -2) : token;
  return own(withoutEs) ? withoutEs : undefined;
}

/** The runs that stand in `text`, found in one pass: at each character, the runs that start there. */
function runsIn(text: string, runsByStart: StartIndex<string>): Set<string> {
  const found = new Set<string>();
  if (runsByStart.empty) return found;
  for (let start = 0; start < text.length; start++) runsByStart.forEachAt(text, start, (run) => found.add(run));
  return found;
}

/** Adds a spaced phrase's words as stems, and its four-letter `word*` prefixes. */
function addPhrase(phrase: string, stems: Set<string>, prefixes: Set<string>): void {
  for (const word of tokenize(normalizeText(phrase.replace(/[*…]/g, ' ')))) {
    if (word.length >= 3) stems.add(word.slice(0, stemLength));
  }
  for (const raw of phrase.split(/\s+/)) {
    const word = normalizeText(raw.slice(0, -1));
    if (raw.endsWith('*') && word.length === 4) prefixes.add(word);
  }
}

/** The runs of two characters or more of an unspaced phrase, `…` splitting it. */
function unspacedRuns(phrase: string): string[] {
  return phrase
    .split('…')
    .map((part) => normalizeText(part.replace(/\*/g, '')).replace(/\s+/g, ''))
    .filter((run) => run.length >= 2);
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
