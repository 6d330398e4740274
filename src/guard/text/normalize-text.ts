/**
 * Texts normalized lately. The detectors of one guard check all normalize the last message, and
 * every check of a conversation reads its earlier turns again: each is normalized once. Bounded
 * by the characters it holds, then emptied.
 */
const recent = new Map<string, string>();
const recentCharacterLimit = 1_000_000;
let recentCharacters = 0;

/**
 * Lower-cases text, strips accents (so `não` matches `nao`), unifies apostrophes and quotes and
 * collapses whitespace. Every rule-based detector matches against this form.
 */
export function normalizeText(text: string): string {
  const known = recent.get(text);
  if (known !== undefined) return known;
  const normalized = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
  recentCharacters += text.length + normalized.length;
  if (recentCharacters > recentCharacterLimit) {
    recent.clear();
    recentCharacters = text.length + normalized.length;
  }
  recent.set(text, normalized);
  return normalized;
}
