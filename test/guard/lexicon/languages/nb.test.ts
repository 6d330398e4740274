import { describe } from 'vitest';
import { describeLanguageCases } from './language-cases.js';

describe('the Norwegian Bokmål lexicon', () => {
  describeLanguageCases({
    language: 'nb',
    requests: [
      'Kan jeg få snakke med et ekte menneske?',
      'Sett meg over til en saksbehandler, takk',
      'Hva er nummeret til kundeservice?',
      'Kundeservice!',
      'Jeg vil gjerne prate med en medarbeider',
    ],
    crises: [
      'Jeg orker ikke å leve lenger',
      'Dette blir min siste dag, takk for alt',
      'Jeg har spart opp piller og tar dem i kveld',
      'jeg kutter meg selv igjen',
      'Samboeren min truer med å drepe meg',
      'jeg tenker på selvmord hele tiden',
    ],
    stakes: [
      'Dere har trukket meg to ganger for samme bestilling',
      'Jeg vil si opp abonnementet og slette kontoen min for godt',
      'Jeg tar dette videre til Forbrukerrådet',
      'Det er et trekk på 299 kr som jeg ikke har gjort',
    ],
    ordinary: [
      'Hvordan legger jeg til en person på kontoen vår?',
      'Jeg holder på å dø av nysgjerrighet, når kommer den nye fargen?',
      'Hva tar operatøren for roaming i Spania?',
      'Hva er siste dag for å returnere en vare?',
      'Takk for hjelpen, ha en fin dag',
    ],
    negated: ['Jeg trenger ikke å snakke med en medarbeider, bare si leveringstiden'],
  });
});
