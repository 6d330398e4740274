import { confusablesMap } from 'confusables';
import { lexiconVocabulary, withoutAccents } from '../lexicon/lexicon-vocabulary.js';
import { guardPattern } from './guard-pattern.js';

/**
 * Undoing what users type to get past a filter, or type by accident: every rule-based detector
 * sees the text after this step. Each rule works on a word at a time and runs in linear time.
 *
 * - Unicode NFKC (full-width letters, ligatures, mathematical bold letters become plain ones);
 * - format characters removed: zero-width spaces and joiners, soft hyphens, bidi controls,
 *   variation selectors;
 * - emoji and pictographs become spaces ("talk🙏to🙏someone");
 * - look-alike letters from other scripts in a Latin word become Latin ("реrson" with Cyrillic
 *   р and е), using Unicode's confusables data; a word wholly in another script is left alone
 *   unless the message is Latin and the word is made only of look-alikes;
 * - letters spaced or hyphenated out are joined back ("h u m a n", "a-g-e-n-t", "h.u.m.a.n");
 * - common leetspeak is folded inside words ("hum4n", "r3fund", "p3rs0n", "tud0"; "mp3", "ps5" and
 *   "iphone15" stay);
 * - a letter repeated three times or more becomes one ("peeersooon").
 *
 * Expects lower-case input (the caller lower-cases after NFKC) and returns lower case.
 */
export function deobfuscate(text: string): string {
  // Format characters, pictographs and look-alikes are all outside ASCII.
  const ascii = !nonAsciiLetter.test(text);
  let result = ascii ? text : text.replace(formatCharacters, '').replace(pictographs, ' ');
  if (!ascii && nonAsciiLetter.test(result)) result = foldLookAlikes(result);
  if (separatedLetter.test(result)) result = joinSeparatedLetters(result);
  if (leetCandidate.test(result)) result = result.replace(wordWithDigits, foldLeet);
  return result.replace(repeatedLetter, collapseRun);
}

// Cf: zero-width space/joiners, soft hyphen, bidi marks, word joiner, BOM; also the combining
// grapheme joiner, Mongolian vowel separator and variation selectors.
const formatCharacters = guardPattern(/\p{Cf}|\u034f|\u180e|[\ufe00-\ufe0f]|[\u{e0100}-\u{e01ef}]/gu);
const pictographs = guardPattern(/\p{Extended_Pictographic}/gu);
const nonAsciiLetter = guardPattern(/[^\p{ASCII}]/u);
const latinLetter = guardPattern(/\p{Script=Latin}/u);
const word = guardPattern(/[\p{L}\p{M}\p{N}]+/gu);

/** Overrides where Unicode's confusable base is not the letter a reader sees in lower case. */
const lookAlikeOverrides: Readonly<Record<string, string>> = { ι: 'i', і: 'i', ј: 'j', ӏ: 'l', ɩ: 'i' };

function lookAlike(character: string): string | undefined {
  const base = lookAlikeOverrides[character] ?? confusablesMap.get(character);
  if (base === undefined || base.length !== 1) return undefined;
  const lower = base.toLowerCase();
  return lower >= 'a' && lower <= 'z' ? lower : undefined;
}

/** Folds the look-alikes of a word to Latin, or returns undefined when a letter has none. */
function foldWord(token: string): string | undefined {
  let folded = '';
  for (const character of token) {
    if (character < '\u0080' || latinLetter.test(character)) folded += character;
    else {
      const base = lookAlike(character);
      if (base === undefined) return undefined;
      folded += base;
    }
  }
  return folded;
}

function foldLookAlikes(text: string): string {
  const words = text.match(word) ?? [];
  let latin = 0;
  let other = 0;
  for (const token of words) {
    if (latinLetter.test(token)) latin++;
    else if (/\p{L}/u.test(token)) other++;
  }
  const latinMessage = latin > other;
  return text.replace(word, (token) => {
    if (!nonAsciiLetter.test(token)) return token;
    const mixed = latinLetter.test(token) && /[^\p{Script=Latin}\p{M}\p{N}]/u.test(token);
    if (!mixed && !latinMessage) return token;
    return foldWord(token) ?? token;
  });
}

const separatedLetter = guardPattern(/(?:^|[\s\-._*·])\p{L}\p{M}*[\s\-._*·]+\p{L}\p{M}*[\s\-._*·]/u);
// A letter is a letter with its marks (Devanagari and Thai vowel signs), and an Indic conjunct (a
// consonant, virama, consonant) is one letter, as a reader sees them.
const singleLetterRun = guardPattern(
  /(?<![\p{L}\p{M}\p{N}])\p{L}\p{M}*(?:(?<=[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d4d])\p{L}\p{M}*)*(?:(?:[ \t]+|[-._*·])\p{L}\p{M}*(?:(?<=[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d4d])\p{L}\p{M}*)*(?![\p{L}\p{M}\p{N}])){2,}/gu,
);

/**
 * Joins runs of three or more single letters separated by spaces, hyphens, dots or stars. A
 * one-letter word of the lexicons at either end ("a", "à", "я", "मैं") stays apart when, without it,
 * fewer letters of the run are left that no word of the lexicons spells: "talk to a h u m a n" is "a human", "a g e n t" is "agent",
 * "на с п е ц и а л и с т а" is "на специалиста", "au r e v o i r à tous" is "au revoir à tous".
 */
function joinSeparatedLetters(text: string): string {
  return text.replace(singleLetterRun, (run) => {
    const letters = run.split(/[\s\-._*·]+/);
    // One-letter words at either end ("a", "à", "i", "я") stay apart when the lexicons leave fewer
    // letters unexplained without them.
    const keepFirst =
      /^\S+\s/.test(run) &&
      knownWord(letters[0]!) &&
      unexplained(letters.slice(1).join('')) < unexplained(letters.join(''));
    const body = keepFirst ? letters.slice(1) : letters;
    const keepLast =
      /\s\S+$/.test(run) &&
      body.length > 3 &&
      knownWord(body.at(-1)!) &&
      unexplained(body.slice(0, -1).join('')) < unexplained(body.join(''));
    const word = (keepLast ? body.slice(0, -1) : body).join('');
    return `${keepFirst ? `${letters[0]} ` : ''}${word}${keepLast ? ` ${body.at(-1)}` : ''}`;
  });
}

/** A word of the built-in lexicons, compared without accents. */
function knownWord(word: string): boolean {
  return lexiconVocabulary().has(withoutAccents(word));
}

/**
 * How many letters of the word a word of the lexicons spells: all of them, or the longest known
 * start of four letters or more ("специалиста" starts with "специалист"), or none.
 */
function spelled(word: string): number {
  const plain = withoutAccents(word);
  if (plain.length > longestWord) return 0;
  for (let length = plain.length; length >= 4; length--) if (knownWord(plain.slice(0, length))) return length;
  return knownWord(plain) ? plain.length : 0;
}

/** Longer runs spell no word: a run of single letters that long is noise, joined as it is. */
const longestWord = 30;

/** Letters of the word that no word of the lexicons spells (see {@link spelled}). */
function unexplained(word: string): number {
  return withoutAccents(word).length - spelled(word);
}

const leetDigits: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};
const leetCandidate = guardPattern(/\p{L}[013457@$]|[013457@$]\p{L}/u);
const wordWithDigits = guardPattern(/[\p{L}\p{N}@$]+/gu);
/** Tokens that are numbers with a unit or a model code, never leetspeak ("3pm", "24h", "mp3", "a320"). */
const notLeet = guardPattern(
  /^\d+(?:st|nd|rd|th|am|pm|h|hr|hrs|min|mins|k|kg|g|gb|mb|tb|km|m|cm|mm|ml|l|x|s|d|yr|yrs|e|p)?$|^[a-z]{1,2}\d+$|^[a-z]+\d{2,}$|^[a-z]+[289]$/,
);

function foldLeet(token: string): string {
  if (notLeet.test(token) || !leetCandidate.test(token)) return token;
  let letters = 0;
  let digits = 0;
  for (const character of token) {
    if (character in leetDigits) digits++;
    else if (/\p{L}/u.test(character)) letters++;
    else return token;
  }
  if (letters < 2 || digits > letters) return token;
  return token.replace(/[013457@$]/g, (character) => leetDigits[character]!);
}

const repeatedLetter = guardPattern(/(\p{L})\1{2,}/gu);
const letter = guardPattern(/\p{L}/u);

/** One letter for a stretched run inside a word ("peeersooon"); a word that is only the run stays ("bbb", "www"). */
function collapseRun(run: string, character: string, offset: number, text: string): string {
  const before = text[offset - 1];
  const after = text[offset + run.length];
  const inWord = (before !== undefined && letter.test(before)) || (after !== undefined && letter.test(after));
  return inWord ? character : run;
}
