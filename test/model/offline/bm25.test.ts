import { describe, expect, it } from 'vitest';
import { createBm25Index } from '../../../src/model/offline/bm25.js';
import { tokenize } from '../../../src/model/offline/tokenize.js';

describe('tokenize', () => {
  it('lower-cases, drops stop words and punctuation, and folds word forms onto one stem', () => {
    expect(tokenize("Where's my parcel? It hasn't been delivered!")).toEqual(['parcel', 'deliver']);
    expect(tokenize('shipping shipped ships')).toEqual(['ship', 'ship', 'ship']);
    expect(tokenize('delivery deliveries')).toEqual(['deliver', 'deliver']);
  });

  it('keeps letters and digits of any script and folds accents', () => {
    expect(tokenize('Größe Café 30 días')).toEqual(['groß', 'caf', '30', 'dia']);
    expect(tokenize('東京 配送')).toEqual(['東京', '配送']);
  });
});

describe('createBm25Index', () => {
  const documents = [
    'How long does delivery take? Delivery times shipping',
    'How do I return an item? Returns refund',
    'Which payment methods do you accept? PayPal credit card',
    'Store opening hours on Saturday',
  ];
  const index = createBm25Index(documents);

  it('ranks the document that shares the rare query words first', () => {
    const hits = index.search('can I pay with paypal', 4);
    expect(hits[0]?.index).toBe(2);
    expect(hits.every((hit) => hit.index !== 3)).toBe(true);
  });

  it('returns only documents with a shared term, best first, capped at the limit', () => {
    const hits = index.search('delivery return', 1);
    expect(hits).toHaveLength(1);
    expect(
      index
        .search('delivery return', 10)
        .map((hit) => hit.index)
        .sort(),
    ).toEqual([0, 1]);
    expect(index.search('', 10)).toEqual([]);
    expect(index.search('the and of', 10)).toEqual([]);
  });

  it('reports a confidence in 0..1 that falls when part of the query is not covered', () => {
    const [full] = index.search('delivery times', 1);
    const [half] = index.search('delivery of a kayak paddle', 1);
    const [none] = index.search('lasagne recipe', 1);
    expect(full?.score).toBeGreaterThan(0.6);
    expect(full?.score).toBeLessThanOrEqual(1);
    expect(half?.index).toBe(0);
    expect(half?.score).toBeLessThan(0.3);
    expect(half?.coverage).toBeGreaterThan(0);
    expect(half?.coverage).toBeLessThan(0.5);
    expect(none).toBeUndefined();
  });

  it('prefers a document with more occurrences of a term, other things equal', () => {
    const repeated = createBm25Index(['tent tent care', 'tent pole', 'sleeping bag']);
    expect(repeated.search('tent', 3).map((hit) => hit.index)).toEqual([0, 1]);
    const [first, second] = repeated.search('tent', 3);
    expect(first?.raw).toBeGreaterThan(second?.raw ?? Number.POSITIVE_INFINITY);
  });

  it('handles an empty corpus', () => {
    expect(createBm25Index([]).search('anything')).toEqual([]);
  });
});

describe('createBm25Index with fields', () => {
  const index = createBm25Index([
    [{ text: 'How much does shipping cost?' }, { text: 'Standard shipping is free over 60 euros.', weight: 0.5 }],
    [{ text: 'How do I return an item?' }, { text: 'Print the label from your account.', weight: 0.5 }],
  ]);

  it('finds a word that only the low-weight field holds, with partial coverage credit', () => {
    const [hit] = index.search('print label', 1);
    expect(hit?.index).toBe(1);
    expect(hit?.coverage).toBeCloseTo(0.5, 5);
    const [full] = index.search('return item', 1);
    expect(full?.coverage).toBe(1);
    expect(full?.score).toBeGreaterThan(hit?.score ?? 1);
  });

  it('ignores a number the corpus has never seen, but not an unknown word', () => {
    const [withNumber] = index.search('return item 40511', 1);
    const [plain] = index.search('return item', 1);
    expect(withNumber?.score).toBeCloseTo(plain?.score ?? 0, 10);
    const [withWord] = index.search('return item lasagne', 1);
    expect(withWord?.score).toBeLessThan(plain?.score ?? 0);
  });
});
