import { detectLanguage } from '../detect-language.js';
import { type Detector, lastTurnIndex } from '../detector.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { type LexiconHit, LexiconMatcher, tokenizeWithOffsets } from '../lexicon/lexicon-matcher.js';
import { complaintDisclaimer } from '../text/complaint-disclaimer.js';
import { forLater } from '../text/for-later.js';
import { guardPattern } from '../text/guard-pattern.js';
import { isHedged } from '../text/hedged-feeling.js';
import { normalizeText } from '../text/normalize-text.js';
import { isOwnRole } from '../text/own-role.js';
import { resolvedMatter } from '../text/resolved-matter.js';
import { isWorkTitle } from '../text/work-title.js';
import type { EscalationReason, Signal } from '../types.js';

/** Options of {@link createLexiconDetector}. */
export interface LexiconDetectorOptions {
  lexicons: readonly Lexicon[];
}

/** Most tokens between a person and the contact verb that reaches them ("talk to one of your human agents"). */
const pairTokens = 6;
/** A bare wish asks for the person only just before it ("I need an operator"), in a short message. */
const wishTokens = 2;
const wishMessageTokens = 16;
/** Most characters between them in an unspaced script ("我想和人工客服通话"). */
const pairCharacters = 10;
/** A negation this close before the wish turns it around ("I don't need an agent"). */
const negationTokens = 2;
const negationCharacters = 3;
/** Messages this short are the frustration they name; in longer ones one word is reported, under the threshold. */
const frustrationMessageTokens = 10;
/** What ends a request: a sentence or clause mark, but not the commas around "please". */
const requestBreak = guardPattern(/[.!?;:\n。！？；：؟।]/);
const clauseBreak = guardPattern(/[.!?;,:\n。！？，、；：،؟।]/);

/** How far around a hit (in characters) its partners are looked for: more than any pairing allows. */
const neighbourhood = 160;

/**
 * The hits of one message by language and category, sorted by where they start, so that the hits
 * near another are found by binary search: judging a message costs its hits times a bounded
 * neighbourhood, however often a word repeats.
 */
class HitIndex {
  private readonly lists = new Map<string, LexiconHit[]>();

  constructor(hits: readonly LexiconHit[]) {
    for (const hit of hits) {
      const key = `${hit.language}:${hit.category}`;
      const list = this.lists.get(key) ?? [];
      list.push(hit);
      this.lists.set(key, list);
    }
    for (const list of this.lists.values()) list.sort((a, b) => a.start - b.start);
  }

  /** Hits of `language` and `category` that start within `neighbourhood` characters of `hit`. */
  around(hit: LexiconHit, category: LexiconHit['category'], language = hit.language): LexiconHit[] {
    const list = this.lists.get(`${language}:${category}`);
    if (!list) return [];
    const from = hit.start - neighbourhood;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle]!.start < from) low = middle + 1;
      else high = middle;
    }
    const found: LexiconHit[] = [];
    for (let index = low; index < list.length && list[index]!.start <= hit.end + neighbourhood; index++) {
      found.push(list[index]!);
    }
    return found;
  }
}

interface Found {
  reason: EscalationReason;
  score: number;
  hits: LexiconHit[];
  detail: string;
  language: string;
}

/**
 * The guard's wording in every language it has a lexicon for (`src/guard/lexicon/`): crisis,
 * requests for a person (a person with a verb or wish of the same language, a message that is
 * only a person, or a way to reach one), money taken, closures, complaints and strong
 * frustration, in the last user message. Pure; every lexicon is tried, so a message needs no
 * language detection to be understood.
 */
export function createLexiconDetector(options: LexiconDetectorOptions): Detector {
  const matcher = matcherFor(options.lexicons);
  const byLanguage = new Map(options.lexicons.map((lexicon) => [lexicon.language, lexicon]));
  return (transcript, context) => {
    if (context.phase !== 'input') return [];
    const turn = lastTurnIndex(transcript, 'user');
    if (turn < 0) return [];
    const original = transcript[turn]!.content;
    const text = tokenizeWithOffsets(normalizeText(original));
    const hits = matcher.match(text);
    if (hits.length === 0) return [];
    // The language matters only for hits of other lexicons: an English-only message skips detection.
    const language = hits.every((hit) => hit.language === 'en')
      ? 'en'
      : (context.language?.() ?? detectLanguage(original));
    return judge(text.text, text.tokens.length, hits, language).map((found) => {
      const signal: Signal = {
        reason: found.reason,
        score: found.score,
        detector: 'lexicon',
        evidence: found.hits.map((hit) => ({ turn, text: quote(original, text.text, hit) })),
        detail: found.detail,
      };
      if (found.reason === 'crisis') {
        signal.urgency = 'critical';
        signal.topic = 'self_harm';
        const message = byLanguage.get(found.language)?.crisisMessage;
        if (message) signal.userMessage = message;
      }
      return signal;
    });
  };
}

/**
 * What the hits of one message amount to: at most one finding per reason. Crisis wording counts in
 * any language, and so does a person with a verb of the same language; a single phrase of another
 * lexicon counts only in the message's own language (or English), or when that lexicon has more
 * than one phrase in the message, so that a word of one language spelt like another's ("court",
 * "samsta") is not taken for it.
 */
export function judge(text: string, tokenCount: number, all: readonly LexiconHit[], language: string): Found[] {
  // Evidence for a language: its phrases that English does not also have at the same place
  // (code-mixed lexicons such as Hinglish share "please" with English).
  const english = new Set(all.filter((hit) => hit.language === 'en').map((hit) => `${hit.start}:${hit.end}`));
  const perLanguage = new Map<string, number>();
  for (const hit of all) {
    if (hit.language !== 'en' && english.has(`${hit.start}:${hit.end}`)) continue;
    perLanguage.set(hit.language, (perLanguage.get(hit.language) ?? 0) + 1);
  }
  const hits = all.filter(
    (hit) => hit.language === language || hit.language === 'en' || (perLanguage.get(hit.language) ?? 0) > 1,
  );
  const index = new HitIndex(all);
  const found: Found[] = [];
  // The crisis message in the user's language: a phrase both Chinese and Japanese write (自殺) answers in the detected one.
  // "Showtimes for Suicide Squad": a title is no crisis; "kill myself" never is one.
  const crises = all.filter((hit) => hit.category === 'crisis' && !isWorkTitle(text, hit.start, hit.end, language));
  const crisis = crises.find((hit) => hit.language === language) ?? crises[0];
  if (crisis) found.push(finding('crisis', 1, [crisis], 'crisis wording', crisis.language));
  const request = findRequest(text, tokenCount, all, hits, index);
  if (request) found.push(request);
  // "Do you have a complaint form? Not a complaint, I just want to suggest...": a complaint disclaimed
  // anywhere in the message disclaims its other mentions (the topic catalogue's exclude reads the same
  // way). Only complaints: "not refunded" is the money problem itself.
  const disclaimed = complaintDisclaimer.test(text);
  // "I had a dispute about a double charge; it's been resolved and I got the money back": settled, and not back.
  const settled = resolvedMatter.test(text);
  const stakes = hits.find(
    (hit) =>
      ((hit.category === 'moneyTaken' && !settled) ||
        hit.category === 'closure' ||
        (hit.category === 'complaint' && !disclaimed && !settled && !isOwnRole(text, hit.start))) &&
      !isNegated(text, hit, index),
  );
  if (stakes) found.push(finding('high_stakes', 0.8, [stakes], stakesDetail[stakes.category]!, stakes.language));
  // "a bit annoying", "kinda frustrating": said as mild, it is no strong frustration.
  // "Kan jag ta sömntabletter med mitt antidepressiva?": a question for a doctor, lawyer or adviser.
  const regulated = all.find((hit) => hit.category === 'compliance' && !isNegated(text, hit, index));
  if (regulated) found.push(finding('compliance', 0.8, [regulated], 'asks for regulated advice', regulated.language));
  const frustrated = hits.filter(
    (hit) => hit.category === 'frustration' && !isNegated(text, hit, index) && !isHedged(text, hit.start),
  );
  if (frustrated.length > 0) {
    // Said on its own ("very bad", "I'm furious") it is the message; one word in a long message may not be.
    const strong = tokenCount <= frustrationMessageTokens || new Set(frustrated.map((hit) => hit.phrase)).size > 1;
    found.push(
      finding('negative_sentiment', strong ? 0.7 : 0.55, frustrated, 'strong frustration', frustrated[0]!.language),
    );
  }
  return found;
}

const stakesDetail: Partial<Record<LexiconHit['category'], string>> = {
  moneyTaken: 'money taken or not received',
  closure: 'closing the account',
  complaint: 'complaint or legal threat',
};

function finding(reason: EscalationReason, score: number, hits: LexiconHit[], detail: string, language: string): Found {
  return { reason, score, hits, detail, language };
}

/** An id per lexicon object, for the matcher cache's keys. */
const lexiconIds = new WeakMap<Lexicon, number>();
let nextLexiconId = 0;
/** Compiled matchers by the lists of lexicons they were built from, most recent last. */
const matchers = new Map<string, LexiconMatcher>();
const maxMatchers = 8;

/**
 * The matcher of a list of lexicons, compiled once per list (about 200 ms for the built-in languages):
 * every guard built with the same lexicons shares it. A matcher is immutable, so sharing is safe.
 */
function matcherFor(lexicons: readonly Lexicon[]): LexiconMatcher {
  const key = lexicons
    .map((lexicon) => {
      let id = lexiconIds.get(lexicon);
      if (id === undefined) {
        id = nextLexiconId++;
        lexiconIds.set(lexicon, id);
      }
      return id;
    })
    .join(',');
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = new LexiconMatcher(lexicons);
    if (matchers.size >= maxMatchers) matchers.delete(matchers.keys().next().value!);
  }
  matchers.delete(key);
  matchers.set(key, matcher);
  return matcher;
}

/** A request for a person: a way to reach one (in the message's language), a person with a verb, or a person alone. */
function findRequest(
  text: string,
  tokenCount: number,
  hits: readonly LexiconHit[],
  trusted: readonly LexiconHit[],
  index: HitIndex,
): Found | undefined {
  const inHarmless = (hit: LexiconHit) =>
    index.around(hit, 'harmless').some((other) => other.start <= hit.start && other.end >= hit.end);
  // "What time does your phone line open? Not now, for next week": a way to reach people kept for later.
  const later = forLater.test(text);
  const channel = trusted.find(
    (hit) => hit.category === 'contactChannels' && !later && !isNegated(text, hit, index) && !inHarmless(hit),
  );
  if (channel) return finding('explicit_request', 0.85, [channel], 'asks how to reach a person', channel.language);
  // "human-powered", "agent-based": a person word inside a compound is no person; nor is one that
  // owns a thing ("the manager's special", "agent's fee").
  const people = hits.filter(
    (hit) => hit.category === 'person' && text[hit.end] !== '-' && !isPossessive(text, hit) && !inHarmless(hit),
  );
  for (const person of people) {
    if (isNegated(text, person, index)) continue;
    const verb = index
      .around(person, 'contactVerbs')
      .find((hit) => near(text, person, hit, pairTokens) && !isNegated(text, hit, index));
    const wish =
      verb ??
      (tokenCount <= wishMessageTokens
        ? index.around(person, 'wishes').find((hit) => wishBefore(text, hit, person) && !isNegated(text, hit, index))
        : undefined);
    if (wish) return finding('explicit_request', 0.85, [wish, person], 'asks for a person', person.language);
  }
  const alone = people.find(
    (person) => !isNegated(text, person, index) && isOnlyPerson(text, tokenCount, person, hits),
  );
  if (alone) return finding('explicit_request', 0.85, [alone], 'asks for a person', alone.language);
  return undefined;
}

/** A person word in the possessive before another word: "manager's special", "the agents' desk". */
function isPossessive(text: string, hit: LexiconHit): boolean {
  const after = text.slice(hit.end, hit.end + 6);
  const marker = /'s?$/.test(text.slice(hit.start, hit.end)) ? '' : (/^'s?/.exec(after)?.[0] ?? null);
  return marker !== null && /^\s+\p{L}/u.test(after.slice(marker.length));
}

/** Two hits of one clause, at most `tokens` words apart (in an unspaced script, a few characters). */
function near(text: string, a: LexiconHit, b: LexiconHit, tokens: number): boolean {
  const [first, second] = a.start <= b.start ? [a, b] : [b, a];
  if (second.start < first.end) return true;
  const close =
    first.lastToken >= 0 && second.firstToken >= 0
      ? second.firstToken - first.lastToken - 1 <= tokens
      : second.start - first.end <= pairCharacters;
  return close && !requestBreak.test(text.slice(first.end, second.start));
}

/**
 * The wish stands just before the person ("I need a human"); in an unspaced script, or where the
 * verb comes last (Korean, Japanese, Turkish, Hindi), on either side within a few characters.
 */
function wishBefore(text: string, wish: LexiconHit, person: LexiconHit): boolean {
  if (wish.firstToken < 0 || person.firstToken < 0) return near(text, wish, person, wishTokens);
  if (verbFinal.has(wish.language)) return near(text, wish, person, wishTokens);
  if (wish.start >= person.start || !near(text, wish, person, wishTokens)) return false;
  return !infinitiveWish.test(wish.phrase) || onlyDeterminers.test(text.slice(wish.end, person.start));
}

/**
 * A wish that ends in an infinitive marker ("need to", "want to") is followed by a verb: in "I need
 * to reschedule the technician" the person is what is rescheduled, not who is asked for.
 */
const infinitiveWish = guardPattern(/ to$/);
const onlyDeterminers = guardPattern(/^(?:\s+(?:a|an|the|some|any|my|your|one|real|live|actual))*\s*$/);

/** Languages whose verb (and so the wish) follows its object. */
const verbFinal = new Set(['ja', 'ko', 'tr', 'hi', 'kk']);

/**
 * A negation just before the hit (or overlapping its start: "don't … need" over "need to"), or right
 * after it in an unspaced script. Negations of the hit's language count, and English ones: the
 * code-mixed lexicons (Hinglish) share English words, which English negates.
 */
function isNegated(text: string, hit: LexiconHit, index: HitIndex): boolean {
  const negations = [
    ...index.around(hit, 'negations'),
    ...(hit.language === 'en' ? [] : index.around(hit, 'negations', 'en')),
  ];
  return negations.some((negation) => {
    if (negation.start >= hit.start && negation.end <= hit.end) return true;
    if (negation.start < hit.start && negation.end > hit.start) return true;
    if (hit.firstToken >= 0 && negation.lastToken >= 0) {
      const gap = hit.firstToken - negation.lastToken - 1;
      return gap >= 0 && gap <= negationTokens && !clauseBreak.test(text.slice(negation.end, hit.start));
    }
    const before = hit.start - negation.end;
    const after = negation.start - hit.end;
    return (before >= 0 && before <= negationCharacters) || (after >= 0 && after <= negationCharacters);
  });
}

/** The message is little more than the person ("operatore per favore", "人工客服！"). */
function isOnlyPerson(text: string, tokenCount: number, person: LexiconHit, hits: readonly LexiconHit[]): boolean {
  const spaced = person.firstToken >= 0;
  if (spaced ? tokenCount > onlyPersonTokens : text.length > onlyPersonCharacters) return false;
  const filler = hits.filter(
    (hit) =>
      hit.language === person.language &&
      (hit.category === 'person' ||
        hit.category === 'wishes' ||
        hit.category === 'contactVerbs' ||
        hit.category === 'smalltalk' ||
        hit.category === 'confirmations'),
  );
  if (spaced) {
    const covered = new Set<number>();
    for (const hit of filler) for (let token = hit.firstToken; token <= hit.lastToken; token++) covered.add(token);
    return covered.size >= tokenCount;
  }
  const covered = new Uint8Array(text.length);
  for (const hit of filler) covered.fill(1, hit.start, hit.end);
  let uncovered = 0;
  for (let index = 0; index < text.length; index++) {
    if (!covered[index] && !blank.test(text[index]!)) uncovered++;
  }
  return uncovered <= 1;
}

const blank = guardPattern(/[\s\p{P}\p{S}]/u);
/** Longest message that can be only a person and filler ("operatore per favore", "请帮我转人工客服，谢谢！"). */
const onlyPersonTokens = 6;
const onlyPersonCharacters = 40;

/** The user's own words for the evidence: the matched span when it reads the same in the original, else the message. */
function quote(original: string, normalized: string, hit: LexiconHit): string {
  const matched = normalized.slice(hit.start, hit.end);
  const at = original.toLowerCase().indexOf(matched);
  if (at >= 0) return original.slice(at, at + matched.length);
  return original.length > 160 ? `${original.slice(0, 157)}...` : original;
}
