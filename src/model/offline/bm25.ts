import { tokenize } from './tokenize.js';

/** Tuning of the BM25 index. */
export interface Bm25Options {
  /**
   * Term-frequency saturation.
   * @default 1.2
   */
  k1?: number;
  /**
   * Document-length normalisation, 0 (none) to 1 (full).
   * @default 0.75
   */
  b?: number;
  /**
   * Steepness of the confidence curve: confidence is `coverage^coverageExponent · (1 - exp(-steepness · relevance))`.
   * @default 2.5
   */
  steepness?: number;
  /**
   * How hard a missing part of the query is punished: 1 is proportional, 2 squares the uncovered share.
   * @default 1.5
   */
  coverageExponent?: number;
  /**
   * Weight of a query word the corpus has never seen, as a share of the rarest known word's IDF. An unknown
   * word is evidence the question is about something else; a word that only names a number (an order
   * number, a size), or a word joined to a number (`siz#43`, see the tokenizer), is ignored instead.
   * @default 0.8
   */
  unknownWeight?: number;
  /**
   * Read a query word the corpus has never seen as a known word one typo away (a letter added, dropped,
   * changed or two swapped, not the first letter, in words of six letters or more): `retrun` as `return`.
   * @default true
   */
  typoTolerance?: boolean;
  /**
   * Weight of a number the corpus holds, as a share of its IDF: it counts when it matches (a model
   * number) but costs less when it does not (a size, a date).
   * @default 0.5
   */
  numberWeight?: number;
  /**
   * Terms that set the scene of a question rather than name its topic (months, weekdays, family members:
   * "a gift for my dad", "a hike in October"), and the share of their usual weight they carry, whether the
   * corpus knows them or not: they still match, but a document that lacks them loses little coverage.
   * @default no terms, weight 0.3
   */
  contextTerms?: ReadonlySet<string>;
  contextWeight?: number;
  /** Turns text into terms. @default tokenize */
  tokenizer?: (text: string) => string[];
}

/** One field of a document: its text and how much a match in it counts (1 is a full match). */
export interface Bm25Field {
  text: string;
  /**
   * Share of a full match a term found only in this field earns, and its weight in the term frequency.
   * @default 1
   */
  weight?: number;
}

/** A document: plain text, or fields of different weight (e.g. questions at 1, a long answer at 0.4). */
export type Bm25Document = string | readonly Bm25Field[];

/** One ranked document. */
export interface Bm25Hit {
  /** Position of the document in the array given to `createBm25Index`. */
  index: number;
  /** Calibrated confidence in 0..1 that the document answers the query. */
  score: number;
  /** Raw BM25 score, unbounded. */
  raw: number;
  /** Share of the query's IDF weight that the document contains, in 0..1. */
  coverage: number;
  /**
   * IDF weight of the query words the document contains (credited as for `coverage`): how much specific
   * evidence the match rests on. Two rare words weigh more than one common word, though both may cover a
   * query fully.
   */
  evidence: number;
}

/** A searchable BM25 index. */
export interface Bm25Index {
  /** Number of indexed documents. */
  readonly size: number;
  /** Documents that share at least one term with the query, best first. */
  search(query: string, limit?: number): Bm25Hit[];
}

interface IndexedDocument {
  /** Field-weighted term frequency. */
  frequencies: Map<string, number>;
  /** Best field weight in which each term occurs, capped at 1: the credit the term earns towards coverage. */
  credit: Map<string, number>;
  length: number;
}

/**
 * Builds an Okapi BM25 index over plain-text documents, or over documents made of weighted fields (BM25F:
 * term frequencies and lengths are summed across fields by weight).
 *
 * The confidence `score` combines two things, so it can be compared with a fixed threshold across queries:
 * how much of the query the document covers (IDF-weighted, so a missing rare word costs more than a missing
 * common one, and a word the corpus has never seen costs nearly as much as the rarest known word), and how
 * strongly it matches (raw BM25 divided by the query's total IDF, passed through a saturating curve).
 *
 * @example
 * const index = createBm25Index(['How long does delivery take?', 'How do I return an item?']);
 * index.search('return a jacket', 1); // [{ index: 1, score: 0.4, ... }]
 */
export function createBm25Index(documents: readonly Bm25Document[], options: Bm25Options = {}): Bm25Index {
  const {
    k1 = 1.2,
    b = 0.75,
    steepness = 2.5,
    coverageExponent = 1.5,
    unknownWeight = 0.8,
    typoTolerance = true,
    numberWeight = 0.5,
    contextTerms = new Set<string>(),
    contextWeight = 0.3,
    tokenizer = tokenize,
  } = options;
  const indexed = documents.map((document) => indexDocument(document, tokenizer));
  const averageLength = Math.max(sum(indexed.map((document) => document.length)) / Math.max(documents.length, 1), 1);
  const documentFrequency = new Map<string, number>();
  for (const { frequencies } of indexed) {
    for (const term of frequencies.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const count = documents.length;
  const idf = (frequency: number) => Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5));
  const unknownIdf = unknownWeight * idf(1);
  const corrections = new Map<string, string | undefined>();
  /** The most frequent known term one edit away from an unknown one, sharing its first letter. */
  const correction = (term: string): string | undefined => {
    if (corrections.has(term)) return corrections.get(term);
    let best: string | undefined;
    if (term.length >= 6 && !/\d/.test(term)) {
      for (const [candidate, frequency] of documentFrequency) {
        if (candidate[0] !== term[0] || candidate.length < 6 || !oneEditApart(term, candidate)) continue;
        if (best === undefined || frequency > (documentFrequency.get(best) ?? 0)) best = candidate;
      }
    }
    if (corrections.size >= 10_000) corrections.clear();
    corrections.set(term, best);
    return best;
  };

  return {
    size: count,
    search(query, limit = 10) {
      const queryTerms = [
        ...new Set(
          tokenizer(query).map((term) =>
            documentFrequency.has(term) || !typoTolerance ? term : (correction(term) ?? term),
          ),
        ),
      ].filter((term) => documentFrequency.has(term) || !/(?:^|#)\d+$/.test(term));
      // Numbers and scene-setting words alone ("About $600", "in October") name no topic.
      if (count === 0 || queryTerms.every((term) => /(?:^|#)\d+$/.test(term) || contextTerms.has(term))) return [];
      const weights = queryTerms.map((term) => {
        const frequency = documentFrequency.get(term);
        const scene = contextTerms.has(term) ? contextWeight : 1;
        if (frequency === undefined) return scene * unknownIdf;
        if (scene !== 1) return scene * idf(frequency);
        // A number ("9 to 9.5", "size 43") says little about the topic unless it names a model ("Ridge 2").
        return /^\d+$/.test(term) ? numberWeight * idf(frequency) : idf(frequency);
      });
      const totalWeight = sum(weights);
      const hits: Bm25Hit[] = [];
      indexed.forEach(({ frequencies, credit, length }, index) => {
        let raw = 0;
        let covered = 0;
        queryTerms.forEach((term, position) => {
          const frequency = frequencies.get(term);
          if (frequency === undefined) return;
          const weight = weights[position] ?? 0;
          covered += weight * (credit.get(term) ?? 0);
          raw += (weight * (frequency * (k1 + 1))) / (frequency + k1 * (1 - b + (b * length) / averageLength));
        });
        if (raw <= 0) return;
        const coverage = clamp(covered / totalWeight);
        const relevance = raw / totalWeight;
        const score = coverage ** coverageExponent * (1 - Math.exp(-steepness * relevance));
        hits.push({ index, score: clamp(score), raw, coverage, evidence: covered });
      });
      hits.sort((left, right) => right.score - left.score || right.raw - left.raw || left.index - right.index);
      return hits.slice(0, Math.max(0, limit));
    },
  };
}

function indexDocument(document: Bm25Document, tokenizer: (text: string) => string[]): IndexedDocument {
  const fields: readonly Bm25Field[] = typeof document === 'string' ? [{ text: document }] : document;
  const frequencies = new Map<string, number>();
  const credit = new Map<string, number>();
  let length = 0;
  for (const { text, weight = 1 } of fields) {
    if (!(weight > 0)) continue;
    for (const term of tokenizer(text)) {
      frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
      credit.set(term, Math.max(credit.get(term) ?? 0, Math.min(weight, 1)));
      length += weight;
    }
  }
  return { frequencies, credit, length };
}

/** True when `left` becomes `right` by one inserted, deleted or changed letter, or two adjacent letters swapped. */
function oneEditApart(left: string, right: string): boolean {
  if (left === right || Math.abs(left.length - right.length) > 1) return false;
  let start = 0;
  while (start < left.length && left[start] === right[start]) start++;
  if (left.length === right.length) {
    if (left.slice(start + 1) === right.slice(start + 1)) return true;
    return (
      left[start] === right[start + 1] &&
      left[start + 1] === right[start] &&
      left.slice(start + 2) === right.slice(start + 2)
    );
  }
  const [shorter, longer] = left.length < right.length ? [left, right] : [right, left];
  return shorter.slice(start) === longer.slice(start + 1);
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
