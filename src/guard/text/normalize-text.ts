/**
 * Lower-cases text, strips accents (so `não` matches `nao`), unifies apostrophes and quotes and
 * collapses whitespace. Every rule-based detector matches against this form.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}
