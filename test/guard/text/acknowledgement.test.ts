import { describe, expect, it } from 'vitest';
import { isAcknowledgement } from '../../../src/guard/text/acknowledgement.js';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';

const acknowledges = (text: string) => isAcknowledgement(normalizeText(text));

describe('isAcknowledgement', () => {
  it.each([
    'Yes that all sounds right',
    "That's perfect, thanks",
    'You got it',
    'ok',
    'Okay!',
    'perfect, book it',
    'Alright, go ahead',
    'Please go ahead',
    'sure thing',
    'correct',
    'Sounds good to me',
    'works for me',
    'That flight sounds just right',
    'The price is good',
    'The hotel looks really nice',
    'oui, parfait',
    'Sí, claro',
    'ja genau',
    'Perfecto',
    'No problem',
  ])('is true for agreement: %j', (text) => {
    expect(acknowledges(text)).toBe(true);
  });

  it.each([
    'Yes?',
    'is that right?',
    'ok, but what about the fee？',
    'the service is good?',
    'No, that is wrong',
    'Nope',
    'I want a refund',
    'okayish',
    'yesterday it broke',
    'rightly so',
    'goodbye',
    'not good',
    'this is not right',
    'the price is not good',
    'this is terrible',
    '',
  ])('is false for a question, a refusal or anything else: %j', (text) => {
    expect(acknowledges(text)).toBe(false);
  });

  it('expects normalized text: accents and capitals are not folded by it', () => {
    expect(isAcknowledgement('Sí')).toBe(false);
    expect(isAcknowledgement(normalizeText('Sí'))).toBe(true);
  });

  // The opening alternatives ("that's", "that is", "correct", "sure") match whatever follows, so
  // disagreement that starts with them counts as agreement; repeat-failure then skips the turn and
  // learned-intent abstains on it ("correct me if I am wrong but you charged me twice").
  it.each([
    "That's not what I ordered",
    'That is wrong, I said Tuesday',
    'correct me if I am wrong but you charged me twice',
  ])('BUG: is false for disagreement that opens like agreement: %j', (text) => {
    expect(acknowledges(text)).toBe(false);
  });
});
