import { CharGramTable } from './char-gram-table.js';
import { normalizeText } from './normalize-text.js';
import { contentTokens, letterRuns } from './tokenize.js';
import { TopK } from './top-k.js';

/** One neighbour found by {@link TfIdfIndex.search}. */
export interface Neighbour {
  /** Index of the document in the list the index was built from. */
  document: number;
  /** Cosine similarity in 0..1 (mix of word and character n-gram similarity). */
  similarity: number;
}

/** Document ids: 16 bits while the index holds at most 65,536 documents, half the cache lines. */
type DocumentIds = Uint16Array | Uint32Array;

/**
 * Stored weights: single precision, or (a quantised index, see {@link TfIdfIndexOptions}) 16-bit
 * codes in units of the feature's `scales` entry.
 */
type StoredWeights = Float32Array | Uint16Array;

/** Documents per block of 16-bit ids (see `Space.offsets`). */
const blockSize = 0x10000;

/** Largest 16-bit weight code: a feature's largest weight is stored as this code exactly. */
const maxCode = 0xffff;

interface SparseVector {
  features: number[];
  weights: number[];
}

interface Space {
  featureIds: Map<string, number>;
  idf: number[];
  /**
   * Postings of feature `f` are `documents`/`weights` from `offsets[f * blocks]` to
   * `offsets[(f + 1) * blocks]`, all in one array, in ascending document order. A quantised
   * index of more than 65,536 documents keeps 16-bit ids: block `b` of a feature's postings, from
   * `offsets[f * blocks + b]` to the next offset, holds documents `b * 65536 + id`.
   */
  offsets: Int32Array;
  documents: DocumentIds;
  /** Blocks of 65,536 documents the postings are split into; 1 when ids are not split. */
  blocks: number;
  /** A stored weight of feature `f` times `scales[f]` is the weight (1 unless quantised). */
  weights: StoredWeights;
  scales: Float64Array;
  /** Largest weight in each feature's postings: the most the feature can add to a document's score. */
  maxWeights: Float64Array;
  /**
   * Forward index: the features of document `d` are `documentFeatures`/`documentWeights` from
   * `documentOffsets[d]` to `documentOffsets[d + 1]`, so a few candidates can be scored exactly
   * without walking long postings.
   */
  documentOffsets: Int32Array;
  documentFeatures: Uint16Array | Uint32Array;
  documentWeights: StoredWeights;
  /** Scratch counts per feature for the query vectors, all zero between queries. */
  featureCounts: Int32Array;
  /** Scratch query weights per feature for scoring candidates, all zero between queries. */
  queryWeights: Float64Array;
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
  for (const word of letterRuns(normalized)) {
    const padded = ` ${word} `;
    for (let size = 3; size <= 4; size++) {
      for (let start = 0; start + size <= padded.length; start++) features.push(padded.slice(start, start + size));
    }
  }
  return features;
}

function buildSpace(documents: string[][], quantize: boolean): Space {
  const featureIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  for (const features of documents) {
    for (const feature of new Set(features)) {
      let id = featureIds.get(feature);
      if (id === undefined) {
        id = featureIds.size;
        featureIds.set(feature, id);
        documentFrequency.push(0);
      }
      documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
    }
  }
  const total = documents.length;
  const idf = documentFrequency.map((frequency) => Math.log((1 + total) / (1 + frequency)) + 1);
  const lists = idf.map(() => ({ documents: [] as number[], weights: [] as number[] }));
  const space: Space = {
    featureIds,
    idf,
    offsets: new Int32Array(0),
    documents: new Uint16Array(0),
    blocks: quantize && total > blockSize ? Math.ceil(total / blockSize) : 1,
    weights: new Float32Array(0),
    scales: new Float64Array(idf.length).fill(1),
    maxWeights: new Float64Array(idf.length),
    documentOffsets: new Int32Array(total + 1),
    documentFeatures: new Uint16Array(0),
    documentWeights: new Float32Array(0),
    featureCounts: new Int32Array(idf.length),
    queryWeights: new Float64Array(idf.length),
    total,
  };
  for (let document = 0; document < total; document++) {
    const vector = vectorizeFeatures(space, documents[document]!, 1);
    for (let index = 0; index < vector.features.length; index++) {
      const list = lists[vector.features[index]!]!;
      list.documents.push(document);
      list.weights.push(vector.weights[index]!);
    }
  }
  // One contiguous run of postings: a query walks a few compact arrays instead of hundreds of
  // small ones scattered over the heap, which matters when caches are cold. Weights are stored
  // in single precision (about 7 significant digits), half the bytes to bring into the cache, or
  // quantised to 16 bits of the feature's largest weight (about 5 digits), a quarter.
  const { blocks } = space;
  const offsets = new Int32Array(lists.length * blocks + 1);
  for (let id = 0; id < lists.length; id++) {
    for (const document of lists[id]!.documents)
      offsets[id * blocks + (blocks > 1 ? Math.floor(document / blockSize) : 0) + 1]!++;
  }
  for (let slot = 0; slot < lists.length * blocks; slot++) offsets[slot + 1] = offsets[slot + 1]! + offsets[slot]!;
  const entries = offsets[lists.length * blocks]!;
  const ids: DocumentIds = total <= blockSize || blocks > 1 ? new Uint16Array(entries) : new Uint32Array(entries);
  const weights: StoredWeights = quantize ? new Uint16Array(entries) : new Float32Array(entries);
  for (let id = 0; id < lists.length; id++) {
    const list = lists[id]!;
    // Uint16Array keeps the low 16 bits: the id within its block.
    ids.set(list.documents, offsets[id * blocks]!);
    if (quantize) {
      let largest = 0;
      for (const weight of list.weights) largest = Math.max(largest, weight);
      space.scales[id] = largest > 0 ? largest / maxCode : 1;
      for (let index = 0; index < list.weights.length; index++) {
        list.weights[index] = Math.round(list.weights[index]! / space.scales[id]!);
      }
    }
    weights.set(list.weights, offsets[id * blocks]!);
  }
  space.offsets = offsets;
  space.documents = ids;
  space.weights = weights;
  // Bounds from the stored (rounded) weights, so no stored weight exceeds its bound.
  for (let id = 0; id < lists.length; id++) {
    for (let position = offsets[id * blocks]!; position < offsets[(id + 1) * blocks]!; position++) {
      const weight = weights[position]! * space.scales[id]!;
      if (weight > space.maxWeights[id]!) space.maxWeights[id] = weight;
    }
  }
  fillForwardIndex(space, lists);
  return space;
}

/**
 * Fills the forward index from the postings: document by document, the features in ascending
 * order with the same stored weights, so a candidate's score from either is the same.
 */
function fillForwardIndex(space: Space, lists: readonly { documents: number[] }[]): void {
  const { documentOffsets, offsets, weights, total, blocks } = space;
  documentOffsets.fill(0);
  for (const list of lists) for (const document of list.documents) documentOffsets[document + 1]!++;
  for (let document = 0; document < total; document++) {
    documentOffsets[document + 1] = documentOffsets[document + 1]! + documentOffsets[document]!;
  }
  const entries = documentOffsets[total]!;
  space.documentFeatures = lists.length <= 0x10000 ? new Uint16Array(entries) : new Uint32Array(entries);
  space.documentWeights = weights instanceof Uint16Array ? new Uint16Array(entries) : new Float32Array(entries);
  const next = documentOffsets.slice(0, total);
  for (let id = 0; id < lists.length; id++) {
    const list = lists[id]!.documents;
    for (let index = 0; index < list.length; index++) {
      const slot = next[list[index]!]!++;
      space.documentFeatures[slot] = id;
      space.documentWeights[slot] = weights[offsets[id * blocks]! + index]!;
    }
  }
}

/**
 * The unit-length TF-IDF vector of a document's or a query's features: weight (1 + log count) x
 * idf, in the order features first appear. Features the space never saw (only a query has
 * them) still make the vector longer: see {@link FeatureCounter.vector}.
 */
function vectorizeFeatures(space: Space, features: readonly string[], unknownWeight: number): SparseVector {
  const query = new FeatureCounter(space);
  for (const feature of features) {
    const id = space.featureIds.get(feature);
    if (id === undefined) query.addUnknown(feature);
    else query.add(id);
  }
  return query.vector(unknownWeight);
}

/**
 * {@link vectorizeFeatures} for a query in the character space, reading the n-grams of
 * {@link charFeatures} straight from the padded words through the n-gram table, without making
 * a string of each.
 */
function vectorizeCharQuery(
  space: Space,
  grams: CharGramTable,
  normalized: string,
  unknownWeight: number,
): SparseVector {
  const query = new FeatureCounter(space);
  for (const word of letterRuns(normalized)) {
    const padded = ` ${word} `;
    for (let size = 3; size <= 4; size++) {
      for (let start = 0; start + size <= padded.length; start++) {
        const id = grams.lookup(padded, start, size);
        if (id < 0) query.addUnknown(padded.slice(start, start + size));
        else query.add(id);
      }
    }
  }
  return query.vector(unknownWeight);
}

/** Counts features (known ids in first-seen order, unknown ones by text) and weighs them. */
class FeatureCounter {
  private readonly ids: number[] = [];
  private unknown: Map<string, number> | undefined;

  constructor(private readonly space: Space) {}

  add(id: number): void {
    const { featureCounts } = this.space;
    const count = featureCounts[id]!;
    if (count === 0) this.ids.push(id);
    featureCounts[id] = count + 1;
  }

  addUnknown(feature: string): void {
    this.unknown ??= new Map();
    this.unknown.set(feature, (this.unknown.get(feature) ?? 0) + 1);
  }

  /**
   * The unit-length vector; resets the space's scratch counts. Unknown features count in the
   * norm with the highest idf (times `unknownWeight`), so a query full of unknown words is far
   * from everything.
   */
  vector(unknownWeight: number): SparseVector {
    const { featureCounts, idf, total } = this.space;
    const weights: number[] = [];
    let norm = 0;
    for (const id of this.ids) {
      const weight = (1 + Math.log(featureCounts[id]!)) * idf[id]!;
      featureCounts[id] = 0;
      weights.push(weight);
      norm += weight * weight;
    }
    if (this.unknown) {
      const unknownIdf = (Math.log(1 + total) + 1) * unknownWeight;
      for (const count of this.unknown.values()) norm += ((1 + Math.log(count)) * unknownIdf) ** 2;
    }
    const length = Math.sqrt(norm) || 1;
    for (let index = 0; index < weights.length; index++) weights[index] = weights[index]! / length;
    return { features: this.ids, weights };
  }
}

/**
 * How far the postings walk goes before the remaining candidates are scored from the forward
 * index: it stops once the features left could add at most this share of the current k-th best
 * score. 1 stops as early as the bound allows, but leaves many candidates to score one by one;
 * lower values walk more postings and leave fewer. Of 1, 0.7, 0.5, 0.35 and 0.25, 0.5 was fastest
 * on the 2,400-utterance CLINC150 scope, timed inside chat turns (see docs/benchmarks.md). The
 * result is exact whatever the value.
 */
const walkStop = 0.5;

/**
 * A TF-IDF index over word (unigram + bigram) and character n-gram features with an inverted
 * index, so a query only touches the documents that share a feature with it. Built once;
 * `search` takes microseconds on a few thousand utterances.
 *
 * `search` is exact top-k retrieval with MaxScore-style pruning. The query's features are
 * visited from the one that can add most to a score to the one that can add least; once the
 * features left could not lift an untouched document into the top `k`, their postings (the
 * common character n-grams, the longest lists) are not walked: the few documents that can still
 * make the top `k` get the rest of their score from the forward index. The similarities are
 * those of a full scan up to floating-point rounding (the terms are added in another order).
 */
export class TfIdfIndex {
  readonly size: number;
  private readonly words: Space;
  private readonly chars: Space;
  private readonly charGrams: CharGramTable;
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;
  private terms = queryTermsOf(256);

  private readonly wordWeight: number;
  private readonly unknownWeight: number;

  /**
   * Builds the index from raw texts, or takes one built before (`TfIdfIndex.toData`, as a loaded
   * scope index does; the weights then come from the data). `wordWeight` mixes word and character
   * similarity; `unknownWeight` scales how much query features the index never saw lengthen the
   * query.
   */
  constructor(
    source: readonly string[] | TfIdfIndexData,
    wordWeight = 0.5,
    unknownWeight = 1,
    { quantize = false }: TfIdfIndexOptions = {},
  ) {
    if (isIndexData(source)) {
      this.wordWeight = source.wordWeight;
      this.unknownWeight = source.unknownWeight;
      this.size = source.size;
      this.words = spaceFromData(source.words, source.size);
      this.chars = spaceFromData(source.chars, source.size);
    } else {
      this.wordWeight = wordWeight;
      this.unknownWeight = unknownWeight;
      const normalized = source.map(normalizeText);
      this.size = source.length;
      this.words = buildSpace(normalized.map(wordFeatures), quantize);
      this.chars = buildSpace(normalized.map(charFeatures), quantize);
    }
    this.charGrams = new CharGramTable(this.chars.featureIds);
    // -1 marks a document no query feature has touched yet (real scores are never negative).
    this.scores = new Float64Array(this.size).fill(-1);
    this.touched = new Int32Array(this.size);
  }

  /**
   * The `k` most similar documents (similarity above 0), most similar first. `exclude` skips one
   * document (leave-one-out).
   */
  search(text: string, k = 3, exclude = -1): Neighbour[] {
    return this.walk(text, k, exclude, Number.POSITIVE_INFINITY) ?? [];
  }

  /**
   * {@link search}, or undefined as soon as the walk proves that the `k` best similarities add up
   * to at least `enough` (their lower bounds do): what a caller that compares with a threshold
   * needs to know of a text well inside it, for a fraction of the postings.
   */
  private walk(text: string, k: number, exclude: number, enough: number): Neighbour[] | undefined {
    if (k <= 0) return [];
    const terms = this.queryTerms(normalizeText(text));
    const { count, spaces, features, weights: termWeights, rest } = terms;
    const { touched, scores } = this;
    // The best documents so far, with lower bounds of their scores (a score only grows).
    const leaders = new TopK(k);
    let touchedCount = 0;
    let term = 0;
    for (; term < count; term++) {
      if (leaders.full && leaders.sum >= enough) {
        for (let index = 0; index < touchedCount; index++) scores[touched[index]!] = -1;
        return undefined;
      }
      if (leaders.full && rest[term]! < walkStop * leaders.floor) break;
      const { offsets, documents, weights, scales, blocks } = spaces[term]!;
      const feature = features[term]!;
      const weight = termWeights[term]! * scales[feature]!;
      for (let block = 0; block < blocks; block++) {
        const base = block * blockSize;
        const end = offsets[feature * blocks + block + 1]!;
        for (let position = offsets[feature * blocks + block]!; position < end; position++) {
          const document = base + documents[position]!;
          const previous = scores[document]!;
          let score: number;
          if (previous < 0) {
            touched[touchedCount++] = document;
            score = weight * weights[position]!;
          } else score = previous + weight * weights[position]!;
          scores[document] = score;
          if (score > leaders.floor && document !== exclude) leaders.offer(document, score);
        }
      }
    }
    // No untouched document can reach the top k any more. A touched one can if its score so far
    // plus the most the features left can add reaches the k-th best lower bound: those get the
    // rest of their score from the forward index (nothing is left when every posting was walked).
    const finished = term === count;
    for (let index = term; index < count; index++) {
      const { queryWeights, scales } = spaces[index]!;
      queryWeights[features[index]!] = termWeights[index]! * scales[features[index]!]!;
    }
    const left = rest[term]!;
    const floor = leaders.floor;
    const best = new TopK(k);
    for (let index = 0; index < touchedCount; index++) {
      const document = touched[index]!;
      const partial = scores[document]!;
      scores[document] = -1;
      if (document === exclude || partial + left < floor) continue;
      const score = finished
        ? partial
        : partial + forwardScore(this.words, document) + forwardScore(this.chars, document);
      // A document that shares only features of weight 0 is not similar at all.
      if (score > 0 && score > best.floor) best.offer(document, score);
    }
    for (let index = term; index < count; index++) spaces[index]!.queryWeights[features[index]!] = 0;
    return best.neighbours();
  }

  /** The arrays the index is made of, to serialise it; they are the index's own, not copies. */
  toData(): TfIdfIndexData {
    return {
      size: this.size,
      wordWeight: this.wordWeight,
      unknownWeight: this.unknownWeight,
      words: spaceToData(this.words),
      chars: spaceToData(this.chars),
    };
  }

  /** Mean similarity of the `k` nearest documents (missing neighbours count as 0). */
  meanSimilarity(text: string, k = 3, exclude = -1): number {
    return this.meanAtLeast(text, k, Number.POSITIVE_INFINITY, exclude);
  }

  /**
   * {@link meanSimilarity} when it is below `bound`; when it is not, a value of at least `bound`
   * (possibly less than the mean): the walk stops as soon as the best documents' scores so far
   * reach it. For a caller that only compares the mean with `bound`, the answer is the same.
   */
  meanAtLeast(text: string, k: number, bound: number, exclude = -1): number {
    const neighbours = this.walk(text, k, exclude, bound * k);
    if (!neighbours) return bound;
    let sum = 0;
    for (const neighbour of neighbours) sum += neighbour.similarity;
    return k > 0 ? sum / k : 0;
  }

  /**
   * The query's features of both spaces, the one that can add most to a score first, each with
   * its weight (times its space's share) and, in `rest`, the most the features from it on can
   * add. The arrays are the index's scratch, valid until the next query.
   */
  private queryTerms(normalized: string): QueryTerms {
    const words = vectorizeFeatures(this.words, wordFeatures(normalized), this.unknownWeight);
    const chars = vectorizeCharQuery(this.chars, this.charGrams, normalized, this.unknownWeight);
    const wordCount = words.features.length;
    const count = wordCount + chars.features.length;
    if (this.terms.capacity < count) this.terms = queryTermsOf(count);
    const terms = this.terms;
    const { spaces, features, weights, bounds, order, rest } = terms;
    terms.count = count;
    // Sort keys: the bound in 2^-20 steps above the term's index. The order only decides how
    // much is walked, never the result, so the rounding is harmless; a numeric typed-array sort
    // needs no comparator calls.
    const slots = 2 ** Math.ceil(Math.log2(count + 1));
    for (let index = 0; index < count; index++) {
      const isWord = index < wordCount;
      const space = isWord ? this.words : this.chars;
      const vector = isWord ? words : chars;
      const offset = isWord ? index : index - wordCount;
      const weight = vector.weights[offset]! * (isWord ? this.wordWeight : 1 - this.wordWeight);
      const bound = weight * space.maxWeights[vector.features[offset]!]!;
      order[index] = Math.floor(bound * 2 ** 20) * slots + index;
      bounds[index] = bound;
    }
    const keys = order.subarray(0, count).sort();
    // Per space, what the features left can add is at most the sum of their bounds and at most
    // the length of the query's remaining part (Cauchy-Schwarz: a document vector has unit length).
    let wordBound = 0;
    let wordSquares = 0;
    let charBound = 0;
    let charSquares = 0;
    rest[count] = 0;
    for (let position = count - 1; position >= 0; position--) {
      // Keys ascend: the last key is the largest bound, visited first.
      const index = keys[count - 1 - position]! % slots;
      const isWord = index < wordCount;
      const vector = isWord ? words : chars;
      const offset = isWord ? index : index - wordCount;
      const weight = vector.weights[offset]! * (isWord ? this.wordWeight : 1 - this.wordWeight);
      spaces[position] = isWord ? this.words : this.chars;
      features[position] = vector.features[offset]!;
      weights[position] = weight;
      if (isWord) {
        wordBound += bounds[index]!;
        wordSquares += weight * weight;
      } else {
        charBound += bounds[index]!;
        charSquares += weight * weight;
      }
      rest[position] = Math.min(wordBound, Math.sqrt(wordSquares)) + Math.min(charBound, Math.sqrt(charSquares));
    }
    return terms;
  }
}

/** Options of the {@link TfIdfIndex} constructor. */
export interface TfIdfIndexOptions {
  /**
   * Store each weight as a 16-bit code of its feature's largest weight instead of a 32-bit float:
   * a quarter of the bytes of the postings and forward index instead of a half, similarities
   * within about 1e-5 of the unquantised ones. For large indexes built offline. @default false
   */
  quantize?: boolean;
}

/** One feature space of {@link TfIdfIndexData}: feature texts in id order and the stored arrays. */
export interface TfIdfSpaceData {
  features: readonly string[];
  idf: Float64Array;
  scales: Float64Array;
  maxWeights: Float64Array;
  offsets: Int32Array;
  documents: Uint16Array | Uint32Array;
  weights: Float32Array | Uint16Array;
  documentOffsets: Int32Array;
  documentFeatures: Uint16Array | Uint32Array;
  documentWeights: Float32Array | Uint16Array;
}

/** A built {@link TfIdfIndex} as plain arrays (`toData`), from which the constructor rebuilds it. */
export interface TfIdfIndexData {
  size: number;
  wordWeight: number;
  unknownWeight: number;
  words: TfIdfSpaceData;
  chars: TfIdfSpaceData;
}

function isIndexData(source: readonly string[] | TfIdfIndexData): source is TfIdfIndexData {
  return !Array.isArray(source);
}

function spaceToData(space: Space): TfIdfSpaceData {
  const features: string[] = new Array(space.featureIds.size);
  for (const [feature, id] of space.featureIds) features[id] = feature;
  const { idf, scales, maxWeights, offsets, documents, weights, documentOffsets, documentFeatures, documentWeights } =
    space;
  return {
    features,
    idf: Float64Array.from(idf),
    scales,
    maxWeights,
    offsets,
    documents,
    weights,
    documentOffsets,
    documentFeatures,
    documentWeights,
  };
}

/** True when `blocks` blocks of `documents` ids can name every one of `total` documents. */
function blocksFit(blocks: number, total: number, documents: DocumentIds): boolean {
  if (!Number.isInteger(blocks) || blocks < 1) return false;
  if (blocks === 1) return total <= blockSize || documents instanceof Uint32Array;
  return documents instanceof Uint16Array && blocks === Math.ceil(total / blockSize);
}

/**
 * A space from its arrays, which it keeps (no copy). Throws a `RangeError` naming the first array
 * whose length does not fit the others, so a damaged file cannot make a query read past an end.
 */
function spaceFromData(data: TfIdfSpaceData, total: number): Space {
  const count = data.features.length;
  const blocks = count > 0 ? (data.offsets.length - 1) / count : 1;
  const entries = data.offsets[data.offsets.length - 1];
  const checks: [string, boolean][] = [
    ['idf', data.idf.length === count],
    ['scales', data.scales.length === count],
    ['maxWeights', data.maxWeights.length === count],
    ['offsets', data.offsets[0] === 0 && blocksFit(blocks, total, data.documents)],
    ['documents', data.documents.length === entries],
    ['weights', data.weights.length === entries],
    ['documentOffsets', data.documentOffsets.length === total + 1 && data.documentOffsets[total] === entries],
    ['documentFeatures', data.documentFeatures.length === entries],
    ['documentWeights', data.documentWeights.length === entries],
  ];
  const broken = checks.find(([, ok]) => !ok);
  if (broken) throw new RangeError(`TF-IDF index data: ${broken[0]} does not match the other arrays`);
  const featureIds = new Map<string, number>();
  for (let id = 0; id < count; id++) featureIds.set(data.features[id]!, id);
  if (featureIds.size !== count) throw new RangeError('TF-IDF index data: features are not distinct');
  return {
    featureIds,
    idf: Array.from(data.idf),
    offsets: data.offsets,
    documents: data.documents,
    blocks,
    weights: data.weights,
    scales: data.scales,
    maxWeights: data.maxWeights,
    documentOffsets: data.documentOffsets,
    documentFeatures: data.documentFeatures,
    documentWeights: data.documentWeights,
    featureCounts: new Int32Array(count),
    queryWeights: new Float64Array(count),
    total,
  };
}

/** Scratch {@link QueryTerms} for queries of up to `capacity` features. */
function queryTermsOf(capacity: number): QueryTerms {
  return {
    capacity,
    count: 0,
    spaces: new Array(capacity),
    features: new Int32Array(capacity),
    weights: new Float64Array(capacity),
    bounds: new Float64Array(capacity),
    order: new Float64Array(capacity),
    rest: new Float64Array(capacity + 1),
  };
}

/** A query's features in visiting order (see `TfIdfIndex.queryTerms`). */
interface QueryTerms {
  capacity: number;
  count: number;
  spaces: Space[];
  features: Int32Array;
  /** Query weight times the space's share of the similarity. */
  weights: Float64Array;
  /** Bounds by the term's index before sorting (words first, then characters). */
  bounds: Float64Array;
  /** Sort keys, see `TfIdfIndex.queryTerms`. */
  order: Float64Array;
  /** `rest[i]`: the most the features from `i` on can add to any document's score. */
  rest: Float64Array;
}

/** What the query weights set in `space.queryWeights` add to one document's score. */
function forwardScore(space: Space, document: number): number {
  const { documentOffsets, documentFeatures, documentWeights, queryWeights } = space;
  let sum = 0;
  const end = documentOffsets[document + 1]!;
  for (let position = documentOffsets[document]!; position < end; position++) {
    sum += queryWeights[documentFeatures[position]!]! * documentWeights[position]!;
  }
  return sum;
}
