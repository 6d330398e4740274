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
   * number, a size) is ignored instead.
   * @default 0.8
   */
  unknownWeight?: number;
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

  return {
    size: count,
    search(query, limit = 10) {
      const queryTerms = [...new Set(tokenizer(query))].filter(
        (term) => documentFrequency.has(term) || !/^\d+$/.test(term),
      );
      if (queryTerms.length === 0 || count === 0) return [];
      const weights = queryTerms.map((term) => {
        const frequency = documentFrequency.get(term);
        return frequency === undefined ? unknownIdf : idf(frequency);
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
        hits.push({ index, score: clamp(score), raw, coverage });
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

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
