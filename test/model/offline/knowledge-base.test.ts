import { describe, expect, it } from 'vitest';
import { defaultKnowledgeBase, loadKnowledgeBase } from '../../../src/model/offline/knowledge-base.js';
import { createKnowledgeBaseRetriever } from '../../../src/model/offline/knowledge-base-retriever.js';

const entry = {
  id: 'shipping-costs',
  title: 'Shipping costs',
  questions: ['How much is shipping?', 'Is shipping free?'],
  answer: 'Shipping costs €4.95.',
  tags: ['shipping'],
};

describe('loadKnowledgeBase', () => {
  it('accepts valid entries', () => {
    expect(loadKnowledgeBase([entry])).toEqual([entry]);
  });

  it('names the invalid field and entry in its error', () => {
    expect(() => loadKnowledgeBase([{ ...entry, id: 'Shipping Costs' }])).toThrow(
      /Invalid knowledge base[\s\S]*kebab-case[\s\S]*\[0\]\.id/,
    );
    expect(() => loadKnowledgeBase([{ ...entry, questions: ['only one'] }])).toThrow(/at least 2 questions/);
    const tooMany = Array.from({ length: 13 }, (_, index) => `Question ${index}?`);
    expect(() => loadKnowledgeBase([{ ...entry, questions: tooMany }])).toThrow(/at most 12 questions[\s\S]*questions/);
    expect(() => loadKnowledgeBase([entry, { ...entry }])).toThrow(/duplicate id "shipping-costs"/);
    expect(() => loadKnowledgeBase({ entries: [entry] })).toThrow(/Invalid knowledge base/);
    expect(() => loadKnowledgeBase([])).toThrow(/Invalid knowledge base/);
  });
});

describe('defaultKnowledgeBase', () => {
  it('holds the Northwind Outfitters FAQ with at least 45 entries', () => {
    expect(defaultKnowledgeBase.length).toBeGreaterThanOrEqual(45);
    const ids = defaultKnowledgeBase.map((item) => item.id);
    for (const id of ['shipping-costs', 'order-tracking', 'return-policy', 'contact-options', 'business-hours']) {
      expect(ids).toContain(id);
    }
    const hours = defaultKnowledgeBase.find((item) => item.id === 'business-hours');
    expect(hours?.answer).toMatch(/Monday to Friday from 9:00 to 17:00 \(Europe\/Berlin/);
  });

  it('retrieves each entry for every one of its own questions', () => {
    const retriever = createKnowledgeBaseRetriever(defaultKnowledgeBase);
    const misses = defaultKnowledgeBase.flatMap((item) =>
      item.questions.filter((question) => retriever.retrieve(question, 1)[0]?.entry.id !== item.id),
    );
    expect(misses).toEqual([]);
  });

  it('retrieves paraphrased questions and scores off-topic ones low', () => {
    const retriever = createKnowledgeBaseRetriever(defaultKnowledgeBase);
    const paraphrases: Array<[string, string]> = [
      ['where is my order', 'order-tracking'],
      ['do you deliver to canada', 'international-shipping'],
      ['I still have not got my money back', 'refund-timing'],
      ['the zipper on my jacket broke', 'warranty-claim'],
      ['my package was lost', 'missing-parcel'],
      ['I want to speak to a human', 'contact-options'],
      ['the trousers are too small, can I get a bigger size', 'exchanges'],
    ];
    for (const [question, id] of paraphrases) {
      const [best] = retriever.retrieve(question, 1);
      expect(best?.entry.id, question).toBe(id);
      expect(best?.confidence, question).toBeGreaterThanOrEqual(0.5);
    }
    for (const question of [
      'can you recommend a lasagne recipe',
      'who won the football match yesterday',
      'do you sell bicycles',
    ]) {
      expect(retriever.retrieve(question, 1)[0]?.confidence ?? 0, question).toBeLessThan(0.3);
    }
  });

  it('answers the questions of issue #20 and their kind: everyday wording, typos, other languages', () => {
    const retriever = createKnowledgeBaseRetriever(defaultKnowledgeBase);
    const questions: Array<[string, string]> = [
      ['How do returns work?', 'return-policy'],
      ['Do you ship to Austria?', 'eu-shipping'],
      ['¿Cuánto tarda el envío?', 'delivery-times'],
      ['where is my order #A-77821?', 'order-tracking'],
      ['how long til my package gets here', 'delivery-times'],
      ['whats the warrenty on a jacket', 'warranty'],
      ['¿Dónde está mi pedido?', 'order-tracking'],
      ['Quanto custa o frete para Portugal?', 'eu-shipping'],
      ['Comment laver une doudoune ?', 'down-care'],
      ['Welche Zahlungsmethoden akzeptieren Sie?', 'payment-methods'],
      ['Il negozio è aperto la domenica?', 'store-hours'],
      ['Wat zijn de openingstijden van de winkel?', 'store-hours'],
    ];
    for (const [question, id] of questions) {
      const [best] = retriever.retrieve(question, 1);
      expect(best?.entry.id, question).toBe(id);
      expect(best?.confidence, question).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('answers the classes of the blind suite store-questions-2: range, brands, materials, payment, places', () => {
    const retriever = createKnowledgeBaseRetriever(defaultKnowledgeBase);
    const questions: Array<[string, string]> = [
      // What the shop sells and from which brands: the catalogue search answers, honestly.
      ['Do you sell avalanche beacons?', 'product-range'],
      ['Verkauft ihr auch Hängematten?', 'product-range'],
      ['Any chance you stock Osprey packs?', 'brands'],
      ['¿Qué marcas vendéis?', 'brands'],
      // What a product is made of.
      ['What fabric is your fleece made of?', 'product-details'],
      ['Van welk materiaal is deze jas gemaakt?', 'product-details'],
      // Payment methods there are and are not, prices and currency, ordering without an account.
      ['Can I pay with Bancontact?', 'payment-methods'],
      ['Kann ich per Vorkasse bezahlen?', 'payment-methods'],
      ['Are prices including VAT?', 'prices-and-currency'],
      ['Do I have to register before I can order?', 'guest-checkout'],
      ['Is there a discount for nurses?', 'discounts'],
      // Shipping destinations by city and in the languages of the countries.
      ['Do you deliver to Vienna?', 'eu-shipping'],
      ['Hva koster frakt til Sverige?', 'eu-shipping'],
      ['Toimitatteko Ruotsiin?', 'eu-shipping'],
      // Sizes by garment, and the words for fit and for running small.
      ['What size gloves should I get?', 'sizing-guide'],
      ['I wear a 42 in trainers, which boot size?', 'footwear-sizing'],
      ['Эта куртка маломерит?', 'sizing-guide'],
      ['The trousers are too tight, can I swap them?', 'exchanges'],
      // Complaints and a return from abroad.
      ['How do I make a complaint about a store visit?', 'complaints'],
      ['Can I return an order from outside the EU?', 'return-policy'],
    ];
    for (const [question, id] of questions) {
      const [best] = retriever.retrieve(question, 1);
      expect(best?.entry.id, question).toBe(id);
      expect(best?.confidence, question).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('still scores what the knowledge base does not cover low, in any language', () => {
    const retriever = createKnowledgeBaseRetriever(defaultKnowledgeBase);
    for (const question of [
      "What's the best mortgage rate right now?",
      'Book me a flight from Denver to Seattle next Friday.',
      'Can you help me write my college application essay?',
      '¿Me puedes ayudar a redactar mi currículum?',
      'Kannst du mir ein Rezept für Lasagne geben?',
      'About $600 for all three.',
    ]) {
      expect(retriever.retrieve(question, 1)[0]?.confidence ?? 0, question).toBeLessThan(0.5);
    }
  });
});
