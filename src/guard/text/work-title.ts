import { guardPattern } from './guard-pattern.js';

/**
 * Words that say a message is about a film, show, song, game or book: showtimes, tickets, the
 * cinema, a trailer, an episode, lyrics, a soundtrack (normalized text; English, Spanish,
 * Portuguese, French, German, Italian, Dutch).
 */
const workCue = guardPattern(
  /\b(?:movies?|films?|filme|filmes|cinemas?|cine|kino|bioscoop|showtimes?|show ?times|screenings?|sessions?|sessao|seance|vorstellung|trailers?|episodes?|episodios?|seasons?|temporada|staffel|series|serie|soundtrack|songs?|lyrics|album|cancion|musica|chanson|lied|canzone|video ?games?|games?|juego|jogo|jeu|spiel|novel|book|libro|livro|livre|buch|netflix|imax|cineworld|odeon|amc|vue|blu-?ray|dvd|streaming|stream|tickets?|entradas|ingressos|billets?|karten|biglietti|kaartjes|playing|on at|tonight at)\b/g,
);

/** First-person words: a phrase with one of them is about the writer, never a title. */
const firstPerson = guardPattern(
  /\b(?:i|me|my|myself|mine|i'm|im|i've|ive|yo|mi|eu|moi|je|j'ai|ich|mich|mir|io|ik|mij)\b/,
);

/** The languages the cues are words of ("song" is Vietnamese for "live"). */
const cueLanguages = new Set(['en', 'es', 'pt', 'fr', 'de', 'it', 'nl']);

/** How far a cue may be from the words, in characters of normalized text (about six words). */
const reach = 40;

/**
 * True when the words at `start`..`end` of the normalized text are most likely the title of a work
 * ("showtimes for Suicide Squad tonight", "the Kill Bill soundtrack"): a film, show, song, game or
 * book cue lies within a few words, and the words themselves say nothing of the writer ("kill
 * myself" is never a title). A crisis said beside a title ("after that film I want to die") is
 * matched by its own words, which this does not excuse. Only for the words of `language`, one of
 * the cues' languages.
 */
export function isWorkTitle(text: string, start: number, end: number, language = 'en'): boolean {
  if (!cueLanguages.has(language) || firstPerson.test(text.slice(start, end))) return false;
  const from = Math.max(0, start - reach);
  const to = Math.min(text.length, end + reach);
  const window = text.slice(from, to);
  for (const cue of window.matchAll(workCue)) {
    const at = from + (cue.index ?? 0);
    if (at + cue[0].length <= start || at >= end) return true;
  }
  return false;
}
