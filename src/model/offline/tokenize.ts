import { words as splitWords } from '../../text/words.js';
import { createCrossLanguageLexicon, foreignPhrases } from './cross-language.js';

/**
 * English stop words: function words that carry no topic. Question words (how, when, where)
 * are included because every FAQ question has one.
 */
const stopWords = new Set(
  (
    'a about above after again all am an and any are as at be because been before being below between both but by ' +
    'can cant could did didnt do does doesnt doing dont during each either else even ever few for from further ' +
    'get got had has have having he her here hers him his how i id if im in into is isnt it its ive just let lets ' +
    'like me might more most much must my myself need no nor not now of off on once one only or other our ours out ' +
    'over own please really same she should so some still such than thank thanks that thats the their them then ' +
    'there these they this those through to too under until up us very want was wasnt we were what whats when where ' +
    'which while who whom why will with wont would yes yet you youre your yours yourself hi hello hey wheres hows ' +
    'hasnt havent hadnt arent werent wouldnt couldnt shouldnt ill youve weve theyre never ever always anymore ' +
    // Words that carry no topic in a support question ("is shipping free over a certain amount?").
    'also anything something certain know tell wondering curious question ok okay sure maybe actually many chance ' +
    'possible able someone somebody anyone anybody everyone everybody everything else thing things stuff ' +
    'already since ago though however every lot lots bit way look looking come comes came coming go goes ' +
    'going went said says say today tonight right policy policies procedure process info information ' +
    'offer offers offering provide provides ' +
    // Adverbs that hedge or time a question without naming its topic ("I'm normally a 43", "is it usually").
    'normally usually typically generally exactly currently basically honestly probably definitely especially ' +
    'literally simply recently finally mostly roughly approximately nearly almost quite rather pretty ' +
    // Fillers of everyday questions ("warm enough", "a pair of boots", "the cheapest option").
    'enough pair option options accidentally equivalent correspond ' +
    // Currencies: an amount says no more than its number ("free if I spend over 50 euros").
    'euro euros eur dollar dollars usd bucks ' +
    // Acknowledgements that open a follow-up ("Great, and Afterpay?").
    'great awesome cool nice perfect good fine alright yeah yep yup oh ah hmm um btw lol sorry super ' +
    // Chat shorthand and common misspellings of function words.
    'u ur r pls plz thx ty wat wut wich whic hw cuz bc abt wanna gonna gotta til until hv ya ' +
    // Role-play dialect around a question ("Arr, do ye ship to Canada?"): archaic pronouns and interjections.
    'ye thee thou thy arr yarr ahoy matey avast aye'
  ).split(' '),
);

/**
 * Words folded onto the word the knowledge base uses, so a customer's wording still matches: spelling
 * variants, irregular forms the stemmer cannot fold (`wore`, `paid`) and synonyms of the shop's topics
 * (`delivery` and `shipping` are one topic). Both sides are stemmed when the table is built; a word may
 * stand for two (`promo` is a promo code, a kind of code).
 */
const synonymWords: ReadonlyArray<readonly [word: string, knowledgeBaseWords: string]> = [
  ['package', 'parcel'],
  ['packet', 'parcel'],
  ['zipper', 'zip'],
  ['postage', 'shipping'],
  ['delivery', 'shipping'],
  ['deliver', 'shipping'],
  ['dispatch', 'shipping'],
  ['colour', 'color'],
  ['cancellation', 'cancel'],
  ['catalogue', 'catalog'],
  ['bought', 'buy'],
  ['purchase', 'buy'],
  ['shop', 'store'],
  ['fee', 'cost'],
  ['child', 'kid'],
  ['children', 'kid'],
  ['lightest', 'light'],
  ['lighter', 'light'],
  ['warmest', 'warm'],
  ['warmer', 'warm'],
  ['cheapest', 'cheap'],
  ['cheaper', 'cheap'],
  ['expiry', 'expire'],
  ['womens', 'women'],
  ['woman', 'women'],
  ['lady', 'women'],
  ['coupon', 'promo code'],
  ['voucher', 'code'],
  ['promo', 'promo code'],
  ['payment', 'pay'],
  ['paid', 'pay'],
  ['wore', 'wear'],
  ['worn', 'wear'],
  ['sent', 'send'],
  ['broke', 'broken'],
  ['break', 'broken'],
  ['took', 'take'],
  ['taken', 'take'],
  ['guarantee', 'warranty'],
  ['trouser', 'pant'],
  ['coat', 'jacket'],
  ['parka', 'jacket'],
  ['sneaker', 'shoe'],
  ['trainer', 'shoe'],
  ['footwear', 'shoe'],
  ['telephone', 'phone'],
  ['reimbursement', 'refund'],
  ['reimburse', 'refund'],
  ['mail', 'email'],
  ['instalment', 'installment'],
  // People a customer names when someone else collects, wears or pays: all "a person" to the shop.
  ['wife', 'person'],
  ['husband', 'person'],
  ['partner', 'person'],
  ['friend', 'person'],
  ['boyfriend', 'person'],
  ['girlfriend', 'person'],
  ['mother', 'person'],
  ['father', 'person'],
  ['mom', 'person'],
  ['mum', 'person'],
  ['dad', 'person'],
  ['sister', 'person'],
  ['brother', 'person'],
  ['neighbour', 'person'],
  ['neighbor', 'person'],
  ['colleague', 'person'],
  // Jobs and groups a discount may be asked for ("Is there a discount for nurses?"): all a profession to the
  // shop, whose list of discounts answers them.
  ['nurse', 'profession'],
  ['doctor', 'profession'],
  ['teacher', 'profession'],
  ['educator', 'profession'],
  ['firefighter', 'profession'],
  ['police', 'profession'],
  ['paramedic', 'profession'],
  ['veteran', 'profession'],
  ['soldier', 'profession'],
  ['military', 'profession'],
  ['senior', 'profession'],
  ['pensioner', 'profession'],
  ['retiree', 'profession'],
  ['nhs', 'profession'],
  ['healthcare', 'profession'],
  ['instructor', 'profession'],
  ['ranger', 'profession'],
  ['maintenance', 'maintain'],
  ['membership', 'member'],
  ['courier', 'dhl'],
  ['carrier', 'dhl'],
  ['period', 'window'],
  ['timeframe', 'window'],
  ['deadline', 'window'],
  ['big', 'large'],
  ['bigger', 'large'],
  ['larger', 'large'],
  ['smaller', 'small'],
  ['lower', 'low'],
  ['higher', 'high'],
  ['longer', 'long'],
  ['faster', 'fast'],
  ['together', 'combine'],
  ['fix', 'repair'],
  ['heavy', 'weight'],
  ['weigh', 'weight'],
  ['branch', 'store'],
  ['outlet', 'store'],
  ['adult', 'people'],
  ['overdue', 'late'],
  ['billing', 'bill'],
  ['snapped', 'broken'],
  ['cracked', 'broken'],
  ['peeling', 'broken'],
  ['delaminating', 'broken'],
  ['frayed', 'broken'],
  ['cm', 'centimetre'],
  ['centimeter', 'centimetre'],
  ['soon', 'long'],
  // A pickup order is kept, or held, for ten days.
  ['hold', 'keep'],
  ['held', 'keep'],
  ['pick', 'choose'],
  ['select', 'choose'],
  ['rip', 'hole'],
  ['ripped', 'hole'],
  ['torn', 'hole'],
  ['availability', 'available'],
  ['subscription', 'subscribe'],
  ['house', 'address'],
  ['apartment', 'address'],
  ['doorstep', 'address'],
];

/** Number words, read as digits ("five minutes" as "5 minutes"), so that they count like any number. */
const numberWords = new Map(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty'
    .split(' ')
    .map((word, index) => [word, String(index <= 20 ? index : (index - 18) * 10)]),
);

/** Phrases rewritten before the words are split, so their parts do not count as separate topics. */
const phrases: ReadonlyArray<readonly [RegExp, string]> = [
  // "How do returns work?" asks about returns; "work" is no topic of its own there.
  [/\bhow (do|does|did|will|would) ((?:[\p{L}\p{N}]+ ){0,5}?[\p{L}\p{N}]+) work\b/gu, 'how $1 $2'],
  [/\bpick(?:ed|ing|s)?[ -]up\b/gu, 'pickup'],
  [/\bcheck(?:ed|ing|s)?[ -]out\b/gu, 'checkout'],
  [/\b(?:log(?:ged|ging)?|sign(?:ed|ing)?)[ -]?in(?:to)?\b/gu, 'login'],
  [/\bsign(?:ed|ing|s)?[ -]up\b/gu, 'signup'],
  [/\bset(?:ting)?[ -]up\b/gu, 'setup'],
  [/\bcarry[ -]on\b/gu, 'carryon'],
  [/\bmoney back\b/gu, 'refund'],
  // Sending, bringing or taking an item back is returning it ("send back a fleece", "send the boots back").
  [/\b(?:send|sent|sending|bring|bringing|brought)((?: [\p{L}\p{N}]+){0,3}?) back\b/gu, 'return$1'],
  [/\b(?:take|taking|took)(?: (?:it|them|this|that|these|those))? back\b/gu, 'return'],
  // To store something is to keep it ("How should I store it?"), not a shop.
  [/\b(?:store|stored|storing) (it|them|this|that|these|those|my|your|the|a|an)\b/gu, 'storage $1'],
  [/\be-mail/gu, 'email'],
  // Letter sizes side by side ("between a M and L", "S/M", "M or L?") are a size question.
  [/\b(?:x{0,3}s|m|x{0,3}l)(?:\s+(?:or|and|to|vs|versus)\s+|\s*\/\s*)(?:x{0,3}s|m|x{0,3}l)\b/gu, 'size'],
  // A small or large order is one of little or much value, not a size.
  [/\b(?:small|smaller|little|tiny|cheap|low[ -]value) (order|purchase|basket)s?\b/gu, '$1 minimum'],
  [/\b(?:delivery|dhl|ups|fedex|postal|parcel) (?:person|guy|man|woman|driver|people)\b/gu, 'driver'],
  // "I have a question about my order" is about the order.
  [/\b(?:a )?(?:question|questions|talk|ask|asking|chat|enquiry|inquiry) (?:about|regarding|on)\b/gu, ' '],
  // A child named by age ("rain pants for a 6 year old").
  [/\b(?:[1-9]|1[0-4])[ -]?(?:year|yr)s?[ -]old\b/gu, 'kid'],
  // Order and reference numbers ("NW-40511", "#A-77821") are numbers, not words.
  [/\b[a-z]{1,3}-?(\d{3,})\b/gu, '$1'],
  [/\brain ?coat\b/gu, 'rain jacket'],
  // What an order does when it is late ("it was supposed to come yesterday"), and parts that give way.
  [/\b(?:was|were|is|are) (?:supposed|meant|due|expected) to (?:come|arrive|be here|be delivered)\b/gu, 'late'],
  [/\bshould (?:have|of) (?:come|arrived|been delivered|been here)\b/gu, 'late'],
  [/\b(?:coming|came|come|comes|fell|falling|fall|falls) (?:off|apart|loose|undone)\b|\bstopped working\b/gu, 'broken'],
  // Money off is a discount; money that hits an account is a refund showing up.
  [/\b(?:money|\d+ ?%|\d+ percent) off\b/gu, 'discount'],
  [/\b(?:hit|hits|reach|reaches|land in|lands in) (?:my|the) (?:account|card|bank)\b/gu, 'show up bank account'],
  [/\bhow much (?:do|does|will|would) (?:you|it|they) charge\b/gu, 'how much cost'],
  [/\bbank holidays?\b/gu, 'public holiday'],
  // A height given in metres, centimetres or feet ("bei 1,80 m", "I'm 180 cm", "5 ft 11") is a height.
  [/\b[12][,.]\d{2} ?m\b|\b1\d{2} ?cm\b|\b[4-7] ?(?:ft|foot|feet)(?: ?\d{1,2}(?: ?(?:in|inches))?)?\b/gu, 'height'],
  // "New to hiking": a beginner.
  [/\bnew to (?:hiking|camping|climbing|the outdoors|outdoor)\b/gu, 'beginner'],
  // "You sent me a medium instead of a large" is the wrong item; "store credit instead of a refund" is not.
  [
    /\b(sent|send|received|delivered|shipped)(?: [\p{L}\p{N}]+){0,4}? instead of(?: (?:a|an|the|my|size))? [\p{L}\p{N}]+/gu,
    '$1 wrong item',
  ],
  // An order placed twice is an order placed by mistake.
  [
    /\b(?:ordered|placed|bought|purchased)(?: (?:it|this|that|the same (?:thing|item|order)))? twice\b|\b(?:double|duplicate) (?:order|purchase)\b/gu,
    'order mistake',
  ],
  // Too small or too big is a fit that calls for an exchange ("the trousers are too small"); how a brand's sizes
  // run ("do your jackets run small?") is a question for the size guide.
  [/\btoo (small|big|large|tight|loose|narrow|wide)\b/gu, '$1 exchange'],
];

/** French and Italian elisions ("l'article", "dell'ordine"), split so the noun is its own word. */
const elision = /\b(?:l|d|j|qu|n|s|c|m|t|dell|nell|all|sull|dall|un)['’`](?=\p{L})/gu;

const vowel = /[aeiouy]/;
/** Letters that stay doubled after removing -ing / -ed (`fall`, `miss`, `buzz`). */
const keepDoubled = new Set(['l', 's', 'z']);

/**
 * A light English stemmer: folds plurals, -ing, -ed, -able, -ation and a final -e or -y so that `shipping`,
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

  // "returnable", "washable", "refundable", "confirmation", "reservation": the verb.
  if (/(?:able|ible)$/.test(stemmed) && stemmed.length >= 8) stemmed = stemmed.slice(0, -4);
  else if (stemmed.endsWith('ation') && stemmed.length >= 9) stemmed = stemmed.slice(0, -5);
  if (stemmed.length > 3 && stemmed.endsWith('e')) stemmed = stemmed.slice(0, -1);
  if (stemmed.length > 4 && stemmed.endsWith('y') && !vowel.test(stemmed.at(-2) ?? '')) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

const synonyms = new Map(synonymWords.map(([word, target]) => [stem(word), target.split(' ').map(stem)]));

/** Words folded as written, where their stem would take others with it. */
const wordSynonyms = new Map([
  // Backpacking is the activity (hiking with everything on your back), not the backpack.
  ['backpacking', 'hiking'],
  // Places the shop does not list: a question about shipping to one, or a store in one, is still a question
  // about where the shop ships or has stores, which the list of destinations or stores answers.
  ...placeNames(
    'country',
    'australia japan china india brazil mexico argentina chile colombia peru russia turkey israel egypt ' +
      'morocco nigeria kenya africa singapore malaysia thailand vietnam indonesia philippines korea taiwan ' +
      'iceland ukraine serbia albania bosnia montenegro macedonia moldova belarus georgia armenia emirates uae ' +
      'dubai qatar saudi zealand australien japon mexiko mexique brasil brasilien bresil',
  ),
  ...placeNames(
    'state',
    'alabama arizona arkansas california connecticut delaware florida idaho illinois indiana iowa kansas ' +
      'kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska ' +
      'nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming',
  ),
  // Cities stand for their country: "Do you ship to Milan?" asks whether the shop ships to Italy, "¿Cuánto
  // tarda el envío a Austin?" how long US shipping takes. The cities of the shop's own stores keep their names.
  ...placeNames('france', 'paris lyon marseille toulouse bordeaux strasbourg nantes grenoble chamonix'),
  ...placeNames('italy', 'rome roma milan milano naples napoli turin torino florence firenze venice venezia bologna'),
  ...placeNames('italy', 'verona genoa genova bolzano'),
  ...placeNames('spain', 'madrid barcelona valencia seville sevilla bilbao malaga zaragoza mallorca majorca ibiza'),
  ...placeNames('portugal', 'lisbon lisboa porto'),
  ...placeNames('netherlands', 'amsterdam rotterdam utrecht eindhoven hague haag groningen'),
  ...placeNames('belgium', 'brussels bruxelles brussel antwerp antwerpen ghent gent bruges brugge'),
  ...placeNames('austria', 'vienna wien salzburg innsbruck graz linz'),
  ...placeNames('switzerland', 'zurich geneva geneve genf bern basel lausanne lucerne luzern zermatt'),
  ...placeNames('germany', 'cologne koln frankfurt stuttgart dusseldorf dresden leipzig hannover hanover'),
  ...placeNames('germany', 'nuremberg nurnberg bremen bonn freiburg heidelberg'),
  ...placeNames('ireland', 'dublin galway'),
  ...placeNames('poland', 'warsaw warszawa krakow cracow gdansk wroclaw poznan'),
  ...placeNames('denmark', 'copenhagen kobenhavn københavn aarhus odense'),
  ...placeNames('sweden', 'stockholm gothenburg goteborg malmo uppsala'),
  ...placeNames('finland', 'helsinki tampere turku'),
  ...placeNames('norway', 'oslo bergen trondheim stavanger tromso'),
  ...placeNames('czech', 'prague praha brno'),
  ...placeNames('greece', 'athens athina thessaloniki'),
  ...placeNames('hungary', 'budapest'),
  ...placeNames('uk', 'london manchester birmingham edinburgh glasgow liverpool leeds bristol cardiff belfast'),
  ...placeNames('uk', 'scotland wales'),
  ...placeNames('usa', 'chicago austin seattle portland houston dallas boston miami atlanta phoenix philadelphia'),
  ...placeNames('usa', 'detroit nashville minneapolis aspen'),
  ...placeNames('canada', 'toronto vancouver montreal calgary ottawa quebec'),
]);

function placeNames(category: string, names: string): Array<[string, string]> {
  return names.split(' ').map((name) => [name, category]);
}

/** Stems a word and folds it onto the knowledge base's word(s); none for a stop word. */
function englishTerms(word: string): readonly string[] {
  if (stopWords.has(word)) return [];
  const stemmed = stem(wordSynonyms.get(word) ?? word);
  // "gets", "needs", "likes", "others" are stop words too, but "note" (stem "not") is not.
  if (`${stemmed}s` === word && stopWords.has(stemmed)) return [];
  if (word.length > 3 && word.endsWith('s') && stopWords.has(word.slice(0, -1))) return [];
  return synonyms.get(stemmed) ?? [stemmed];
}

const lexicon = createCrossLanguageLexicon((english) => english.split(' ').flatMap(englishTerms));

/** Lower case, accents folded, `ß` as `ss`, apostrophes of elisions split and the others dropped. */
function fold(text: string): string {
  // "US" in capitals is the United States, not "us".
  let folded = text
    .replace(/\bU\.?S\.?(?:A\.?)?(?=[\s,.!?;:)]|$)/g, 'USA')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss');
  folded = folded.replace(elision, (match) => `${match.slice(0, -1)} `).replace(/['’`]/g, '');
  for (const [pattern, replacement] of [...phrases, ...foreignPhrases]) folded = folded.replace(pattern, replacement);
  return folded;
}

/**
 * Joins a capitalised name and the number written after it into one more term ("ridg#2" beside "ridg" and
 * "2"), so "Ridge 2" is told apart from the Ridge 3. An index ignores such a term when no document holds it
 * ("Size 43").
 */
export const modelNumberMark = '#';

/**
 * Splits text into lower-case, accent-folded, stemmed terms without stop words. Words are split by the
 * project's word splitter (`src/text/words.ts`): letters and digits of any script; apostrophes are
 * dropped first so `don't` becomes `dont`. Words of the main support topics in Spanish, Portuguese,
 * French, German, Italian and Dutch become the English term (see `cross-language.ts`), and so do German
 * and Dutch compounds of them; Polish, Turkish, Russian and Arabic words by their stem
 * (`inflected-lexicon.ts`), and runs of Japanese or Chinese cut into the words listed in `cjk-lexicon.ts`.
 *
 * @example tokenize("Where's my parcel? It hasn't been delivered") // ['parcel', 'ship']
 * @example tokenize('¿Cuánto tarda el envío?') // ['tak', 'ship'], as "How long does shipping take?"
 * @example tokenize('Сколько стоит доставка?') // ['cost', 'ship']
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  const folded = fold(text);
  // Names written with a capital and followed by digits ("Ridge 2", "Summit 30"): models, not quantities.
  const models = new Set(
    [...text.matchAll(/(\p{Lu}[\p{L}\p{M}]*)[\s-]+(\d{1,4})\b/gu)].map(
      ([, name, number]) => `${fold(name ?? '')} ${number}`,
    ),
  );
  // The term of the word just before, to name a model with the number that follows it ("Ridge 2").
  let named: { word: string; term: string; end: number } | undefined;
  // The shared word splitter: the folded text has no apostrophes or marks left, so its words are runs of
  // letters and digits.
  const words = splitWords(folded);
  const isEnglishStopWord = (word: string) => stopWords.has(word);
  let cursor = 0;
  for (const written of words) {
    const start = folded.indexOf(written, cursor);
    cursor = start + written.length;
    const previous = named;
    named = undefined;
    if (stopWords.has(written) || lexicon.isStopWord(written)) continue;
    if (lexicon.isSharedStopWord(written, words, isEnglishStopWord)) continue;
    const word = numberWords.get(written) ?? written;
    if (previous && models.has(`${previous.word} ${word}`) && /^[\s-]*$/.test(folded.slice(previous.end, start))) {
      terms.push(`${previous.term}${modelNumberMark}${word}`);
    }
    const segmented = lexicon.segment(word);
    if (segmented) {
      terms.push(...segmented);
      continue;
    }
    const translated = lexicon.translate(word) ?? lexicon.translateInflected(word, words);
    if (translated) {
      terms.push(...translated);
      continue;
    }
    const english = englishTerms(word);
    const [term] = english;
    if (term === undefined) continue;
    // A long word may be a German or Dutch compound of listed words ("versandkosten", "donsjas").
    const parts = lexicon.splitCompound(word);
    terms.push(...(parts ?? english));
    if (!parts && !/\d/.test(term)) named = { word, term, end: cursor };
  }
  return terms;
}
