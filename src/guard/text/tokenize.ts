import { words } from '../../text/words.js';

/** The texts tokenized last, newest first, with their tokens: one guard check splits the same text several times. */
const recentTexts: string[] = [];
const recentTokens: (readonly string[])[] = [];
const recentLimit = 4;

/**
 * Splits normalized text into word tokens: letters, digits and inner apostrophes ({@link words}), with a
 * combining mark ending a word, as the features of the guard's trained models were built. The
 * tokens of the last few texts are kept (frozen: callers share them), so the detectors of one
 * check that all read the message split it once.
 */
export function tokenize(normalized: string): readonly string[] {
  const known = recentTexts.indexOf(normalized);
  if (known >= 0) return recentTokens[known]!;
  const tokens = Object.freeze(words(normalized, { marks: false }));
  recentTexts.unshift(normalized);
  recentTokens.unshift(tokens);
  if (recentTexts.length > recentLimit) {
    recentTexts.pop();
    recentTokens.pop();
  }
  return tokens;
}

/**
 * The runs of letters and digits of normalized text, the words that character n-grams are read from:
 * {@link tokenize}'s words cut at each apostrophe too ("don't" -> "don", "t").
 */
export function letterRuns(normalized: string): string[] {
  return words(normalized, { apostrophes: 'split', marks: false });
}

/** English stop words plus a few very common Spanish, Portuguese, French and German ones. */
export const stopWords: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being am do does did ' +
    "i me my mine you your yours u ur we us our it its it's this that these those there here what which who whom " +
    'how when where why can could would should will shall may might must have has had not no yes so just ' +
    "please pls plz thanks thank hi hello hey ok okay i'm i've i'd i'll im ive id ill get got want wanna need " +
    'like would about some any all also very too up out into than then them they he she him her his hers ' +
    'el la los las un una de del y o que en por para con es se lo le su mi tu o um uma os as e do da dos das ' +
    'le les des du et ou est ce je tu il elle nous vous der die das und oder ist ich du er sie es wir ihr ein eine'
  ).split(' '),
);

/**
 * A light English stemmer: strips plural and common verb suffixes so `charges`, `charged` and
 * `charging` share a stem. Deliberately conservative; it only needs to be consistent.
 */
export function stem(token: string): string {
  if (token.length <= 3) return token;
  if (token.endsWith("'s")) return stem(token.slice(0, -2));
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith('ing') && token.length > 5) return trimDouble(token.slice(0, -3));
  if (token.endsWith('ed') && token.length > 4) return trimDouble(token.slice(0, -2));
  if (token.endsWith('es') && token.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us')) return token.slice(0, -1);
  return token;
}

function trimDouble(token: string): string {
  return /([b-df-hj-np-tv-z])\1$/.test(token) && !/(?:ll|ss|zz)$/.test(token) ? token.slice(0, -1) : token;
}

/** Content tokens of a text: normalized, stop words removed, stemmed. */
export function contentTokens(normalized: string): string[] {
  return tokenize(normalized)
    .filter((token) => !stopWords.has(token))
    .map(stem);
}
