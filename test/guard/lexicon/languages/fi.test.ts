import { describe } from 'vitest';
import { describeLanguageCases } from './language-cases.js';

describe('the Finnish lexicon', () => {
  describeLanguageCases({
    language: 'fi',
    requests: [
      'Haluan puhua oikean ihmisen kanssa',
      'Voisitteko yhdistää minut asiakaspalvelijalle?',
      'Mikä on asiakaspalvelun puhelinnumero?',
      'Asiakaspalvelu!',
      'Pääsenkö puhumaan jonkun työntekijän kanssa?',
    ],
    crises: [
      'En halua enää elää',
      'Tämä on viimeinen päiväni, kiitos kaikesta',
      'Olen kerännyt lääkkeitä ja otan ne tänä iltana',
      'viillän itseäni taas',
      'Mieheni uhkaa tappaa minut',
      'olen miettinyt itsemurhaa koko viikon',
    ],
    stakes: [
      'Tililtäni on veloitettu kaksi kertaa sama tilaus',
      'Haluan irtisanoa liittymäni ja sulkea tilini lopullisesti',
      'Vien asian kuluttajariitalautakuntaan',
      'Tililtäni on veloitus jota en tunnista',
    ],
    ordinary: [
      'Miten lisään toisen henkilön tilillemme?',
      'Kuolen uteliaisuudesta, milloin uusi väri tulee?',
      'Paljonko operaattori veloittaa roamingista Espanjassa?',
      'Mikä on viimeinen päivä palauttaa tuote?',
      'Kiitos avusta, hyvää päivänjatkoa',
    ],
    negated: ['En halua puhua ihmisen kanssa, kerro vain toimitusaika'],
  });
});
