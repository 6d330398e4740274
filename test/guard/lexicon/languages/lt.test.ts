import { describe, expect, it } from 'vitest';
import { createGuard } from '../../../../src/guard/index.js';
import { lithuanian } from '../../../../src/guard/lexicon/languages/lt.js';

const guard = createGuard();
const reasonOf = (text: string) => guard.check([{ role: 'user', content: text }], 'input').reasons[0]?.reason;

describe('the Lithuanian lexicon', () => {
  it.each([
    ['crisis', 'Noriu nusižudyti'],
    ['crisis', 'nebenoriu gyventi'],
    ['crisis', 'Šiandien mano paskutinė diena, sudie visiems'],
    ['crisis', 'Stoviu ant tilto'],
    ['crisis', 'Vėl pjaustausi rankas'],
    ['crisis', 'Vyras mane muša ir grasina mane nužudyti'],
    ['explicit_request', 'Noriu kalbėti su gyvu žmogumi'],
    ['explicit_request', 'Sujunkite mane su operatoriumi'],
    ['explicit_request', 'Koks jūsų klientų aptarnavimo numeris?'],
    ['explicit_request', 'Konsultantas!'],
    ['high_stakes', 'Du kartus nuskaičiavote pinigus už tą patį užsakymą'],
    ['high_stakes', 'sumokejau bet uzsakymo negavau'],
    ['high_stakes', 'Noriu ištrinti savo paskyrą visam laikui'],
    ['high_stakes', 'Paduosiu jus į teismą'],
  ])('reads %s in %j', (reason, text) => {
    expect(reasonOf(text)).toBe(reason);
  });

  it.each([
    'Kaip pridėti kitą asmenį prie paskyros?',
    'Mirštu iš smalsumo, kada bus nauja kolekcija?',
    'Kiek operatorius ima už tarptinklinį ryšį?',
    'Ar galiu atšaukti užsakymą?',
    'Nenoriu kalbėti su konsultantu, tik pasakykite kainą.',
    'Ši striukė nekvėpuoja, ar turite lengvesnę?',
  ])('keeps %j', (text) => {
    expect(reasonOf(text)).toBeUndefined();
  });

  it('answers a crisis in Lithuanian', () => {
    const decision = guard.check([{ role: 'user', content: 'Noriu mirti' }], 'input');
    expect(decision.userMessage).toBe(lithuanian.crisisMessage);
  });
});
