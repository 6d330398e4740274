import { describe, expect, it } from 'vitest';
import { createBm25Index } from '../../../src/model/offline/bm25.js';
import { tokenize } from '../../../src/model/offline/tokenize.js';

describe('tokenize', () => {
  it('lower-cases, drops stop words and punctuation, and folds word forms onto one stem', () => {
    expect(tokenize("Where's my parcel? It hasn't been delivered!")).toEqual(['parcel', 'ship']);
    expect(tokenize('shipping shipped ships')).toEqual(['ship', 'ship', 'ship']);
    expect(tokenize('returns returned returning returnable')).toEqual(['return', 'return', 'return', 'return']);
  });

  it('folds synonyms, irregular forms and phrases onto the word the knowledge base uses', () => {
    expect(tokenize('delivery deliveries postage')).toEqual(['ship', 'ship', 'ship']);
    expect(tokenize('shoes I wore once')).toEqual(tokenize('shoe worn'));
    expect(tokenize('Can my wife pick up my order?')).toEqual(['person', 'pickup', 'order']);
    expect(tokenize('How do returns work?')).toEqual(['return']);
    expect(tokenize('How much does shipping cost in the US?')).toEqual(['ship', 'cost', 'usa']);
    expect(tokenize('I cancelled it five minutes ago')).toEqual(['cancel', '5', 'minut']);
  });

  it('reads sending an item back as a return, and storing something as storage rather than a shop', () => {
    expect(tokenize('Can I send these boots back?')).toEqual(tokenize('Can I return these boots?'));
    expect(tokenize('I want to bring it back')).toEqual(['return']);
    expect(tokenize('Where do I store them in winter?')).toEqual(['storag', 'winter']);
    expect(tokenize('Is the store open?')).toEqual(['stor', 'open']);
  });

  it('reads letter sizes side by side as a size, and a small order as one of little value', () => {
    expect(tokenize("I'm between an S and M")).toEqual(['siz']);
    expect(tokenize('M or L?')).toEqual(['siz']);
    expect(tokenize('Shipping on a small order')).toEqual(['ship', 'order', 'minimum']);
  });

  it('splits words as the guard does: runs of letters and digits of any script', () => {
    expect(tokenize('NW-40511/ship—Canada')).toEqual(['40511', 'ship', 'canada']);
  });

  it('reads order numbers as numbers and joins a model name to its number', () => {
    expect(tokenize('Where is my order NW-40511?')).toEqual(['order', '40511']);
    expect(tokenize('Is the Ridge 2 in stock?')).toEqual(['ridg', 'ridg#2', '2', 'stock']);
    expect(tokenize('Can I use two codes?')).toEqual(['use', '2', 'cod']);
  });

  it('folds the main support words of six other languages onto the English term', () => {
    expect(tokenize('¿Cuánto tarda el envío?')).toEqual(['tak', 'ship']);
    expect(tokenize('Wie lange dauert der Versand?')).toEqual(['long', 'tak', 'ship']);
    expect(tokenize('Quel est le délai de livraison ?')).toEqual(['long', 'ship']);
    expect(tokenize('Posso devolver um produto usado?')).toEqual(['return', 'item', 'wear']);
    expect(tokenize('Il negozio è aperto la domenica?')).toEqual(['stor', 'open', 'sunday']);
    expect(tokenize('Hoeveel kost de verzending naar Nederland?')).toEqual(['cost', 'ship', 'netherland']);
    // German and Dutch compounds of listed words, but not English words.
    expect(tokenize('Versandkosten Daunenjacke donsjas')).toEqual(['ship', 'cost', 'down', 'jacket', 'down', 'jacket']);
    expect(tokenize('password backpack')).toEqual(['password', 'backpack']);
  });

  it('keeps letters and digits of any script and folds accents', () => {
    expect(tokenize('größe café 30 días')).toEqual(['siz', 'caf', '30', 'day']);
    // A listed Japanese word becomes its English term; an unlisted one stays as written.
    expect(tokenize('東京 配送')).toEqual(['東京', 'ship']);
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
    expect(index.search('40511 60', 1)).toEqual([]);
  });

  it('reads an unknown word one typo away from a known one as that word', () => {
    const [typo] = index.search('retrun item', 1);
    const [plain] = index.search('return item', 1);
    expect(typo?.index).toBe(1);
    expect(typo?.score).toBeCloseTo(plain?.score ?? 0, 10);
    // Only from six letters on and never on the first letter: "flight" is no typo of "light".
    const strict = createBm25Index(['light tent'], { typoTolerance: true });
    expect(strict.search('flight tent', 1)[0]?.score).toBeLessThan(strict.search('light tent', 1)[0]?.score ?? 0);
    const [off] = createBm25Index(['return item'], { typoTolerance: false }).search('retrun item', 1);
    expect(off?.coverage).toBeLessThan(1);
  });

  it('lets scene-setting words cost little coverage, and alone find nothing', () => {
    const documents = ['packing list for a hike', 'summer sale in july'];
    const plain = createBm25Index(documents);
    const scene = createBm25Index(documents, { contextTerms: new Set(tokenize('october july')) });
    const [without] = plain.search('packing list for a hike in october', 1);
    const [with_] = scene.search('packing list for a hike in october', 1);
    expect(with_?.index).toBe(0);
    expect(with_?.score).toBeGreaterThan(without?.score ?? 1);
    // A scene word still matches where the corpus names it.
    expect(scene.search('is there a sale in july', 1)[0]?.index).toBe(1);
    expect(scene.search('october july', 1)).toEqual([]);
  });
});
