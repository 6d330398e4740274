import { deobfuscate } from './deobfuscate.js';
import { correctSpelling } from './spelling-correction.js';

const asciiOnly = /^[\x00-\x7f]*$/;

/**
 * Texts normalized lately. The detectors of one guard check all normalize the last message, and
 * a `check` of a whole transcript reads its earlier turns again: each is normalized once. Bounded
 * by the characters it holds (a long conversation's, about 100,000), then emptied: the lexicons'
 * half a million characters of phrases, normalized when the guard's tables are built, pass
 * through and do not stay (a Worker's isolate has 128 MB).
 */
const recent = new Map<string, string>();
const recentCharacterLimit = 100_000;
let recentCharacters = 0;

/**
 * The form every rule-based detector matches against: {@link normalizeForm}, then misspelled words
 * of the English lexicon written right ({@link correctSpelling}: "tlk to a hunan" reads "talk to a
 * human").
 */
export function normalizeText(text: string): string {
  const known = recent.get(text);
  if (known !== undefined) return known;
  const normalized = correctSpelling(normalizeForm(text));
  recentCharacters += text.length + normalized.length;
  if (recentCharacters > recentCharacterLimit) {
    recent.clear();
    recentCharacters = text.length + normalized.length;
  }
  recent.set(text, normalized);
  return normalized;
}

/**
 * The written form, before spelling correction: NFKC, lower case, obfuscation undone
 * ({@link deobfuscate}: zero-width characters, look-alike letters, spaced-out letters, leetspeak),
 * Latin accents stripped (so `não` matches `nao`), apostrophes and quotes unified, whitespace
 * collapsed. Other scripts keep their letters (Hangul and kana are recomposed after the accents go).
 */
export function normalizeForm(text: string): string {
  // ASCII text is its own NFKC, NFD and NFC form and holds none of the characters `unicodeForm`
  // maps but the backtick: the same result without the Unicode passes.
  if (asciiOnly.test(text)) return deobfuscate(text.toLowerCase()).replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  return unicodeForm(text);
}

/** {@link normalizeForm} through every Unicode pass, whatever the text (it takes them for text beyond ASCII). */
export function unicodeForm(text: string): string {
  return deobfuscate(text.normalize('NFKC').toLowerCase())
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}
