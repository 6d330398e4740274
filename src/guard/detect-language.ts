import { builtInLexicons } from './lexicon/languages.js';
import type { Lexicon } from './lexicon/lexicon.js';
import { lexiconCategories } from './lexicon/lexicon-matcher.js';
import { guardPattern } from './text/guard-pattern.js';
import { normalizeText } from './text/normalize-text.js';
import { tokenize } from './text/tokenize.js';

/** Scripts that name their language (or narrow it down) on their own. */
const scripts: readonly { pattern: RegExp; language: string }[] = [
  { pattern: guardPattern(/\p{Script=Hangul}/gu), language: 'ko' },
  { pattern: guardPattern(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu), language: 'ja' },
  { pattern: guardPattern(/\p{Script=Han}/gu), language: 'zh' },
  { pattern: guardPattern(/\p{Script=Thai}/gu), language: 'th' },
  { pattern: guardPattern(/\p{Script=Arabic}/gu), language: 'ar' },
  { pattern: guardPattern(/\p{Script=Devanagari}/gu), language: 'hi' },
  { pattern: guardPattern(/\p{Script=Cyrillic}/gu), language: 'cyrillic' },
  { pattern: guardPattern(/\p{Script=Greek}/gu), language: 'el' },
  { pattern: guardPattern(/\p{Script=Hebrew}/gu), language: 'he' },
];
const latinLetters = guardPattern(/\p{Script=Latin}/gu);
const nonAscii = guardPattern(/[^\p{ASCII}]/u);

/** Letters that only some Latin-script languages use, read from the text before accents are removed. */
const latinCues: readonly { pattern: RegExp; language: string }[] = [
  { pattern: guardPattern(/[ñ¿¡]/u), language: 'es' },
  { pattern: guardPattern(/[ãõ]|ção|ções/u), language: 'pt' },
  { pattern: guardPattern(/[èêëœ]|\b(?:c'est|j'ai|n'est|qu'|l'|d')/u), language: 'fr' },
  { pattern: guardPattern(/ß/u), language: 'de' },
  { pattern: guardPattern(/[ąćęłńśźż]/u), language: 'pl' },
  { pattern: guardPattern(/[ğış]/u), language: 'tr' },
  { pattern: guardPattern(/[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u), language: 'vi' },
  // Å is Swedish, Danish and Norwegian; æ and ø only Danish and Norwegian: their function words decide.
  { pattern: guardPattern(/å/u), language: 'sv' },
  { pattern: guardPattern(/[åæø]/u), language: 'da' },
  { pattern: guardPattern(/[åæø]/u), language: 'nb' },
  // Finnish vowel pairs no other built-in language writes ("yhdistää", "myös", "yö", "äiti").
  { pattern: guardPattern(/ää|öö|yy|äy|yä|öy|yö|äi/u), language: 'fi' },
  // Serbian, Croatian and Bosnian write ć and đ (also Polish and Vietnamese letters) and č š ž,
  // which Lithuanian shares; ė į ų ū are Lithuanian only, ą ę also Polish.
  { pattern: guardPattern(/[ćđ]|dž/u), language: 'sr' },
  { pattern: guardPattern(/[čšž]/u), language: 'sr' },
  { pattern: guardPattern(/[čšž]/u), language: 'lt' },
  { pattern: guardPattern(/[ėįųūąę]/u), language: 'lt' },
];
const ukrainianLetters = guardPattern(/[іїєґ]/u);
/**
 * Cyrillic letters of one language only: Kazakh, Serbian. Kazakh also writes і, as Ukrainian does,
 * beside ы, which Ukrainian does not write.
 */
const kazakhLetters = guardPattern(/[әғқңөұүһ]/u);
const serbianLetters = guardPattern(/[ђјљњћџ]/u);

/** Bonus of each Cyrillic language for the letters only it writes (lower-case text). */
function cyrillicBonus(lower: string): Map<string, number> {
  const kazakh = kazakhLetters.test(lower) || (lower.includes('і') && lower.includes('ы'));
  return new Map([
    ['uk', ukrainianLetters.test(lower) && !kazakh ? 2 : 0],
    ['kk', kazakh ? 3 : 0],
    ['sr', serbianLetters.test(lower) ? 3 : 0],
  ]);
}
const umlaut = guardPattern(/[äöü]/u);
const germanEndings = ['ung', 'en', 'st', 't', 'e'];

/** A word with ä, ö or ü and a German ending ("möchte", "Rückerstattung"), word by word in linear time. */
function hasGermanUmlautWord(lower: string): boolean {
  if (!umlaut.test(lower)) return false;
  for (const word of lower.split(/[^\p{L}]+/u)) {
    if (umlaut.test(word) && germanEndings.some((ending) => word.endsWith(ending))) return true;
  }
  return false;
}

/** Weight of a function word (`markers`), and of any other word of the language's lexicon. */
const markerWeight = 1;
const vocabularyWeight = 0.5;

/** Per spaced language, each word of its lexicon with its weight: function words count most. */
function wordWeights(lexicons: readonly Lexicon[]): Map<string, Map<string, number>> {
  const weights = new Map<string, Map<string, number>>();
  for (const lexicon of lexicons) {
    if (lexicon.script !== 'spaced') continue;
    const words = new Map<string, number>();
    for (const category of lexiconCategories) {
      for (const phrase of lexicon[category] ?? []) {
        for (const word of tokenize(normalizeText(phrase.replace(/[*…]/g, ' ')))) {
          if (word.length > 2) words.set(word, vocabularyWeight);
        }
      }
    }
    for (const marker of lexicon.markers)
      for (const word of tokenize(normalizeText(marker))) words.set(word, markerWeight);
    weights.set(lexicon.language, words);
  }
  return weights;
}

/**
 * The spaced languages of `weights` (in lexicon order: Latin and Cyrillic script) and, by word,
 * the languages whose lexicon has the word with its weight there. The lists are shared: tens of
 * thousands of words have only a few hundred distinct lists, and no per-language map is kept.
 */
function markerTables(weights: Map<string, Map<string, number>>): {
  languages: readonly string[];
  byWord: Map<string, readonly (readonly [language: string, weight: number])[]>;
} {
  const lists = new Map<string, [language: string, weight: number][]>();
  for (const [language, words] of weights) {
    for (const [word, weight] of words) {
      const languages = lists.get(word) ?? [];
      languages.push([language, weight]);
      lists.set(word, languages);
    }
  }
  const shared = new Map<string, readonly (readonly [string, number])[]>();
  const byWord = new Map<string, readonly (readonly [string, number])[]>();
  for (const [word, languages] of lists) {
    const key = languages.join(';');
    let list = shared.get(key);
    if (!list) {
      list = languages;
      shared.set(key, list);
    }
    byWord.set(word, list);
  }
  return { languages: [...weights.keys()], byWord };
}

/** The languages the built-in lexicons' words (`markers`) point to, and each word's languages. */
const { languages: spacedLanguages, byWord: markerLanguages } = markerTables(wordWeights(builtInLexicons));
const cyrillicLanguages = ['ru', 'uk', 'sr', 'kk'];
/** Languages written in Cyrillic only; Serbian is read in both scripts. */
const cyrillicOnly = ['ru', 'uk', 'kk'];

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  return text.match(pattern)?.length ?? 0;
}

/** The language among `candidates` whose function words the tokens use most; `fallback` on a tie at zero. */
function byMarkers(
  tokens: readonly string[],
  candidates: readonly string[],
  fallback: string,
  bonus: Map<string, number>,
) {
  // Each language's score: its bonus plus the weights of its words among the tokens, added in
  // token order; read word by word ({@link markerLanguages}), not language by language.
  const scores = new Map<string, number>();
  for (const token of tokens) {
    for (const [language, weight] of markerLanguages.get(token) ?? []) {
      scores.set(language, (scores.get(language) ?? bonus.get(language) ?? 0) + weight);
    }
  }
  let best = fallback;
  let bestScore = (bonus.get(fallback) ?? 0) + 0.5;
  for (const language of candidates) {
    const score = scores.get(language) ?? bonus.get(language) ?? 0;
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Best-effort ISO 639-1 language of a message: by its script (Hangul, kana, Han, Thai, Arabic,
 * Devanagari, Cyrillic, Greek, Hebrew), then by the function words of the built-in lexicons
 * (`markers`) and the letters only some languages use. Latin text defaults to `en` when nothing
 * points elsewhere; Cyrillic to `ru` unless it is Ukrainian, Serbian or Kazakh.
 */
export function detectLanguage(text: string): string {
  let script = '';
  let most = 0;
  // ASCII text has no letter of those scripts: their counts are all zero.
  for (const { pattern, language } of nonAscii.test(text) ? scripts : []) {
    const letters = count(pattern, text);
    if (letters > most) {
      most = letters;
      script = language;
    }
  }
  // Kana with kanji is Japanese even when Han characters outnumber the kana.
  if (script === 'zh' && count(scripts[1]!.pattern, text) > 0) script = 'ja';
  if (script && most >= count(latinLetters, text)) {
    if (script !== 'cyrillic') return script;
    const tokens = tokenize(normalizeText(text));
    return byMarkers(tokens, cyrillicLanguages, 'ru', cyrillicBonus(text.toLowerCase()));
  }
  const lower = text.toLowerCase();
  const bonus = new Map<string, number>();
  for (const { pattern, language } of latinCues)
    if (pattern.test(lower)) bonus.set(language, (bonus.get(language) ?? 0) + 2);
  // A Finnish vowel pair rules out German, whose umlaut words would otherwise claim "pääse".
  if (!bonus.has('fi') && hasGermanUmlautWord(lower)) bonus.set('de', (bonus.get('de') ?? 0) + 2);
  const latin = spacedLanguages.filter((language) => !cyrillicOnly.includes(language));
  return byMarkers(tokenize(normalizeText(text)), latin, 'en', bonus);
}
