import { normalizeText } from './normalize-text.js';
import { contentTokens } from './tokenize.js';

/** One neighbour found by {@link TfIdfIndex.search}. */
export interface Neighbour {
  /** Index of the document in the list the index was built from. */
  document: number;
  /** Cosine similarity in 0..1 (mix of word and character n-gram similarity). */
  similarity: number;
}

/** Document ids: 16 bits while the index holds at most 65,536 documents, half the cache lines. */
type DocumentIds = Uint16Array | Uint32Array;

interface SparseVector {
  features: number[];
  weights: number[];
}

interface Space {
  featureIds: Map<string, number>;
  idf: number[];
  /** Postings of feature `f` are `documents`/`weights` from `offsets[f]` to `offsets[f + 1]`, all in one array. */
  offsets: Int32Array;
  documents: DocumentIds;
  weights: Float64Array;
  /** Scratch counts per feature for {@link vectorizeQuery}, all zero between queries. */
  featureCounts: Int32Array;
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
  const space: Space = {
    featureIds,
    idf,
    offsets: new Int32Array(0),
    documents: new Uint16Array(0),
    weights: new Float64Array(0),
    featureCounts: new Int32Array(idf.length),
    total,
  };
  const vectors = documentCounts.map((map, document) => {
    const vector = vectorize(space, map);
    for (let index = 0; index < vector.features.length; index++) {
      const list = lists[vector.features[index]!]!;
      list.documents.push(document);
      list.weights.push(vector.weights[index]!);
    }
    return vector;
  });
  // One contiguous run of postings (the same doubles): a query walks a few compact arrays
  // instead of hundreds of small ones scattered over the heap, which matters when caches are cold.
  const offsets = new Int32Array(lists.length + 1);
  for (let id = 0; id < lists.length; id++) offsets[id + 1] = offsets[id]! + lists[id]!.documents.length;
  const entries = offsets[lists.length]!;
  const ids: DocumentIds = total <= 0x10000 ? new Uint16Array(entries) : new Uint32Array(entries);
  const weights = new Float64Array(entries);
  for (let id = 0; id < lists.length; id++) {
    ids.set(lists[id]!.documents, offsets[id]!);
    weights.set(lists[id]!.weights, offsets[id]!);
  }
  space.offsets = offsets;
  space.documents = ids;
  space.weights = weights;
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
 * {@link vectorize} for a query, straight from its features: one id lookup per feature instead of
 * counting strings first. Weights and norm are summed in the same order, so the values are identical.
 */
function vectorizeQuery(space: Space, features: readonly string[], unknownWeight: number): SparseVector {
  const { featureIds, idf, featureCounts } = space;
  const ids: number[] = [];
  let unknown: Map<string, number> | undefined;
  for (const feature of features) {
    const id = featureIds.get(feature);
    if (id === undefined) {
      unknown ??= new Map();
      unknown.set(feature, (unknown.get(feature) ?? 0) + 1);
    } else {
      const count = featureCounts[id]!;
      if (count === 0) ids.push(id);
      featureCounts[id] = count + 1;
    }
  }
  const weights: number[] = [];
  let norm = 0;
  for (const id of ids) {
    const weight = (1 + Math.log(featureCounts[id]!)) * idf[id]!;
    featureCounts[id] = 0;
    weights.push(weight);
    norm += weight * weight;
  }
  if (unknown) {
    const unknownIdf = (Math.log(1 + space.total) + 1) * unknownWeight;
    for (const count of unknown.values()) norm += ((1 + Math.log(count)) * unknownIdf) ** 2;
  }
  const length = Math.sqrt(norm) || 1;
  for (let index = 0; index < weights.length; index++) weights[index] = weights[index]! / length;
  return { features: ids, weights };
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
    // -1 marks a document no query feature has touched yet (real scores are never negative).
    this.scores = new Float64Array(this.size).fill(-1);
    this.touched = new Int32Array(this.size);
  }

  /** The `k` most similar documents, most similar first. `exclude` skips one document (leave-one-out). */
  search(text: string, k = 3, exclude = -1): Neighbour[] {
    const normalized = normalizeText(text);
    let touchedCount = this.accumulate(this.words, wordFeatures(normalized), this.wordWeight, 0);
    touchedCount = this.accumulate(this.chars, charFeatures(normalized), 1 - this.wordWeight, touchedCount);
    const { touched, scores } = this;
    const best: Neighbour[] = [];
    for (let index = 0; index < touchedCount; index++) {
      const document = touched[index]!;
      const similarity = scores[document]!;
      scores[document] = -1;
      if (document === exclude) continue;
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
    const { touched, scores } = this;
    const query = vectorizeQuery(space, features, this.unknownWeight);
    const { offsets, documents, weights } = space;
    for (let index = 0; index < query.features.length; index++) {
      const feature = query.features[index]!;
      const weight = query.weights[index]! * factor;
      const end = offsets[feature + 1]!;
      for (let position = offsets[feature]!; position < end; position++) {
        const document = documents[position]!;
        const score = scores[document]!;
        if (score < 0) {
          touched[touchedCount++] = document;
          scores[document] = weight * weights[position]!;
        } else scores[document] = score + weight * weights[position]!;
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
