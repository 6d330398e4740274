import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';
import { TfIdfIndex } from '../../../src/guard/text/tfidf-index.js';
import { contentTokens } from '../../../src/guard/text/tokenize.js';

/**
 * A reference written from the definition, with none of the index's shortcuts: every document's
 * full TF-IDF vector in both spaces, cosine against every document, sorted.
 */
function referenceSearch(
  texts: readonly string[],
  query: string,
  { k, exclude, wordWeight, unknownWeight }: { k: number; exclude: number; wordWeight: number; unknownWeight: number },
): number[] {
  const wordFeatures = (normalized: string) => {
    const tokens = contentTokens(normalized);
    return [...tokens, ...tokens.slice(1).map((token, index) => `${tokens[index]}_${token}`)];
  };
  const charFeatures = (normalized: string) =>
    normalized
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .split(' ')
      .filter(Boolean)
      .flatMap((word) => {
        const padded = ` ${word} `;
        const grams: string[] = [];
        for (const size of [3, 4])
          for (let start = 0; start + size <= padded.length; start++) grams.push(padded.slice(start, start + size));
        return grams;
      });
  const similarities = (features: (text: string) => string[]) => {
    const documents = texts.map((text) => features(normalizeText(text)));
    const frequency = new Map<string, number>();
    for (const document of documents)
      for (const feature of new Set(document)) frequency.set(feature, (frequency.get(feature) ?? 0) + 1);
    const total = documents.length;
    const idf = (feature: string) => Math.log((1 + total) / (1 + frequency.get(feature)!)) + 1;
    const vector = (list: string[], unknownIdf: number) => {
      const counts = new Map<string, number>();
      for (const feature of list) counts.set(feature, (counts.get(feature) ?? 0) + 1);
      const weights = new Map<string, number>();
      let norm = 0;
      for (const [feature, count] of counts) {
        const known = frequency.has(feature);
        const weight = (1 + Math.log(count)) * (known ? idf(feature) : unknownIdf);
        norm += weight * weight;
        if (known) weights.set(feature, weight);
      }
      for (const [feature, weight] of weights) weights.set(feature, weight / (Math.sqrt(norm) || 1));
      return weights;
    };
    const queryVector = vector(features(normalizeText(query)), (Math.log(1 + total) + 1) * unknownWeight);
    return documents.map((document) => {
      const documentVector = vector(document, 0);
      let dot = 0;
      for (const [feature, weight] of queryVector) dot += weight * (documentVector.get(feature) ?? 0);
      return dot;
    });
  };
  const words = similarities(wordFeatures);
  const chars = similarities(charFeatures);
  return words
    .map((word, document) => ({ document, similarity: wordWeight * word + (1 - wordWeight) * chars[document]! }))
    .filter(({ document, similarity }) => document !== exclude && similarity > 0)
    .map(({ similarity }) => similarity)
    .sort((a, b) => b - a)
    .slice(0, k);
}

// A real scope: CLINC150's banking intents from ../shared/evaldata, beside the checkout (absent for a
// newcomer: the tests that need it are skipped, said so).
const scopeFile = resolve(import.meta.dirname, '../../../../shared/evaldata/clinc150_scope.jsonl');
const haveScope = existsSync(scopeFile);
if (!haveScope) console.log(`skipped: the real-scope TfIdfIndex tests need ${scopeFile} (../shared/evaldata)`);
const scope = (haveScope ? readFileSync(scopeFile, 'utf8') : '')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { text: string }).text)
  .filter((_, index) => index % 8 === 0);
const vocabulary = [...new Set(scope.flatMap((text) => text.toLowerCase().split(/\s+/)))];

describe('TfIdfIndex', () => {
  it('finds the nearest documents by word and character similarity', () => {
    const index = new TfIdfIndex(
      ['how do I reset my password', 'where is my parcel', 'cancel my subscription'],
      0.5,
      1,
    );
    const [nearest] = index.search('I forgot my pasword, how to reset it', 1);
    expect(nearest?.document).toBe(0);
    expect(index.search('where is my parcell')[0]?.document).toBe(1);
    expect(index.search('zzzz qqqq')).toEqual([]);
  });

  it.skipIf(!haveScope)('returns exactly the top k of a full scan, over a real scope and arbitrary queries', () => {
    const settings = [
      { wordWeight: 0.7, unknownWeight: 1 },
      { wordWeight: 0.5, unknownWeight: 0.5 },
      { wordWeight: 0, unknownWeight: 0 },
      { wordWeight: 1, unknownWeight: 1 },
    ];
    const indexes = settings.map(({ wordWeight, unknownWeight }) => new TfIdfIndex(scope, wordWeight, unknownWeight));
    const query = fc.oneof(
      fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 14 }).map((words) => words.join(' ')),
      fc.tuple(fc.constantFrom(...scope), fc.string({ maxLength: 6 })).map(([text, noise]) => `${text} ${noise}`),
      fc.string({ maxLength: 40 }),
      fc.constantFrom(...scope),
    );
    fc.assert(
      fc.property(
        query,
        fc.integer({ min: 0, max: settings.length - 1 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: -1, max: scope.length - 1 }),
        (text, setting, k, exclude) => {
          const found = indexes[setting]!.search(text, k, exclude);
          const expected = referenceSearch(scope, text, { k, exclude, ...settings[setting]! });
          expect(found.map((neighbour) => neighbour.similarity)).toHaveLength(expected.length);
          found.forEach((neighbour, position) => {
            // Weights are stored in single precision: about 7 significant digits.
            expect(neighbour.similarity).toBeCloseTo(expected[position]!, 6);
            expect(neighbour.document).not.toBe(exclude);
          });
          // Most similar first.
          for (let position = 1; position < found.length; position++) {
            expect(found[position - 1]!.similarity).toBeGreaterThanOrEqual(found[position]!.similarity);
          }
        },
      ),
      { numRuns: 300, seed: 20261125 },
    );
  });

  it.skipIf(!haveScope)('leaves no state behind between queries', () => {
    const index = new TfIdfIndex(scope, 0.7, 1);
    const first = index.search('what is my credit limit', 3);
    index.search('how long does it take to get a replacement card, and what about the pin of the old one', 5);
    index.search('', 3);
    expect(index.search('what is my credit limit', 3)).toEqual(first);
  });

  it.skipIf(!haveScope)(
    'meanAtLeast is the mean below its bound and at least the bound otherwise, and leaves no state behind',
    () => {
      const index = new TfIdfIndex(scope, 0.5, 1);
      const query = fc.oneof(
        fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 14 }).map((words) => words.join(' ')),
        fc.constantFrom(...scope),
        fc.string({ maxLength: 40 }),
      );
      fc.assert(
        fc.property(
          query,
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.integer({ min: 1, max: 5 }),
          fc.integer({ min: -1, max: scope.length - 1 }),
          (text, bound, k, exclude) => {
            const mean = index.meanSimilarity(text, k, exclude);
            const atLeast = index.meanAtLeast(text, k, bound, exclude);
            if (mean < bound) expect(atLeast).toBe(mean);
            else {
              expect(atLeast).toBeGreaterThanOrEqual(bound);
              expect(atLeast).toBeLessThanOrEqual(mean + 1e-12);
            }
            // The early stop leaves the scratch arrays clean: the next full search is unchanged.
            expect(index.meanSimilarity(text, k, exclude)).toBe(mean);
          },
        ),
        { numRuns: 400, seed: 20261204 },
      );
    },
  );

  it('averages the k nearest similarities, counting missing neighbours as 0', () => {
    const index = new TfIdfIndex(['order new checks', 'order new cards'], 0.5, 1);
    const [first, second] = index.search('order new checks', 2);
    expect(index.meanSimilarity('order new checks', 3)).toBeCloseTo((first!.similarity + second!.similarity) / 3, 12);
    expect(index.meanSimilarity('order new checks', 0)).toBe(0);
  });
});
