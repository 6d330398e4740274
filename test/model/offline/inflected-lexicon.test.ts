import { describe, expect, it } from 'vitest';
import { createInflectedLookup } from '../../../src/model/offline/inflected-lexicon.js';
import { tokenize } from '../../../src/model/offline/tokenize.js';

/** The lookup with the English words as terms, to see which word a stem stands for. */
const lookup = createInflectedLookup((english) => english.split(' '));

describe('createInflectedLookup', () => {
  it('reads any ending of a listed stem as the English word', () => {
    expect(lookup('zamowienia')).toEqual(['order']);
    expect(lookup('zamowieniem')).toEqual(['order']);
    expect(lookup('siparisimi')).toEqual(['order']);
    expect(lookup('заказа')).toEqual(['order']);
  });

  it('takes only a short ending after a short stem, and needs four letters of a Latin stem', () => {
    expect(lookup('цена')).toEqual(['price']);
    expect(lookup('ценностями')).toBeUndefined();
    expect(lookup('kartoflisko')).toBeUndefined();
  });

  it('reads an Arabic word past the article, conjunction or verb prefix that opens it', () => {
    expect(lookup('الارجاع')).toEqual(['return']);
    expect(lookup('والشحن')).toEqual(['ship']);
    expect(lookup('يشحنون')).toEqual(['ship']);
    expect(lookup('كتاب')).toBeUndefined();
  });
});

describe('tokenize with Polish, Turkish, Russian, Arabic and Finnish', () => {
  it('folds their support words onto the English terms and drops their function words', () => {
    expect(tokenize('Ile kosztuje wysyłka do Niemiec?')).toEqual(['cost', 'ship', 'german']);
    expect(tokenize('Siparişimi nasıl iptal edebilirim?')).toEqual(['order', 'cancel', 'edebilirim']);
    expect(tokenize('Как вернуть куртку?')).toEqual(['return', 'jacket']);
    expect(tokenize('كم تكلفة الشحن؟')).toEqual(['cost', 'ship']);
    // Finnish: case endings after the stem, a message marked by a function word or the question ending -ko.
    expect(tokenize('Paljonko toimitus maksaa Suomeen?')).toEqual(['cost', 'ship', 'pay', 'finland']);
    expect(tokenize('Miten palautan takin?')).toEqual(['return', 'jacket']);
    expect(tokenize('Onko teillä telttoja neljälle?')).toEqual(['tent', '4']);
  });

  it('reads the rest of the shop: fit, payment, materials, what went wrong', () => {
    expect(tokenize('Czy mogę zapłacić przelewem?')).toEqual(['pay', 'bank', 'transfer']);
    expect(tokenize('Kredi kartıyla ödeyebilir miyim?')).toEqual(['credit', 'card', 'card', 'pay']);
    expect(tokenize('Эта куртка маломерит?')).toEqual(['jacket', 'run', 'small']);
    expect(tokenize('Посылка потерялась')).toEqual(['parcel', 'lost']);
  });

  it('leaves an English word that starts like a Polish or Turkish stem alone in an English message', () => {
    expect(tokenize('Is the karting jacket warm?')).toEqual(['kart', 'jacket', 'warm']);
  });
});
