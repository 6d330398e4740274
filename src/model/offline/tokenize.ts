/**
 * English stop words: function words that carry no topic. Question words (how, when, where)
 * are included because every FAQ question has one.
 */
const stopWords = new Set(
  (
    'a about above after again all am an and any are as at be because been before being below between both but by ' +
    'can cant could did didnt do does doesnt doing dont down during each either else even ever few for from further ' +
    'get got had has have having he her here hers him his how i id if im in into is isnt it its ive just let lets ' +
    'like me might more most much must my myself need no nor not now of off on once one only or other our ours out ' +
    'over own please really same she should so some still such than thank thanks that thats the their them then ' +
    'there these they this those through to too under until up us very want was wasnt we were what whats when where ' +
    'which while who whom why will with wont would yes yet you youre your yours yourself hi hello hey wheres hows ' +
    'hasnt havent hadnt arent werent wouldnt couldnt shouldnt ill youve weve theyre never ever always anymore ' +
    // Words that carry no topic in a support question ("is shipping free over a certain amount?").
    'also anything something certain know tell wondering curious question ok okay sure maybe actually'
  ).split(' '),
);

/** Stems folded onto the word the knowledge base uses, so a customer's wording still matches. */
const synonyms = new Map([
  ['packag', 'parcel'],
  ['zipper', 'zip'],
  ['postag', 'ship'],
  ['colour', 'color'],
  ['cancellation', 'cancel'],
  ['catalogu', 'catalog'],
  ['bought', 'buy'],
  ['purchas', 'buy'],
  ['shop', 'stor'],
  ['fee', 'cost'],
  ['child', 'kid'],
  ['children', 'kid'],
  ['lightest', 'light'],
  ['lighter', 'light'],
  ['warmest', 'warm'],
  ['warmer', 'warm'],
  ['cheapest', 'cheap'],
  ['cheaper', 'cheap'],
  ['expiry', 'expir'],
  ['womens', 'women'],
  ['lady', 'women'],
  ['coupon', 'code'],
  ['voucher', 'code'],
  ['promo', 'code'],
]);

const vowel = /[aeiouy]/;
/** Letters that stay doubled after removing -ing / -ed (`fall`, `miss`, `buzz`). */
const keepDoubled = new Set(['l', 's', 'z']);

/**
 * A light English stemmer: folds plurals, -ing, -ed and a final -e or -y so that `shipping`,
 * `shipped` and `ships` meet at `ship`, and `delivery`, `deliveries` and `delivered` at `deliver`.
 * Deliberately conservative; it only needs to be consistent, not linguistically right.
 */
export function stem(word: string): string {
  let stemmed = word;
  if (stemmed.length <= 3 || /\d/.test(stemmed)) return stemmed;

  if (stemmed.endsWith('ies') || stemmed.endsWith('ied')) {
    stemmed = `${stemmed.slice(0, -3)}y`;
  } else if (stemmed.endsWith('sses')) {
    stemmed = stemmed.slice(0, -2);
  } else if (/(?:ches|shes|xes|zes)$/.test(stemmed)) {
    stemmed = stemmed.slice(0, -2);
  } else if (stemmed.endsWith('s') && !/(?:ss|us|is)$/.test(stemmed)) {
    stemmed = stemmed.slice(0, -1);
  }

  for (const suffix of ['ing', 'ed']) {
    if (!stemmed.endsWith(suffix)) continue;
    const base = stemmed.slice(0, -suffix.length);
    if (base.length < 3 || !vowel.test(base)) break;
    const last = base.at(-1) ?? '';
    stemmed = base.at(-2) === last && !keepDoubled.has(last) && !vowel.test(last) ? base.slice(0, -1) : base;
    break;
  }

  if (stemmed.length > 3 && stemmed.endsWith('e')) stemmed = stemmed.slice(0, -1);
  if (stemmed.length > 4 && stemmed.endsWith('y') && !vowel.test(stemmed.at(-2) ?? '')) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

/**
 * Splits text into lower-case, accent-folded, stemmed terms without stop words. Letters and digits of
 * any script count as word characters; apostrophes are dropped so `don't` becomes `dont`.
 *
 * @example tokenize("Where's my parcel? It hasn't been delivered") // ['parcel', 'deliver']
 */
export function tokenize(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '');
  const terms: string[] = [];
  for (const match of folded.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0];
    if (stopWords.has(word)) continue;
    const stemmed = stem(word);
    terms.push(synonyms.get(stemmed) ?? stemmed);
  }
  return terms;
}
