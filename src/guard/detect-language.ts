import { normalizeText } from './text/normalize-text.js';
import { tokenize } from './text/tokenize.js';

const markers: Record<string, readonly string[]> = {
  en: [
    'the',
    'and',
    'is',
    'to',
    'my',
    'i',
    'you',
    'what',
    'how',
    'with',
    'please',
    'can',
    'want',
    'this',
    'not',
    'of',
    'a',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'de',
    'que',
    'y',
    'en',
    'mi',
    'por',
    'con',
    'quiero',
    'como',
    'una',
    'es',
    'no',
    'hablar',
    'cuenta',
    'gracias',
    'necesito',
    'para',
    'pero',
    'esta',
    'hola',
  ],
  pt: [
    'o',
    'os',
    'de',
    'que',
    'e',
    'em',
    'meu',
    'minha',
    'com',
    'quero',
    'como',
    'uma',
    'um',
    'nao',
    'falar',
    'conta',
    'obrigado',
    'preciso',
    'para',
    'voce',
    'esta',
    'ola',
    'com',
    'isso',
  ],
  fr: [
    'le',
    'la',
    'les',
    'de',
    'et',
    'je',
    'vous',
    'mon',
    'ma',
    'est',
    'pas',
    'avec',
    'un',
    'une',
    'pour',
    'parler',
    'merci',
    'compte',
    'bonjour',
    'veux',
    'ne',
    'des',
    'du',
    'que',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ich',
    'sie',
    'mein',
    'meine',
    'ist',
    'nicht',
    'mit',
    'ein',
    'eine',
    'bitte',
    'danke',
    'konto',
    'sprechen',
    'hallo',
    'zu',
    'auf',
    'mochte',
    'den',
    'fur',
    'kann',
  ],
};

const markerSets = Object.fromEntries(Object.entries(markers).map(([language, words]) => [language, new Set(words)]));

/**
 * Best-effort language of a message from function words and accents: `en`, `es`, `pt`, `fr` or
 * `de`. Defaults to `en` when nothing points elsewhere.
 */
export function detectLanguage(text: string): 'en' | 'es' | 'pt' | 'fr' | 'de' | (string & {}) {
  const tokens = tokenize(normalizeText(text));
  const scores: Record<string, number> = { en: 0.5, es: 0, pt: 0, fr: 0, de: 0 };
  for (const token of tokens) {
    for (const [language, set] of Object.entries(markerSets)) if (set.has(token)) scores[language]! += 1;
  }
  const lower = text.toLowerCase();
  if (/[ñ¿¡]/.test(lower)) scores.es! += 2;
  if (/[ãõç]|ção|ções/.test(lower)) scores.pt! += 2;
  if (/[èêëàâîôûœ]|\b(?:c'est|j'ai|n'est|qu'|l'|d')/.test(lower)) scores.fr! += 2;
  if (/[äöüß]/.test(lower)) scores.de! += 2;
  let best = 'en';
  for (const [language, score] of Object.entries(scores)) if (score > scores[best]!) best = language;
  return best;
}
