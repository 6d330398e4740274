import { boundedMemo } from './bounded-memo.js';
import { complaintDisclaimer } from './complaint-disclaimer.js';
import { guardPattern } from './guard-pattern.js';
import { normalizeText } from './normalize-text.js';
import { sarcasticPraise } from './sarcasm.js';
import { tokenize } from './tokenize.js';

/**
 * Hand-written valence lexicon (-4..+3), general words in English, Spanish, Portuguese, French
 * and German. An entry ending in `*` matches any word with that prefix ("frustrat*").
 */
const lexiconSource: Record<string, number> = {
  // frustration and anger
  'frustrat*': -2.5,
  'annoy*': -2,
  'irritat*': -2,
  angry: -2.5,
  anger: -2,
  'furious*': -3.5,
  mad: -2,
  'livid*': -3.5,
  'outrag*': -3,
  'infuriat*': -3.5,
  'upset*': -2,
  'disappoint*': -2,
  'dissatisf*': -2,
  unhappy: -2,
  'ruin*': -2.5,
  'liar*': -3,
  'lying to me': -3,
  'lied to me': -3,
  'keep lying': -3,
  'losing my patience': -2.5,
  'lost my patience': -2.5,
  'run out of patience': -2.5,
  saftladen: -3,
  'unacceptabl*': -3,
  'ridiculous*': -2.5,
  'absurd*': -2,
  'pathetic*': -3,
  'terribl*': -2.5,
  'horribl*': -3,
  awful: -2.5,
  worst: -3,
  worse: -2,
  bad: -1.5,
  poor: -1.5,
  'disgust*': -3,
  'hate*': -2.5,
  hating: -2.5,
  'sick of': -3,
  'fed up': -3,
  'tired of': -2,
  'waste of time': -3,
  'wasting my time': -3,
  'useless*': -3,
  'worthless*': -3,
  'incompetent*': -3,
  nonsense: -2,
  rubbish: -2.5,
  garbage: -2.5,
  joke: -1,
  'scam*': -2,
  'nightmare*': -2.5,
  sucks: -2.5,
  'stupid*': -2.5,
  dumb: -2.5,
  dumber: -2.5,
  dumbest: -2.5,
  'idiot*': -3,
  'moron*': -3,
  'shame*': -2,
  'disgrace*': -3,
  'fail*': -1.5,
  broken: -1,
  wrong: -1,
  'problem*': -0.5,
  issue: -0.3,
  'unfair*': -2,
  'ignor*': -1.5,
  'still waiting': -2,
  nobody: -1,
  never: -0.5,
  again: -0.3,
  wtf: -3,
  omg: -1,
  'ugh*': -2,
  'argh*': -2.5,
  seriously: -1,
  'confus*': -1.2,
  help: 0,
  'urgent*': -1,
  'desperat*': -2.5,
  worried: -1.5,
  worry: -1,
  scared: -2,
  'stress*': -2,
  'unbelievabl*': -2,
  'fuck*': -3,
  'shit*': -3,
  'crap*': -2.5,
  'damn*': -2,
  bullshit: -3.5,
  bloody: -1.5,
  hell: -1.5,
  fudge: -1.5,
  freaking: -1.5,
  wasting: -2,
  wasted: -2,
  sorry: -0.3,
  'mistake*': -1,
  'error*': -1,
  // positive
  'thank*': 1.5,
  thx: 1.5,
  'appreciat*': 2,
  great: 2,
  good: 1.5,
  excellent: 3,
  perfect: 2.5,
  awesome: 3,
  amazing: 3,
  wonderful: 3,
  fantastic: 3,
  helpful: 2,
  happy: 2,
  glad: 2,
  'love*': 2.5,
  nice: 1.5,
  'satisf*': 1.5,
  pleased: 2,
  fine: 0.8,
  cool: 1,
  brilliant: 3,
  solved: 1.5,
  works: 0.8,
  easy: 1,
  // Spanish / Portuguese / French / German
  'frustrad*': -2.5,
  'enojad*': -2.5,
  'enfadad*': -2.5,
  'molest*': -2,
  harto: -3,
  harta: -3,
  // "useless" (es/pt/fr/it); not "inutilisable"/"inutilizzabile" (unusable), which describes an item.
  inutil: -3,
  inutile: -3,
  inutiles: -3,
  inutili: -3,
  inuteis: -3,
  'pesim*': -3,
  'horrible*': -3,
  'terrible*': -2.5,
  verguenza: -2.5,
  'decepcion*': -2,
  'irritad*': -2,
  'chatead*': -2.5,
  raiva: -2.5,
  'cansad*': -1.5,
  'pessim*': -3,
  'ridicul*': -2.5,
  absurdo: -2.5,
  'enerve*': -2.5,
  'agace*': -2,
  furieux: -3.5,
  nul: -2.5,
  nulle: -2.5,
  inadmissible: -3,
  marre: -3,
  'decu*': -2,
  'scandal*': -3,
  'arger*': -2.5,
  wutend: -3,
  sauer: -2,
  'nutzlos*': -3,
  'unverschamt*': -3,
  'katastroph*': -3,
  'schlecht*': -2,
  'enttausch*': -2,
  frechheit: -3,
  gracias: 1.5,
  'obrigad*': 1.5,
  merci: 1.5,
  'danke*': 1.5,
  genial: 2,
  excelente: 3,
  perfecto: 2.5,
  perfeito: 2.5,
  parfait: 2.5,
  super: 2,
  toll: 2,
};

const exactWords = new Map<string, number>();
const prefixWords: [string, number][] = [];
const phrases: [RegExp, number][] = [];
for (const [entry, valence] of Object.entries(lexiconSource)) {
  if (entry.includes(' ')) phrases.push([guardPattern(`\\b${entry}\\b`, 'g'), valence]);
  else if (entry.endsWith('*')) prefixWords.push([entry.slice(0, -1), valence]);
  else exactWords.set(entry, valence);
}

// Praise of a failure is anger ("great job losing my package again"): it outweighs the praise words it is made of.
phrases.push([sarcasticPraise, -4]);

/** Words that strengthen the next sentiment word, or soften it ("a bit annoying", "kinda annoying"). */
const intensifiers = new Map<string, number>(
  Object.entries({
    bit: -0.5,
    kinda: -0.5,
    sorta: -0.5,
    slightly: -0.6,
    somewhat: -0.5,
    mildly: -0.6,
    tad: -0.5,
    very: 0.3,
    really: 0.3,
    so: 0.3,
    extremely: 0.5,
    totally: 0.4,
    completely: 0.4,
    absolutely: 0.5,
    utterly: 0.5,
    incredibly: 0.5,
    super: 0.3,
    fucking: 0.6,
    freaking: 0.4,
    too: 0.2,
    most: 0.3,
    muy: 0.3,
    muito: 0.3,
    tres: 0.3,
    sehr: 0.3,
    echt: 0.3,
    wirklich: 0.3,
    total: 0.3,
  }),
);

const negators = new Set([
  'not',
  'no',
  'never',
  "don't",
  'dont',
  "doesn't",
  'doesnt',
  "didn't",
  'didnt',
  "isn't",
  'isnt',
  "wasn't",
  'wasnt',
  "aren't",
  "won't",
  "can't",
  'cant',
  'cannot',
  'nothing',
  'nor',
  'without',
  "ain't",
  'hardly',
  'nao',
  'nunca',
  'pas',
  'nicht',
  'kein',
  'keine',
]);

/** Insults and hostility aimed at the bot or the company. */
const insultPattern = guardPattern(
  /\b(?:(?:you|u|this bot|this thing|this chat|this service|your (?:bot|company|service|app))(?:'re| are| r| is|'s)? (?:so |such |a |an |completely |totally |fucking |really )*(?:useless|stupid|dumb|idiot|idiotic|moron|worthless|pathetic|garbage|trash|rubbish|a joke|incompetent|hopeless|terrible|awful|clueless)|(?:stupid|dumb|useless|idiot|worthless|pathetic|fucking|damn|shit|crap) (?:bot|robot|machine|chatbot|thing|app|company|service|ai)|(?:fuck|screw|damn) (?:you|u|this|off|your)|shut up|go to hell)\b/g,
);

/**
 * A dislike of the world, not of us: "I hate waiting for the bus", "we hate ads", "my knees hate me",
 * "I always hate paying for extras". A person (or a body part) dislikes a habit or a thing that is not
 * the service; "I hate dealing with your support" and "I hate this app" stay negative.
 */
const dislikeOfTheWorld = guardPattern(
  /\b(?:i|we|my \w+|he|she|they)(?: (?:always|really|just|so|kinda|kind of|totally|absolutely))? (?:hate|hates|dislike|dislikes) (?!(?:\S+ ){0,3}(?:you|your|ur|this (?:app|bot|chat|company|service|site|website|shop|store))\b)(?:\w+ing\b|ads\b|adverts\b|commercials\b|me\b|(?:the )?(?:cold|rain|heat|snow|bus|buses|traffic|queues?|crowds|mornings|mondays)\b)/,
);
/**
 * Someone else's feelings about the world, as a habit: "my son gets really frustrated when his cartoons
 * buffer", "she's always scared when it thunders". The user reports them; they are not the user's anger.
 */
const othersFeeling = guardPattern(
  /\b(?:my (?:son|daughter|kids?|children|husband|wife|partner|mum|mom|dad|mother|father|friend|dog|cat|boss)|he|she|they|the kids?|kids|children)(?:'s| is| are| gets?| got| getting| becomes?)(?: (?:always|often|sometimes|usually|really|so|very|a bit|quite|super))* (?:frustrated|upset|annoyed|bored|grumpy|cranky|angry|mad|impatient|scared|worried|stressed|anxious)\b(?:,)? when\b(?! (?:\S+ ){0,4}(?:you|your|ur|the app|this app|the site|the website|the service)\b)/,
);
/** The feeling words of such a report. */
const feelingWords = guardPattern(/^(?:frustrat\w*|upset|annoy\w*|angry|mad|scared|worried|stress\w*|anxious)$/);

/** The words of such a dislike, which then carry no anger. */
const dislikeWords = guardPattern(/^(?:hate|hates|dislike|dislikes)$/);

/** How frustrated a text reads beyond single words: "you are not helping", "this is not working". */
const frustrationPattern = guardPattern(
  /\b(?:(?:you|u)(?:'re| are| r)? not (?:helping|listening|understanding|getting it)|(?:this|it|that|the \w+)(?: is|'s)? (?:still )?not (?:helping|helpful|leading anywhere|going anywhere)|(?:this|it|that|the \w+)(?: is|'s)? still not working|(?:is|are)n'?t helping|still (?:is|are)n'?t working|(?:is|are)n'?t working (?:again|anymore|either|still)|how many times (?:do|must|should|have|did) (?:i|we) (?:have to |need to )?(?:tell|say|ask|explain|repeat|type|write)|for the (?:last|third|fourth|hundredth) time|i (?:already|just) (?:told|said|asked|explained)|what is wrong with (?:you|this)|are you (?:kidding|serious|joking)|give me a break|this is (?:ridiculous|a joke|insane|crazy|unbelievable)|sick and tired)\b/g,
);

/**
 * The user owning up to a slip of their own ("ugh sorry, it's jordan.miles@...", "oops, my bad,
 * wrong number", "damn, typo"): an apology not followed by a "but". The annoyance words of such a
 * message are aimed at themselves, not at the service.
 */
const ownedMistakePattern = guardPattern(
  /^(?!.*\bbut\b).*\b(?:sorry|my bad|my mistake|my fault|oops|whoops|typo|i mistyped|i misspelled|i meant)\b/,
);
/** Words that read as annoyance with oneself next to such an apology. */
const ownedWords: ReadonlySet<string> = new Set(['bad', 'mistake', 'fault']);
const selfDirected = guardPattern(
  /^(?:ugh\w*|argh\w*|damn\w*|dang|shoot|oops|whoops|sorry|mistake\w*|error\w*|wrong|typo)$/,
);

/**
 * Negators that turn only the word right after them: "no good", but "no it's fine" and "nope, all
 * good" are an answer followed by a statement of their own.
 */
const adjacentNegators: ReadonlySet<string> = new Set(['no', 'nao']);

/**
 * A clause that supposes rather than reports ("maybe if it gets worse", "in case it breaks", "unless
 * it's broken"): its words weigh a third. The clause runs from the word to the next comma or full stop.
 */
const suppositionStart = guardPattern(
  /^(?:maybe |just |but |and |or |even )?(?:if|in case|unless|should it|what if|si|caso|falls|wenn)\b/,
);

/** Words that open the consequence after a supposition without a comma. */
const mainClause: ReadonlySet<string> = new Set(["i'll", 'ill', 'will', "we'll", 'then', 'going', 'gonna', "you'd"]);

/** Each token of a normalized text, and whether it stands in a supposed clause. */
function clauseTokens(normalized: string): { tokens: string[]; supposed: boolean[] } {
  const tokens: string[] = [];
  const supposed: boolean[] = [];
  for (const clause of normalized.split(/[,.;:!?\n]+/)) {
    const words = tokenize(clause);
    let hypothetical = suppositionStart.test(clause.trim());
    for (const word of words) {
      // "if this isn't fixed I'll be furious": the consequence is said, not supposed.
      if (mainClause.has(word)) hypothetical = false;
      tokens.push(word);
      supposed.push(hypothetical);
    }
  }
  return { tokens, supposed };
}

function lookup(word: string): number | undefined {
  const exact = exactWords.get(word);
  if (exact !== undefined) return exact;
  for (const [prefix, valence] of prefixWords) if (word.startsWith(prefix)) return valence;
  return undefined;
}

/** {@link scoreSentiment} of the last texts scored: a conversation's turns are scored again by each check without a state. */
const rememberedScore = boundedMemo(computeSentiment, 2000);

/**
 * Sentiment of one message in -1..1 (negative is unhappy): a valence lexicon with negation
 * ("not happy" reads negative, "not bad" mildly positive), intensifiers, ALL CAPS, repeated
 * punctuation (!!!, ???) and insults aimed at the bot.
 */
export function scoreSentiment(text: string): number {
  return rememberedScore(text);
}

function computeSentiment(text: string): number {
  const normalized = normalizeText(text);
  const { tokens, supposed } = clauseTokens(normalized);
  let raw = 0;
  let negativeWeight = 0;
  const ownsMistake = ownedMistakePattern.test(normalized);
  const worldly = dislikeOfTheWorld.test(normalized);
  const reported = othersFeeling.test(normalized);
  const disclaimed = complaintDisclaimer.test(normalized);
  for (let index = 0; index < tokens.length; index++) {
    const word = tokens[index]!;
    const valence = lookup(word);
    if (valence === undefined || valence === 0 || intensifiers.has(word)) continue;
    if (
      (reported && feelingWords.test(word)) ||
      (worldly && dislikeWords.test(word)) ||
      (disclaimed && word.startsWith('complain'))
    )
      continue;
    if (ownsMistake && (selfDirected.test(word) || (tokens[index - 1] === 'my' && ownedWords.has(word)))) continue;
    let value = valence;
    const previous = tokens.slice(Math.max(0, index - 3), index);
    let boost = 0;
    for (const before of previous) boost += intensifiers.get(before) ?? 0;
    value *= 1 + boost;
    const negated = previous.some(
      (before, at) => negators.has(before) && (!adjacentNegators.has(before) || at === previous.length - 1),
    );
    if (negated) value = value > 0 ? -0.75 * value : -0.3 * value;
    if (supposed[index]) value /= 3;
    raw += value;
    if (value < 0) negativeWeight += -value;
  }
  for (const [pattern, valence] of phrases) {
    pattern.lastIndex = 0;
    if (pattern.test(normalized)) {
      raw += valence;
      negativeWeight += Math.max(0, -valence);
    }
  }
  insultPattern.lastIndex = 0;
  const insults = normalized.match(insultPattern)?.length ?? 0;
  raw -= 3 * insults;
  frustrationPattern.lastIndex = 0;
  const frustrations = normalized.match(frustrationPattern)?.length ?? 0;
  raw -= 2.5 * frustrations;

  const letters = text.replace(/[^A-Za-z\u00c0-\u024f]/g, '');
  const upper = letters.replace(/[^A-Z\u00c0-\u00de]/g, '').length;
  const shouting = letters.length >= 6 && upper / letters.length >= 0.7;
  const emphasis = (text.match(/[!?]{2,}|!/g) ?? []).reduce((sum, mark) => sum + (mark.length >= 2 ? 1 : 0.3), 0);
  if (raw < 0 || negativeWeight > 0) {
    if (shouting) raw *= 1.5;
    raw -= Math.min(1.5, 0.5 * emphasis);
  } else if (shouting) {
    raw -= 1.5;
  } else if (/[!?]{3,}/.test(text)) {
    raw -= 0.8;
  }
  return Math.max(-1, Math.min(1, raw / Math.sqrt(raw * raw + 8)));
}
