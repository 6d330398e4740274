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
   * Steepness of the confidence curve: confidence is `coverage² · (1 - exp(-steepness · relevance))`.
   * @default 2
   */
  steepness?: number;
  /** Turns text into terms. @default tokenize */
  tokenizer?: (text: string) => string[];
}

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

/**
 * Builds an Okapi BM25 index over plain-text documents.
 *
 * The confidence `score` combines two things, so it can be compared with a fixed threshold across queries:
 * how much of the query the document covers (IDF-weighted, so a missing rare word costs more than a missing
 * common one, and a word the corpus has never seen costs as much as the rarest known word), and how
 * strongly it matches (raw BM25 divided by the query's total IDF, passed through a saturating curve).
 *
 * @example
 * const index = createBm25Index(['How long does delivery take?', 'How do I return an item?']);
 * index.search('return a jacket', 1); // [{ index: 1, score: 0.43, ... }]
 */
export function createBm25Index(documents: readonly string[], options: Bm25Options = {}): Bm25Index {
  const { k1 = 1.2, b = 0.75, steepness = 2, tokenizer = tokenize } = options;
  const termFrequencies = documents.map((document) => {
    const frequencies = new Map<string, number>();
    for (const term of tokenizer(document)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    return frequencies;
  });
  const lengths = termFrequencies.map((frequencies) => sum(frequencies.values()));
  const averageLength = Math.max(sum(lengths) / Math.max(documents.length, 1), 1);
  const documentFrequency = new Map<string, number>();
  for (const frequencies of termFrequencies) {
    for (const term of frequencies.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const count = documents.length;
  const idf = (frequency: number) => Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5));
  // An unknown word weighs like the rarest known one: it is evidence the question is about something else.
  const unknownIdf = idf(1);

  return {
    size: count,
    search(query, limit = 10) {
      const queryTerms = [...new Set(tokenizer(query))];
      if (queryTerms.length === 0 || count === 0) return [];
      const weights = queryTerms.map((term) => {
        const frequency = documentFrequency.get(term);
        return frequency === undefined ? unknownIdf : idf(frequency);
      });
      const totalWeight = sum(weights);
      const hits: Bm25Hit[] = [];
      termFrequencies.forEach((frequencies, index) => {
        const length = lengths[index] ?? 0;
        let raw = 0;
        let covered = 0;
        queryTerms.forEach((term, position) => {
          const frequency = frequencies.get(term);
          if (frequency === undefined) return;
          const weight = weights[position] ?? 0;
          covered += weight;
          raw += (weight * (frequency * (k1 + 1))) / (frequency + k1 * (1 - b + (b * length) / averageLength));
        });
        if (raw <= 0) return;
        const coverage = covered / totalWeight;
        const relevance = raw / totalWeight;
        const score = coverage * coverage * (1 - Math.exp(-steepness * relevance));
        hits.push({ index, score: clamp(score), raw, coverage });
      });
      hits.sort((left, right) => right.score - left.score || right.raw - left.raw || left.index - right.index);
      return hits.slice(0, Math.max(0, limit));
    },
  };
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
