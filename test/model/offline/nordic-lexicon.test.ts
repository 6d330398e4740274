import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/model/offline/tokenize.js';

describe('tokenize with Swedish, Danish and Norwegian', () => {
  it('folds their support words and compounds onto the English terms and drops their function words', () => {
    expect(tokenize('Hvor lang tid tager levering til Danmark?')).toEqual(['long', 'long', 'tak', 'ship', 'denmark']);
    expect(tokenize('Kan jeg returnere en jakke?')).toEqual(['return', 'jacket']);
    expect(tokenize('Har ni tält för fyra personer?')).toEqual(['tent', '4', 'peopl']);
    // Compounds of listed words: a gift card, the delivery time, a discount code.
    expect(tokenize('Gäller presentkortet i butiken?')).toEqual(['valid', 'gift', 'card', 'stor']);
    expect(tokenize('Gælder gavekortet i butikken?')).toEqual(['valid', 'gift', 'card', 'stor']);
    expect(tokenize('leveringstiden')).toEqual(['ship', 'long']);
    expect(tokenize('rabattkoden')).toEqual(['discount', 'cod']);
    expect(tokenize('När får jag pengarna tillbaka?')).toEqual(['refund']);
  });

  it('leaves out the forms that are English words ("store" is big in Danish, "fire" four)', () => {
    expect(tokenize('Where is your store?')).toEqual(['stor']);
    expect(tokenize('The stove caught fire')).toEqual(['stov', 'caught', 'fir']);
  });
});

describe('tokenize with the rest of the six languages', () => {
  it('reads how it fits, how to pay and what went wrong', () => {
    expect(tokenize('¿Puedo devolverlas si no me quedan bien?')).toEqual(['return', 'fit']);
    expect(tokenize('Le vostre giacche vestono piccole?')).toEqual(['jacket', 'run', 'small']);
    expect(tokenize('Kann ich per Überweisung oder Nachnahme bezahlen?')).toEqual([
      'bank',
      'transfer',
      'cash',
      'ship',
      'pay',
    ]);
    expect(tokenize("J'ai reçu le mauvais article")).toEqual(['receiv', 'wrong', 'item']);
    expect(tokenize('Avez-vous des tentes pour quatre personnes ?')).toEqual(['tent', '4', 'peopl']);
  });

  it('reads German and Dutch separable verbs by their particle', () => {
    expect(tokenize('Wie setze ich mein Passwort zurück?')).toEqual(['reset', 'password']);
    expect(tokenize('Wann kommt mein Paket an?')).toEqual(['arriv', 'parcel']);
    expect(tokenize('Wanneer komt mijn pakket aan?')).toEqual(['arriv', 'parcel']);
  });
});
