import { detectLanguage } from '../detect-language.js';
import { type Detector, lastTurnIndex } from '../detector.js';
import { botActedBefore, stateFor } from '../state/guard-state.js';
import { normalizeText } from '../text/normalize-text.js';
import { matchesOneByteView, oneByteView } from '../text/one-byte-view.js';
import { isOwnRole } from '../text/own-role.js';
import { TfIdfIndex } from '../text/tfidf-index.js';
import { createTypoCorrector } from '../text/typo-correction.js';
import { warmPatterns } from '../text/warm-patterns.js';
import { isWorkTitle } from '../text/work-title.js';
import type { Signal } from '../types.js';
import { defaultTopics } from './default-topics.js';
import { routineScore, type TopicDefinition } from './topic-definition.js';

/** Key words of the catalogue whose misspellings are corrected before matching ("complaitn", "refnud"). */
const correctTypos = createTypoCorrector(
  [
    'complaint',
    'complain',
    'refund',
    'reimbursement',
    'cancel',
    'account',
    'subscription',
    'payment',
    'transaction',
    'withdrawal',
    'recognize',
    'recognise',
    'unauthorized',
    'fraudulent',
    'dispute',
    'duplicate',
    'delete',
    'terminate',
    'close',
    'remove',
    'claim',
    'charged',
    'service',
    'consumer',
    'stolen',
    'hacked',
  ],
  [
    'compliant',
    'clone',
    'cloned',
    'chose',
    'clove',
    'closet',
    'remote',
    'clam',
    'clamp',
    'clear',
    'complains',
    'cancer',
    'canceled',
    'cancels',
    'changed',
    'charges',
    'charted',
    'charred',
    'deleted',
    'related',
    'accounts',
    'payments',
    'transactions',
    'withdrawals',
    'refunds',
    'disputes',
    'services',
    'served',
    'consumers',
    'stolen',
    'hacker',
    'packed',
    'backed',
    'lacked',
    'sacked',
    'hacks',
    'authorized',
    'authorised',
    'authorize',
    'authorise',
    'duplicated',
    'recognized',
    'recognised',
    'unrecognized',
    'unrecognised',
    'terminal',
    'delegate',
    'delicate',
    'accountant',
    'payments',
    'servicer',
    'layer',
    'layers',
    'player',
    'players',
    'lower',
    'later',
    'device',
    'devices',
    'parcel',
    'stole',
  ],
);

interface CompiledTopic {
  definition: TopicDefinition;
  matchers: RegExp[];
  exclude: RegExp[];
  /** Set for a routine topic: matched words that keep it high stakes even while the bot acts. */
  routineUnless?: RegExp | null;
  examples?: TfIdfIndex;
  minSimilarity: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function toRegExp(pattern: RegExp | string): RegExp {
  return typeof pattern === 'string' ? new RegExp(pattern, 'i') : pattern;
}

function compileTopic(definition: TopicDefinition): CompiledTopic {
  const matchers = (definition.patterns ?? []).map(toRegExp);
  const keywords = (definition.keywords ?? []).map((keyword) => normalizeText(keyword)).filter(Boolean);
  if (keywords.length > 0) {
    matchers.push(new RegExp(`(?<![\\p{L}\\p{N}])(?:${keywords.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'u'));
  }
  const examples = definition.examples ?? [];
  return {
    definition,
    matchers,
    exclude: (definition.exclude ?? []).map(toRegExp),
    ...(definition.routine
      ? { routineUnless: definition.routine.unless ? toRegExp(definition.routine.unless) : null }
      : {}),
    ...(examples.length > 0 ? { examples: new TfIdfIndex(examples) } : {}),
    minSimilarity: definition.minSimilarity ?? 0.6,
  };
}

/** A global copy of each pattern that is scanned past refused matches. */
const globalCopies = new WeakMap<RegExp, RegExp>();

/** The global copy of `pattern`, made once (and so compiled once per process). */
function globalCopy(pattern: RegExp): RegExp {
  let global = globalCopies.get(pattern);
  if (!global) {
    global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    globalCopies.set(pattern, global);
  }
  return global;
}

/**
 * The regular expressions a compiled topic runs on every message. (The global copies, which scan
 * past a refused match, are left to compile when first needed: warming them too would hold the
 * catalogue's code twice.)
 */
function topicPatterns(topic: CompiledTopic): RegExp[] {
  return [...topic.matchers, ...topic.exclude, ...(topic.routineUnless ? [topic.routineUnless] : [])];
}

/** The first match of `pattern` in `text` that `accept` takes, scanning on past the ones it refuses. */
function firstMatch(
  pattern: RegExp,
  text: string,
  accept: (match: RegExpExecArray) => boolean,
): RegExpExecArray | undefined {
  const global = globalCopy(pattern);
  global.lastIndex = 0;
  for (let match = global.exec(text); match; match = global.exec(text)) {
    if (accept(match)) return match;
    if (match[0].length === 0) global.lastIndex++;
  }
  return undefined;
}

/** Whether each pattern is given {@link oneByteView} text (see {@link matchesOneByteView}). */
const readsOneByteView = new WeakMap<RegExp, boolean>();

/** True when `pattern` is given the message's one-byte view: it finds the same matches in it. */
function readsView(pattern: RegExp): boolean {
  let oneByte = readsOneByteView.get(pattern);
  if (oneByte === undefined) {
    oneByte = matchesOneByteView(pattern);
    readsOneByteView.set(pattern, oneByte);
  }
  return oneByte;
}

/** The text `pattern` searches: `view` (the one-byte view of `normalized`) when it {@link readsView}. */
function subjectFor(pattern: RegExp, normalized: string, view: string): string {
  return readsView(pattern) ? view : normalized;
}

/**
 * Whether a match of `topic` in `normalized` counts: "Showtimes for Suicide Squad" names a film,
 * "I'm a lawyer" the writer; neither is the topic, every other match is.
 */
function acceptsMatch(
  topic: CompiledTopic,
  normalized: string,
  language: () => string,
): (found: RegExpExecArray) => boolean {
  return topic.definition.reason === 'crisis'
    ? (found) => !isWorkTitle(normalized, found.index, found.index + found[0].length, language())
    : (found) => !isOwnRole(normalized, found.index);
}

/** Matches one message against one compiled topic: the evidence text and a score, or undefined. */
function matchTopic(
  topic: CompiledTopic,
  normalized: string,
  view: string,
  raw: string,
  language: () => string,
): { text: string; score: number } | undefined {
  for (const exclude of topic.exclude) if (exclude.test(subjectFor(exclude, normalized, view))) return undefined;
  for (const matcher of topic.matchers) {
    const subject = subjectFor(matcher, normalized, view);
    const first = matcher.exec(subject);
    if (!first) continue;
    const accept = acceptsMatch(topic, normalized, language);
    const match = accept(first) ? first : firstMatch(matcher, subject, accept);
    // From the message itself: the view has the same offsets.
    if (match)
      return {
        text: normalized.slice(match.index, match.index + match[0].length),
        score: topic.definition.score ?? 0.9,
      };
  }
  if (topic.examples) {
    const [nearest] = topic.examples.search(raw, 1);
    if (nearest && nearest.similarity >= topic.minSimilarity) {
      const score = 0.6 + (0.4 * (nearest.similarity - topic.minSimilarity)) / Math.max(1e-6, 1 - topic.minSimilarity);
      return { text: raw, score: Math.min(1, score) };
    }
  }
  return undefined;
}

/** Options of {@link createTopicDetector}. */
export interface TopicDetectorOptions {
  /** Extra topics, checked with the built-in ones. */
  topics?: readonly TopicDefinition[];
  /** Use only `topics`, without the built-in catalogue. The crisis topic is kept regardless. @default false */
  replaceDefaultTopics?: boolean;
}

/**
 * Builds the topic detector: it matches the last user message against the high-stakes and
 * compliance catalogue and reports one signal per matching topic. The crisis topic (self-harm)
 * is always part of the catalogue and asks for `critical` urgency with a safe message.
 */
export function createTopicDetector(options: TopicDetectorOptions = {}): Detector {
  const crisis = defaultTopics.filter((topic) => topic.urgency === 'critical');
  const base = options.replaceDefaultTopics ? crisis : defaultTopics;
  const compiled = [...base, ...(options.topics ?? [])].map(compileTopic);
  // A pattern given the one-byte view needs only its one-byte form.
  const patterns = compiled.flatMap(topicPatterns);
  warmPatterns(patterns.filter(readsView), 'one-byte');
  warmPatterns(patterns.filter((pattern) => !readsView(pattern)));
  return (transcript, context): Signal[] => {
    if (context.phase !== 'input') return [];
    const turn = lastTurnIndex(transcript, 'user');
    if (turn < 0) return [];
    const raw = transcript[turn]!.content;
    const normalized = correctTypos(normalizeText(raw));
    const view = oneByteView(normalized);
    const signals: Signal[] = [];
    let acting: boolean | undefined;
    // The message's language, detected once and only when a title check needs it.
    let detected: string | undefined;
    const language = () => (detected ??= context.language?.() ?? detectLanguage(raw));
    for (const topic of compiled) {
      const match = matchTopic(topic, normalized, view, raw, language);
      if (!match) continue;
      const { definition } = topic;
      let score = match.score;
      const unless = topic.routineUnless;
      if (unless !== undefined && !unless?.test(readsView(unless) ? oneByteView(match.text) : match.text)) {
        acting ??= botActedBefore(stateFor(transcript, context.state), turn);
        if (acting) score = Math.min(score, routineScore);
      }
      signals.push({
        reason: definition.reason,
        score,
        detector: 'topic',
        evidence: [{ turn, text: match.text }],
        topic: definition.id,
        detail: `topic ${definition.id}`,
        ...(definition.urgency ? { urgency: definition.urgency } : {}),
        ...(definition.userMessage ? { userMessage: definition.userMessage } : {}),
      });
    }
    return signals;
  };
}
