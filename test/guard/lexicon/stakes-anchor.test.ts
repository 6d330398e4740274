import { describe, expect, it } from 'vitest';
import { builtInLexicons } from '../../../src/guard/lexicon/languages.js';
import { createStakesAnchor } from '../../../src/guard/lexicon/stakes-anchor.js';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';
import { testLexicon as lexicon } from './test-lexicon.js';

describe('createStakesAnchor', () => {
  const englishOnly = createStakesAnchor([]);
  const anchored = (text: string, anchor = englishOnly, language?: string) =>
    anchor(normalizeText(text), language).all > 0;

  it('finds the English matter words, inflected by their first five letters', () => {
    for (const text of [
      'I was charged twice',
      'where are my refunds',
      'Refunded?',
      'I have two accounts',
      'I want to complain',
      'I will see you in court',
      'someone hacked my phone',
      'the parcel arrived damaged',
      'my subscriptions page',
    ]) {
      expect(anchored(text), text).toBe(true);
    }
  });

  it('finds nothing in a message about no matter of money, account, contract or complaint', () => {
    for (const text of [
      'find me a place to eat that is not very costly',
      'what time do you open',
      'recommend a good movie',
      'what is the weather like',
      'my car broke down',
      '',
    ]) {
      expect(anchored(text), text).toBe(false);
    }
  });

  it('compares whole stems from the start of a word', () => {
    // "discard" and "scorecard" contain "card" but do not start with it.
    expect(anchored('please discard the scorecard')).toBe(false);
    expect(anchored('my card')).toBe(true);
    expect(anchored('the money transfers')).toBe(true);
  });

  it('adds the words of other lexicons’ money, closure and complaint phrases', () => {
    const german = lexicon('de', 'spaced', {
      complaint: ['beschwerde einreichen'],
      closure: ['vertrag künd*'],
      moneyTaken: ['abgebucht … ohne'],
      person: ['sachbearbeiter'],
    });
    const anchor = createStakesAnchor([german]);
    expect(anchored('ich möchte mich beschweren', anchor)).toBe(true);
    expect(anchored('den Vertrag kündigen', anchor)).toBe(true);
    expect(anchored('Vertragsende', anchor)).toBe(true);
    expect(anchored('es wurde zweimal abgebucht', anchor)).toBe(true);
    // Person phrases are no matter.
    expect(anchored('einen Sachbearbeiter bitte', anchor)).toBe(false);
    // Words shorter than four letters are not stems: "ohne" is four, "es" never counts.
    expect(anchored('ohne', anchor)).toBe(true);
    expect(anchored('ohne', englishOnly)).toBe(false);
  });

  it('ignores the English lexicon’s own phrases, whose verbs name no matter', () => {
    const english = lexicon('en', 'spaced', { moneyTaken: ['never placed'], complaint: ['zorbleflux'] });
    const anchor = createStakesAnchor([english]);
    expect(anchored('I never placed that', anchor)).toBe(false);
    expect(anchored('zorbleflux', anchor)).toBe(false);
    const dutch = createStakesAnchor([lexicon('nl', 'spaced', { complaint: ['zorbleflux'] })]);
    expect(anchored('zorbleflux', dutch)).toBe(true);
  });

  it('finds unspaced phrases as runs of two characters or more', () => {
    const chinese = lexicon('zh', 'unspaced', { moneyTaken: ['扣款', '退…款'], closure: ['注销账户'] });
    const anchor = createStakesAnchor([chinese]);
    expect(anchored('为什么被扣款了', anchor)).toBe(true);
    expect(anchored('我要注销账户', anchor)).toBe(true);
    // 退 and 款 alone are too short to anchor.
    expect(anchored('退了款', anchor)).toBe(false);
    expect(anchored('附近有什么好吃的餐厅', anchor)).toBe(false);
  });

  it('works with the built-in lexicons', () => {
    const anchor = createStakesAnchor(builtInLexicons);
    for (const text of [
      'Me cobraron dos veces',
      'Quiero cancelar mi contrato',
      'Ich möchte mich beschweren',
      '我被扣款了',
      '二重請求されました',
      'หักเงินสองครั้ง',
    ]) {
      expect(anchored(text, anchor), text).toBe(true);
      if (!/contrato/.test(text)) expect(anchored(text, englishOnly), text).toBe(false);
    }
    for (const text of [
      '附近有什么好吃的餐厅',
      '今日は天気がいいですね',
      'find me a place to eat that is not very costly',
    ]) {
      expect(anchored(text, anchor), text).toBe(false);
    }
  });

  // Stems are the first five letters of a word of four or more, and a message's words are cut the
  // same way: a four-letter anchor ("card", "bill", "künd*") is a four-letter stem that a longer
  // word, cut to five letters, never equals, so its plural or inflection is missed, `*` or not.
  it('finds the inflections of four-letter anchors', () => {
    expect(anchored('my cards were blocked')).toBe(true);
    expect(anchored('why are my bills so high')).toBe(true);
    const anchor = createStakesAnchor([lexicon('de', 'spaced', { closure: ['künd*'] })]);
    expect(anchored('Kündigung bitte', anchor)).toBe(true);
  });

  // "fee" is on the English list, but words shorter than four letters are never stems (and never
  // looked up), so the anchor is dead: "what are your fees" names no matter to the learned model.
  it('finds the listed English anchor "fee"', () => {
    expect(anchored('what are your fees')).toBe(true);
    expect(anchored('is there a fee for this')).toBe(true);
  });

  it('reads a message in English with the English list only', () => {
    const portuguese = createStakesAnchor([lexicon('pt', 'spaced', { closure: ['deletar minha conta'] })]);
    expect(anchored('deletar minha conta', portuguese, 'pt')).toBe(true);
    expect(anchored('three to delete, nine to save', portuguese)).toBe(true);
    // "delete" starts like "deletar", but an English message names no Portuguese matter.
    expect(anchored('three to delete, nine to save', portuguese, 'en')).toBe(false);
    expect(anchored('my account was deleted', portuguese, 'en')).toBe(true);
  });

  it('counts the distinct matters a message names', () => {
    const anchor = createStakesAnchor(builtInLexicons);
    const count = (text: string, language: string) => anchor(normalizeText(text), language);
    expect(count('quanti schermi posso usare con il mio abbonamento?', 'it')).toEqual({ english: 0, all: 1 });
    expect(count('voglio disdire il mio abbonamento e avere un rimborso', 'it').all).toBeGreaterThanOrEqual(2);
    expect(count('charged twice on my card', 'en')).toEqual({ english: 2, all: 2 });
    expect(count('mi hanno addebitato il payment due volte', 'it').english).toBe(1);
    expect(count('what time do you open', 'en')).toEqual({ english: 0, all: 0 });
  });
});
