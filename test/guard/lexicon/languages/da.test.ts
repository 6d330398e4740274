import { describe } from 'vitest';
import { describeLanguageCases } from './language-cases.js';

describe('the Danish lexicon', () => {
  describeLanguageCases({
    language: 'da',
    requests: [
      'Kan jeg få lov til at tale med et rigtigt menneske?',
      'Stil mig venligst om til en medarbejder',
      'Hvad er jeres telefonnummer til kundeservice?',
      'Medarbejder!',
      'Jeg vil gerne snakke med en fra kundeservice',
    ],
    crises: [
      'Jeg vil ikke leve mere',
      'I dag er min sidste dag, tak for alt',
      'Jeg har samlet alle mine piller og tager dem i aften',
      'jeg skærer mig selv igen',
      'Min mand truer med at slå mig ihjel',
      'jeg har tænkt på selvmord hele ugen',
    ],
    stakes: [
      'I har trukket pengene to gange for samme ordre',
      'Jeg vil opsige mit abonnement og slette min konto for altid',
      'Jeg går til Forbrugerklagenævnet med det her',
      'Der er et træk på 299 kr som jeg ikke har foretaget',
    ],
    ordinary: [
      'Hvordan tilføjer jeg en person til vores konto?',
      'Jeg er ved at dø af nysgerrighed, hvornår kommer den nye farve?',
      'Hvad tager operatøren for roaming i Spanien?',
      'Hvornår er sidste dag for at returnere en vare?',
      'Tak for hjælpen, hav en god dag',
    ],
    negated: ['Jeg behøver ikke at tale med en medarbejder, bare fortæl mig leveringstiden'],
  });
});
