import { words as splitWords } from '../text/words.js';

/** Languages {@link guessLanguage} can tell apart. */
export const guessableLanguages = ['en', 'es', 'pt', 'fr', 'de'] as const;

const markers: Record<(typeof guessableLanguages)[number], readonly string[]> = {
  en: ['the', 'and', 'is', 'my', 'i', 'you', 'to', 'it', 'not', 'with', 'please', 'what', 'how', 'was', 'have'],
  es: ['el', 'la', 'los', 'que', 'y', 'es', 'mi', 'por', 'para', 'con', 'no', 'pero', 'quiero', 'cómo', 'qué', 'está'],
  pt: [
    'o',
    'a',
    'os',
    'que',
    'e',
    'é',
    'meu',
    'minha',
    'não',
    'com',
    'para',
    'por',
    'quero',
    'você',
    'está',
    'obrigado',
  ],
  fr: ['le', 'la', 'les', 'et', 'est', 'je', 'mon', 'ma', 'pas', 'avec', 'pour', 'vous', 'que', 'une', 'merci', "j'ai"],
  de: ['der', 'die', 'das', 'und', 'ist', 'ich', 'mein', 'meine', 'nicht', 'mit', 'für', 'sie', 'ein', 'eine', 'bitte'],
};

/**
 * Guesses the language of customer text from common function words, for when the caller
 * does not know it. Returns `fallback` when nothing stands out. A cheap heuristic for the
 * five languages Handrail's messages speak, not a language detector.
 */
export function guessLanguage(text: string, fallback = 'en'): string {
  const words = splitWords(text.toLowerCase());
  let best = fallback;
  let bestScore = 0;
  for (const language of guessableLanguages) {
    const marker = new Set(markers[language]);
    const score = words.filter((word) => marker.has(word)).length;
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}
