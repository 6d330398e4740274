import { normalizeText } from './normalize-text.js';
import { contentTokens } from './tokenize.js';

/** One neighbour found by {@link TfIdfIndex.search}. */
export interface Neighbour {
  /** Index of the document in the list the index was built from. */
  document: number;
  /** Cosine similarity in 0..1 (mix of word and character n-gram similarity). */
  similarity: number;
}

interface Posting {
  documents: Int32Array;
  weights: Float64Array;
}

interface SparseVector {
  features: number[];
  weights: number[];
}

interface Space {
  featureIds: Map<string, number>;
  idf: number[];
  postings: Posting[];
  /** Number of documents the space was built from. */
  total: number;
}

/** Word features: stemmed content words and bigrams of them. */
function wordFeatures(normalized: string): string[] {
  const tokens = contentTokens(normalized);
  const features = tokens.slice();
  for (let index = 1; index < tokens.length; index++) features.push(`${tokens[index - 1]}_${tokens[index]}`);
  return features;
}

/** Character 3- and 4-grams inside words, with word boundaries, robust to typos ("recieve", "agnet"). */
function charFeatures(normalized: string): string[] {
  const features: string[] = [];
  for (const word of normalized.replace(/[^\p{L}\p{N}]+/gu, ' ').split(' ')) {
    if (word.length === 0) continue;
    const padded = ` ${word} `;
    for (let size = 3; size <= 4; size++) {
      for (let start = 0; start + size <= padded.length; start++) features.push(padded.slice(start, start + size));
    }
  }
  return features;
}

function counts(features: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const feature of features) map.set(feature, (map.get(feature) ?? 0) + 1);
  return map;
}

function buildSpace(documents: string[][]): { space: Space; vectors: SparseVector[] } {
  const featureIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  const documentCounts = documents.map((features) => {
    const map = counts(features);
    for (const feature of map.keys()) {
      let id = featureIds.get(feature);
      if (id === undefined) {
        id = featureIds.size;
        featureIds.set(feature, id);
        documentFrequency.push(0);
      }
      documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
    }
    return map;
  });
  const total = documents.length;
  const idf = documentFrequency.map((frequency) => Math.log((1 + total) / (1 + frequency)) + 1);
  const lists = idf.map(() => ({ documents: [] as number[], weights: [] as number[] }));
  const space: Space = { featureIds, idf, postings: [], total };
  const vectors = documentCounts.map((map, document) => {
    const vector = vectorize(space, map);
    for (let index = 0; index < vector.features.length; index++) {
      const list = lists[vector.features[index]!]!;
      list.documents.push(document);
      list.weights.push(vector.weights[index]!);
    }
    return vector;
  });
  // Typed arrays: the same doubles, read faster in the search loop.
  space.postings = lists.map((list) => ({
    documents: Int32Array.from(list.documents),
    weights: Float64Array.from(list.weights),
  }));
  return { space, vectors };
}

function vectorize(space: Space, map: Map<string, number>, unknownWeight = 1): SparseVector {
  const features: number[] = [];
  const weights: number[] = [];
  let norm = 0;
  for (const [feature, count] of map) {
    const id = space.featureIds.get(feature);
    if (id === undefined) continue;
    const weight = (1 + Math.log(count)) * space.idf[id]!;
    features.push(id);
    weights.push(weight);
    norm += weight * weight;
  }
  // Features the index never saw still make the query longer: count them in the norm with the
  // highest idf, so a query full of unknown words is far from everything.
  const unknownIdf = (Math.log(1 + space.total) + 1) * unknownWeight;
  for (const [feature, count] of map) {
    if (!space.featureIds.has(feature)) norm += ((1 + Math.log(count)) * unknownIdf) ** 2;
  }
  const length = Math.sqrt(norm) || 1;
  for (let index = 0; index < weights.length; index++) weights[index] = weights[index]! / length;
  return { features, weights };
}

/**
 * A TF-IDF index over word (unigram + bigram) and character n-gram features with an inverted
 * index, so a query only touches the documents that share a feature with it. Built once;
 * `search` is allocation-light and takes microseconds on a few thousand utterances.
 */
export class TfIdfIndex {
  readonly size: number;
  private readonly words: Space;
  private readonly chars: Space;
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;
  private readonly mark: Uint8Array;

  /**
   * Builds the index from raw texts. `wordWeight` mixes word and character similarity;
   * `unknownWeight` scales how much query features the index never saw lengthen the query.
   */
  constructor(
    texts: readonly string[],
    private readonly wordWeight = 0.5,
    private readonly unknownWeight = 1,
  ) {
    const normalized = texts.map(normalizeText);
    this.size = texts.length;
    this.words = buildSpace(normalized.map(wordFeatures)).space;
    this.chars = buildSpace(normalized.map(charFeatures)).space;
    this.scores = new Float64Array(this.size);
    this.touched = new Int32Array(this.size);
    this.mark = new Uint8Array(this.size);
  }

  /** The `k` most similar documents, most similar first. `exclude` skips one document (leave-one-out). */
  search(text: string, k = 3, exclude = -1): Neighbour[] {
    const normalized = normalizeText(text);
    let touchedCount = this.accumulate(this.words, wordFeatures(normalized), this.wordWeight, 0);
    touchedCount = this.accumulate(this.chars, charFeatures(normalized), 1 - this.wordWeight, touchedCount);
    const { touched, mark, scores } = this;
    const best: Neighbour[] = [];
    for (let index = 0; index < touchedCount; index++) {
      const document = touched[index]!;
      mark[document] = 0;
      if (document === exclude) continue;
      const similarity = scores[document]!;
      if (best.length < k || similarity > best[best.length - 1]!.similarity) {
        best.push({ document, similarity });
        best.sort((a, b) => b.similarity - a.similarity);
        if (best.length > k) best.pop();
      }
    }
    return best;
  }

  /** Adds the query's weighted matches in one space to the scores; returns the new count of touched documents. */
  private accumulate(space: Space, features: string[], factor: number, touchedCount: number): number {
    const { touched, mark, scores } = this;
    const query = vectorize(space, counts(features), this.unknownWeight);
    for (let index = 0; index < query.features.length; index++) {
      const posting = space.postings[query.features[index]!]!;
      const weight = query.weights[index]! * factor;
      const documents = posting.documents;
      const weights = posting.weights;
      for (let position = 0; position < documents.length; position++) {
        const document = documents[position]!;
        if (mark[document] === 0) {
          mark[document] = 1;
          touched[touchedCount++] = document;
          scores[document] = 0;
        }
        scores[document] = scores[document]! + weight * weights[position]!;
      }
    }
    return touchedCount;
  }

  /** Mean similarity of the `k` nearest documents (missing neighbours count as 0). */
  meanSimilarity(text: string, k = 3, exclude = -1): number {
    const neighbours = this.search(text, k, exclude);
    let sum = 0;
    for (const neighbour of neighbours) sum += neighbour.similarity;
    return k > 0 ? sum / k : 0;
  }
}
