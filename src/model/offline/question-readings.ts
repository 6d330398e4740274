import { words as splitWords } from '../../text/words.js';
import { acknowledgementWords } from './follow-up.js';
import { tokenize } from './tokenize.js';

/**
 * The ways a question is read: whole; without the acknowledgement that opens it ("Done, it worked.", "Good
 * to know, thanks. One more:", an order number), when that carries no topic of its own ("OK, store credit
 * is fine. Does it expire?" is about store credit); by its questions alone, when what it also states says
 * nothing the knowledge base knows ("I'm off to Patagonia in March. What jacket do you recommend?") or
 * points to the same entry; and, for a policy question, without the product it names.
 */
export function readings(question: string, topical: (text: string) => Topicality): Reading[] {
  const sentences = question
    .split(/(?<=[.!?;:])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
  const result: Reading[] = [{ text: question }];
  let start = 0;
  while (
    start < sentences.length - 1 &&
    isAcknowledgement(sentences[start] ?? '') &&
    topical(sentences[start] ?? '').confidence < minTopicality.remark
  ) {
    start++;
  }
  if (start > 0) result.push({ text: sentences.slice(start).join(' ') });
  const asked = sentences.filter((sentence) => sentence.endsWith('?'));
  const stated = sentences.filter((sentence) => !sentence.endsWith('?')).join(' ');
  if (asked.length > 0 && stated !== '') {
    // What the message states must say nothing the knowledge base knows, or point to the entry the
    // question finds: "My travel agent recommended your rain shells. Which one is lightest?" is about rain
    // shells, not sleeping pads.
    const about = topical(stated);
    result.push(
      about.confidence < minTopicality.statement
        ? { text: asked.join(' ') }
        : { text: asked.join(' '), within: about.ids, ...(about.top ? { about: about.top } : {}) },
    );
  }
  const terms = tokenize(question);
  if (terms.some((term) => policyTerms.has(term)) && terms.some((term) => productTerms.has(term))) {
    result.push({ text: question.replace(/[\p{L}\p{N}'’]+/gu, (word) => (isProductWord(word) ? '' : word)) });
  }
  return result;
}

/**
 * One way to read a question: a text, and the only entries it may find when it is not read whole (those the
 * statement beside it points to, `about` the one it points to most).
 */
export interface Reading {
  text: string;
  within?: ReadonlySet<string>;
  about?: string;
}

/** How strongly a text on its own points to some entry, the entries it points to and the best of them. */
export interface Topicality {
  confidence: number;
  ids: ReadonlySet<string>;
  top?: string;
}

/**
 * Retrieval confidence below which a part of a message carries no topic and may be left out: an opening
 * acknowledgement that mentions something in passing ("Found the video, thanks."), and a statement beside a
 * question, which must say next to nothing the knowledge base knows.
 */
const minTopicality = { remark: 0.5, statement: 0.05 };

/** Words that open an acknowledgement of the previous answer ("Done, it worked.", "Found the video"). */
const acknowledgementOpeners = new Set([
  ...acknowledgementWords,
  'worked',
  'thank',
  'ha',
  'haha',
  'oh',
  'ah',
  'wow',
  'noted',
  'understood',
  'fine',
  'one',
  'see',
]);

/** A short remark without a question that opens with an acknowledgement, or an order number alone. */
function isAcknowledgement(sentence: string): boolean {
  if (sentence.includes('?')) return false;
  const words = splitWords(sentence.toLowerCase(), { apostrophes: 'split' });
  if (words.length === 0 || words.length > openingRemarkWords) return false;
  return acknowledgementOpeners.has(words[0] ?? '') || /^[a-z]{0,3}-?\d{3,}$/i.test(sentence.replace(/[.!,\s]+$/g, ''));
}

/**
 * Terms of the policies that hold for every product (returns, exchanges, refunds, warranty, repairs,
 * shipping, delivery and tracking, items broken or damaged): a question about one of them names a product,
 * or the store it is about, only as the case in point, so it is also read without it ("What's the warranty
 * on your stoves?" asks about the warranty, "When will my jacket arrive?" about delivery, "Can I bring an
 * online order back to the Munich store?" about returning an online order in a store).
 */
const policyTerms = new Set(tokenize('return exchange refund warranty repair arrive track ship broken damaged'));

/** Products and product families a policy question may name, and the cities of the shop's stores. */
const productTerms = new Set(
  tokenize(
    'jacket shell fleece coat trousers pants shirt socks gloves hat base layer boots shoes sneakers footwear ' +
      'tent sleeping bag pad mat stove poles backpack pack filter helmet harness rope gear clothes clothing ' +
      'berlin munich hamburg denver boulder',
  ),
);

function isProductWord(word: string): boolean {
  const terms = tokenize(word);
  return terms.length > 0 && terms.every((term) => productTerms.has(term));
}

/** Most words an opening remark has. */
const openingRemarkWords = 5;
