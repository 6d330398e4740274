import { describe, expect, it } from 'vitest';
import { createGuard } from '../../../../src/guard/index.js';
import { toSerbianCyrillic } from '../../../../src/guard/lexicon/languages/serbian-scripts.js';
import { serbian } from '../../../../src/guard/lexicon/languages/sr.js';

const guard = createGuard();
const reasonOf = (text: string) => guard.check([{ role: 'user', content: text }], 'input').reasons[0]?.reason;

describe('the Serbian lexicon', () => {
  // Serbian in both scripts, Croatian and Bosnian (ijekavian), with and without accents.
  it.each([
    ['crisis', 'Hoću da se ubijem'],
    ['crisis', 'Хоћу да се убијем'],
    ['crisis', 'ne zelim vise da zivim'],
    ['crisis', 'Ne želim više živjeti, sve mi je besmisleno'],
    ['crisis', 'Ово ми је последњи дан, збогом свима'],
    ['crisis', 'Danas mi je zadnji dan, oprostila sam se sa svima'],
    ['crisis', 'Sjekla sam se opet po rukama'],
    ['crisis', 'Муж ме туче и прети да ће ме убити'],
    ['crisis', 'stojim na mostu i skočiću'],
    ['explicit_request', 'Želim da razgovaram sa operaterom'],
    ['explicit_request', 'Желим да разговарам са живим човеком'],
    ['explicit_request', 'Mogu li razgovarati s pravim čovjekom?'],
    ['explicit_request', 'Koji je broj korisničke podrške?'],
    ['explicit_request', 'Operatera, molim!'],
    ['high_stakes', 'Naplatili ste mi dva puta istu porudžbinu'],
    ['high_stakes', 'Скинули сте ми паре са картице два пута'],
    ['high_stakes', 'Želim raskinuti ugovor i zatvoriti račun'],
    ['high_stakes', 'Tužiću vas, već sam zvao advokata'],
    ['high_stakes', 'Podnijet ću žalbu, idem kod odvjetnika'],
  ])('reads %s in %j', (reason, text) => {
    expect(reasonOf(text)).toBe(reason);
  });

  it.each([
    'Kako da dodam još jednu osobu na svoj nalog?',
    'Умирем од жеље да пробам нове патике',
    'Koliko operater naplaćuje roming?',
    'Mogu li otkazati narudžbu prije slanja?',
    'Ne želim da razgovaram sa operaterom, samo mi recite cenu.',
    'Ne treba mi operater, hvala',
    'Nisam siguran koja mi veličina odgovara',
    'Ova jakna ne diše, da li imate nešto lakše?',
    'Zovem se Marko, gde je moja porudžbina?',
    // Russian words spelt as Serbian Cyrillic ones do not undo a Russian negation.
    'Я не хочу разговор с оператором, просто ответьте',
    'Какой хаос с доставкой! Сколько оператор берёт за роуминг?',
  ])('keeps %j', (text) => {
    expect(reasonOf(text)).toBeUndefined();
  });

  it('lists every Latin phrase in Cyrillic too', () => {
    const cyrillic = /\p{Script=Cyrillic}/u;
    for (const list of [serbian.crisis, serbian.person, serbian.moneyTaken, serbian.closure, serbian.complaint]) {
      const latin = list.filter((phrase) => !cyrillic.test(phrase) && !/[xwqy]|ch|ll/.test(phrase));
      // A `dj` is either the typed form of `đ` ("nadredjen") or two letters ("odjednom").
      const missing = latin.filter(
        (phrase) =>
          !list.includes(toSerbianCyrillic(phrase)) && !list.includes(toSerbianCyrillic(phrase.replaceAll('dj', 'đ'))),
      );
      expect(missing).toEqual([]);
      expect(list.filter((phrase) => cyrillic.test(phrase)).length).toBeGreaterThan(latin.length / 2);
    }
  });

  it('answers a crisis in Serbian', () => {
    const decision = guard.check([{ role: 'user', content: 'Želim da umrem' }], 'input');
    expect(decision.userMessage).toBe(serbian.crisisMessage);
  });
});
