import { guardPattern } from './guard-pattern.js';

/**
 * Greetings, thanks, farewells and one-word acknowledgements in the supported languages. Such
 * messages are never out of scope and never a repeated question. A trailing `+` repeats the last
 * letter (`hmm+`: hmm, hmmm, ...).
 */
const phrases = [
  ...['hi', 'hii+', 'hello', 'hey', 'heya', 'hiya', 'yo', 'greetings', 'howdy'],
  ...['good morning', 'good afternoon', 'good evening', 'good day'],
  ...['thank', 'thanks', 'thank you', 'thank u', 'thx', 'ty', 'cheers', 'many thanks', 'thanks a lot'],
  ...['much appreciated', 'appreciate it', 'great', 'perfect'],
  ...['ok', 'okay', 'k', 'kk', 'sure', 'yes', 'yeah', 'yep', 'yup', 'no', 'nope', 'nah', 'alright', 'all right'],
  ...['fine', 'cool', 'nice', 'got it', 'understood', 'i see'],
  ...['bye', 'goodbye', 'bye bye', 'see you', 'see ya', 'later', 'thats all', "that's all", 'that is all'],
  ...['nothing else', 'no thanks', 'no thank you'],
  ...['hola', 'buenos dias', 'buenas tardes', 'buenas noches', 'gracias', 'muchas gracias', 'adios', 'si', 'vale'],
  ...['ola', 'oi', 'bom dia', 'boa tarde', 'boa noite', 'obrigado', 'obrigada', 'muito obrigado', 'muito obrigada'],
  ...['tchau', 'sim'],
  ...['bonjour', 'bonsoir', 'salut', 'merci', 'merci beaucoup', 'au revoir', 'oui', "d'accord"],
  ...['hallo', 'guten morgen', 'guten tag', 'guten abend', 'servus', 'moin', 'danke', 'danke schon', 'vielen dank'],
  ...['tschuss', 'ja', 'nein'],
  ...['how are you', 'how are you doing', 'hows it going', "how's it going", 'whats up', "what's up", 'sup'],
  ...['you there', 'are you there', 'anyone there'],
  ...['good', 'awesome', 'excellent', 'wonderful', 'amazing', 'lol', 'haha', 'hmm+', 'please', 'pls'],
];

/** Words that may follow a phrase after whitespace, up to three of them: "thanks so much", "hi there bot". */
const addressees = [
  ...['there', 'so much', 'very much', 'again', 'a lot', 'bot', 'friend', 'mate', 'guys'],
  ...['team', 'you', 'then', 'now'],
];
const maxAddressees = 3;

/** What may stand between and after phrases. No phrase or addressee starts or ends with one of these. */
const separator = guardPattern(/[\s!.?,:)(;-]/);
const whitespace = guardPattern(/\s/);

/** Phrases by first character; `repeats` when the last character may repeat. */
const phrasesByStart = new Map<string, { text: string; repeats: boolean }[]>();
for (const phrase of phrases) {
  const repeats = phrase.endsWith('+');
  const text = repeats ? phrase.slice(0, -1) : phrase;
  const list = phrasesByStart.get(text[0]!) ?? [];
  list.push({ text, repeats });
  phrasesByStart.set(text[0]!, list);
}

/** State bits per position: a phrase may start here; a phrase (then `k` addressees) ended here. */
const phraseStart = 1;
const afterAddressees = (k: number) => 2 << k;
const afterPhrase = 0b11110;

/**
 * True when the text is a sequence of phrases, each followed by up to three addressees (each after
 * whitespace) and then any separators; phrases may also follow each other directly ("kk").
 *
 * It walks the text once, keeping for each position the states it can be reached in (at most five),
 * so its time is linear in the length of the text. A regular expression of the same alternatives
 * backtracks exponentially, trying every split of "bye bye bye ... card".
 */
function isPhraseSequence(text: string): boolean {
  const n = text.length;
  const states = new Uint8Array(n + 1);
  states[0] = phraseStart;
  let reach = 0;
  for (let p = 0; p <= reach; p++) {
    const here = states[p]!;
    if (here & afterPhrase) {
      // Phrases and addressees end in a letter, so a run of separators is only ever scanned from its start.
      let end = p;
      while (end < n && separator.test(text[end]!)) end++;
      if (end === n) return true;
      states[end]! |= phraseStart;
      reach = Math.max(reach, end);
      let word = p;
      while (word < n && whitespace.test(text[word]!)) word++;
      if (word > p) {
        for (let k = 0; k < maxAddressees; k++) {
          if (!(here & afterAddressees(k))) continue;
          for (const addressee of addressees) {
            if (!text.startsWith(addressee, word)) continue;
            states[word + addressee.length]! |= afterAddressees(k + 1);
            reach = Math.max(reach, word + addressee.length);
          }
        }
      }
    }
    if (!(states[p]! & phraseStart) || p === n) continue;
    for (const { text: phrase, repeats } of phrasesByStart.get(text[p]!) ?? []) {
      if (!text.startsWith(phrase, p)) continue;
      let end = p + phrase.length;
      states[end]! |= afterAddressees(0);
      // Each run of a repeated letter follows one start of its phrase, so it is walked once.
      while (repeats && text[end] === phrase[phrase.length - 1]) states[++end]! |= afterAddressees(0);
      reach = Math.max(reach, end);
    }
  }
  return false;
}

/** True when the normalized text is only smalltalk (greeting, thanks, yes/no, goodbye). */
export function isSmalltalk(normalized: string): boolean {
  return normalized.length === 0 || isPhraseSequence(normalized);
}
