import { builtInLexicons } from './languages.js';
import { type Lexicon, lexiconCategories } from './lexicon.js';

let vocabulary: ReadonlySet<string> | undefined;

/**
 * Every word of the built-in lexicons' phrases, lower case and without accents, as written between
 * spaces (the "c" of "c'est" is no word of its own). Read once, on first use.
 */
export function lexiconVocabulary(): ReadonlySet<string> {
  vocabulary ??= collectWords();
  return vocabulary;
}

/** Lower case, Latin accents stripped: the form the vocabulary is kept in. */
export function withoutAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();
}

function collectWords(): Set<string> {
  const words = new Set<string>();
  for (const lexicon of builtInLexicons) {
    for (const category of lexiconCategories) {
      for (const phrase of lexicon[category] ?? []) {
        for (const token of withoutAccents(phrase).split(/[\s…]+/)) {
          const bare = token.replace(/^\P{L}+|[^\p{L}\p{M}]+$/gu, '');
          if (/^[\p{L}\p{M}]+$/u.test(bare)) words.add(bare);
        }
      }
    }
  }
  return words;
}

/**
 * The Latin words of the lexicons' phrases, accents stripped and split at every character that is
 * not a-z ("don't" gives "don" and "t"): the words spelling correction compares.
 */
export function latinPhraseWords(lexicons: readonly Lexicon[]): Set<string> {
  const words = new Set<string>();
  for (const lexicon of lexicons) {
    for (const category of lexiconCategories) {
      for (const phrase of lexicon[category] ?? []) {
        for (const token of withoutAccents(phrase).split(/[^a-z]+/)) if (token) words.add(token);
      }
    }
  }
  return words;
}
