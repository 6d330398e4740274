import {
  catalogueExceptions,
  complianceTopics,
  crisisPatterns,
  crisisTopic,
  defaultTopics,
  type Guard,
  offTopicRequests,
} from '../src/guard/index.js';
import { guardPatterns } from '../src/guard/text/guard-pattern.js';
import { normalizeText } from '../src/guard/text/normalize-text.js';
import { oneByteView } from '../src/guard/text/one-byte-view.js';
import { testFromStart } from '../src/guard/text/warm-patterns.js';
import { adversarial } from '../test/guard/adversarial-texts.js';

/** One guard pattern and its slowest adversarial text. */
export interface AdversarialWorst {
  pattern: string;
  text: string;
  ms: number;
}

/** Result of {@link measureAdversarial}. */
export interface AdversarialResult {
  patterns: number;
  texts: number;
  /** The slowest pattern on its slowest text (goal < 5 ms). */
  worst: AdversarialWorst;
  /** Patterns whose slowest text takes 5 ms or more. */
  patternsOver5Ms: number;
  /** The ten slowest patterns, slowest first. */
  slowest: AdversarialWorst[];
  /** The whole guard (input phase, one turn) on its slowest adversarial text. */
  guardWorst: { text: string; ms: number };
}

interface Pattern {
  label: string;
  /** The object the guard runs (not a copy: V8 compiles each object on its own, see `warmPatterns`). */
  regex: RegExp;
  /** The catalogue only sees normalized text (its one-byte view); the module patterns may see raw text. */
  normalized: boolean;
  /** One search of the whole text from its start, leaving `lastIndex` as it was. */
  search(text: string): boolean;
}

/**
 * Every regular expression of the guard, as the objects it runs: module patterns, topic
 * catalogue, crisis, exceptions, off-topic kinds (every catalogue pattern is a RegExp object,
 * which the topic detector runs as it is).
 */
export function guardRegexps(): Pattern[] {
  const found = new Map<RegExp, Pattern>();
  const add = (pattern: RegExp | string, label: string, normalized: boolean) => {
    const regex = typeof pattern === 'string' ? new RegExp(pattern, 'i') : pattern;
    if (!found.has(regex))
      found.set(regex, {
        label: `${label}: /${regex.source.slice(0, 50)}${regex.source.length > 50 ? '…' : ''}/`,
        regex,
        normalized,
        search: (text) => testFromStart(regex, text),
      });
  };
  guardPatterns.forEach((pattern, index) => {
    add(pattern, `guardPatterns[${index}]`, false);
  });
  for (const topic of [...defaultTopics, ...complianceTopics, crisisTopic]) {
    topic.patterns?.forEach((pattern, index) => {
      add(pattern, `topic ${topic.id} pattern ${index}`, true);
    });
    topic.exclude?.forEach((pattern, index) => {
      add(pattern, `topic ${topic.id} exclude ${index}`, true);
    });
    if (topic.routine?.unless) add(topic.routine.unless, `topic ${topic.id} routine.unless`, true);
  }
  crisisPatterns.forEach((pattern, index) => {
    add(pattern, `crisisPatterns[${index}]`, true);
  });
  catalogueExceptions.forEach((pattern, index) => {
    add(pattern, `catalogueExceptions[${index}]`, true);
  });
  for (const request of offTopicRequests) add(request.pattern, `off-topic ${request.id}`, true);
  return [...found.values()];
}

/** The fastest of up to `runs` runs of `work`, in ms; stops early once a run is under `enough` ms. */
function timeMs(work: () => unknown, runs: number, enough = 0): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs && fastest >= enough; run++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/**
 * Every guard pattern on every adversarial text of `test/guard/adversarial-texts.ts` (runs of
 * each alternative, punctuation runs, long near misses, up to the longest message): each text
 * timed as the fastest of up to three runs (the first run of a pattern also compiles it; a busy
 * machine of two shared cores preempts single runs), each pattern's slowest text timed again as
 * the fastest of five. Then the whole guard on each text.
 */
export function measureAdversarial(guard: Guard): AdversarialResult {
  const texts = Object.entries(adversarial);
  // The catalogue is given the one-byte view of the normalized text, as the topic detector gives it.
  const normalized = new Map(texts.map(([name, text]) => [name, oneByteView(normalizeText(text))]));
  const patterns = guardRegexps();
  const worsts: AdversarialWorst[] = patterns.map(({ label, search, normalized: seesNormalized }) => {
    let worst = { text: '', ms: -1 };
    for (const [name, text] of texts) {
      const input = seesNormalized ? normalized.get(name)! : text;
      const ms = timeMs(() => search(input), 3, 0.5);
      if (ms > worst.ms) worst = { text: name, ms };
    }
    const input = seesNormalized ? normalized.get(worst.text)! : adversarial[worst.text]!;
    return { pattern: label, text: worst.text, ms: timeMs(() => search(input), 5) };
  });
  worsts.sort((a, b) => b.ms - a.ms);
  let guardWorst = { text: '', ms: -1 };
  for (const [name, text] of texts) {
    const ms = timeMs(() => guard.check([{ role: 'user', content: text }], 'input'), 1);
    if (ms > guardWorst.ms) guardWorst = { text: name, ms };
  }
  const guardText = adversarial[guardWorst.text]!;
  guardWorst.ms = timeMs(() => guard.check([{ role: 'user', content: guardText }], 'input'), 3);
  return {
    patterns: patterns.length,
    texts: texts.length,
    worst: worsts[0]!,
    patternsOver5Ms: worsts.filter((worst) => worst.ms >= 5).length,
    slowest: worsts.slice(0, 10),
    guardWorst,
  };
}
