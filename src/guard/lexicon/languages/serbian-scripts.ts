/** Serbian Latin letters and digraphs with their Cyrillic letter; digraphs first, as they are read first. */
const latinToCyrillic: readonly (readonly [string, string])[] = [
  ['dž', 'џ'],
  ['lj', 'љ'],
  ['nj', 'њ'],
  ['a', 'а'],
  ['b', 'б'],
  ['c', 'ц'],
  ['č', 'ч'],
  ['ć', 'ћ'],
  ['d', 'д'],
  ['đ', 'ђ'],
  ['e', 'е'],
  ['f', 'ф'],
  ['g', 'г'],
  ['h', 'х'],
  ['i', 'и'],
  ['j', 'ј'],
  ['k', 'к'],
  ['l', 'л'],
  ['m', 'м'],
  ['n', 'н'],
  ['o', 'о'],
  ['p', 'п'],
  ['r', 'р'],
  ['s', 'с'],
  ['š', 'ш'],
  ['t', 'т'],
  ['u', 'у'],
  ['v', 'в'],
  ['z', 'з'],
  ['ž', 'ж'],
];

/**
 * A phrase in Serbian Latin (`hoću da razgovaram`) written in Serbian Cyrillic (`хоћу да
 * разговарам`). Letters outside the Serbian alphabet (`x`, `w`, `q`, `y`), digits, `*` and `…`
 * are kept as they are. Lower-case input.
 */
export function toSerbianCyrillic(latin: string): string {
  let cyrillic = '';
  let index = 0;
  while (index < latin.length) {
    const match = latinToCyrillic.find(([from]) => latin.startsWith(from, index));
    if (match) {
      cyrillic += match[1];
      index += match[0].length;
    } else {
      cyrillic += latin[index];
      index++;
    }
  }
  return cyrillic;
}

/** Letters and pairs Serbian Latin does not write: a phrase with one is English (`chat`, `call center`). */
const latinOnly = /[xwqy]|ch|ll/;

/**
 * Phrases written once in Serbian (or Croatian, Bosnian) Latin, as the guard reads them in both
 * scripts: the Latin phrase, the same with `dj` for `đ` (as it is typed without the letter; the
 * other accents are folded by normalisation), and the Cyrillic phrase. Normalisation does not
 * transliterate, so each script needs its own phrase. English phrases ({@link latinOnly}) stay Latin.
 */
export function inBothScripts(phrases: readonly string[]): string[] {
  const all = new Set<string>();
  for (const phrase of phrases) {
    all.add(phrase);
    if (phrase.includes('đ')) all.add(phrase.replaceAll('đ', 'dj'));
    if (!latinOnly.test(phrase)) all.add(toSerbianCyrillic(phrase));
  }
  return [...all];
}
