import type { EvalCase } from './eval-case.js';

/**
 * The ways users disguise words, on purpose or not, that the guard must see through. Each is a
 * deterministic rewrite of a message, so a suite's obfuscated variants are the same on every run.
 */
export const obfuscationKinds = [
  'zero-width',
  'spaced-letters',
  'hyphenated-letters',
  'leetspeak',
  'cyrillic-look-alikes',
  'stretched-letters',
  'emoji-between-words',
  'full-width',
] as const;

export type ObfuscationKind = (typeof obfuscationKinds)[number];

const word = /[\p{L}\p{M}\p{N}]+/gu;
const latinWord = /^[a-z]+$/i;

const leet: Readonly<Record<string, string>> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };
const cyrillic: Readonly<Record<string, string>> = {
  a: '\u0430',
  c: '\u0441',
  e: '\u0435',
  o: '\u043e',
  p: '\u0440',
  x: '\u0445',
  y: '\u0443',
  i: '\u0456',
};

/** The longest word of the text (first of equals), which carries the meaning more often than not. */
function longestWord(text: string): string | undefined {
  let longest: string | undefined;
  for (const match of text.matchAll(word)) if (!longest || match[0].length > longest.length) longest = match[0];
  return longest;
}

/** Rewrites every Latin word of four letters or more with `rewrite`. */
function eachLongWord(text: string, rewrite: (token: string) => string): string {
  return text.replace(word, (token) => (token.length >= 4 && latinWord.test(token) ? rewrite(token) : token));
}

/** Scripts whose characters are syllables or words: spacing them out is how they are written, not a disguise. */
const syllabic = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The letters of a word as a reader sees them (a letter with its vowel signs is one). */
function letters(token: string): string[] {
  return [...graphemes.segment(token)].map((segment) => segment.segment);
}

/** Rewrites only the longest word with `rewrite` (spelling every word out would run them together). */
function longestOnly(text: string, rewrite: (token: string) => string): string {
  const target = longestWord(text);
  // A word of one or two letters spelled out is no disguise.
  if (!target || letters(target).length < 3 || syllabic.test(target)) return text;
  const at = text.indexOf(target);
  return text.slice(0, at) + rewrite(target) + text.slice(at + target.length);
}

/** One message disguised in the way `kind` names. */
export function obfuscateText(text: string, kind: ObfuscationKind): string {
  switch (kind) {
    case 'zero-width':
      return text.replace(word, (token) =>
        token.length >= 4 ? `${token.slice(0, 2)}\u200b${token.slice(2, -1)}\u00ad${token.slice(-1)}` : token,
      );
    case 'spaced-letters':
      return longestOnly(text, (token) => letters(token).join(' '));
    case 'hyphenated-letters':
      return longestOnly(text, (token) => letters(token).join('-'));
    case 'leetspeak':
      return eachLongWord(text, (token) => {
        // One letter a word, as people type it ("hum4n", "p3rson"), never the first.
        const index = [...token].findIndex((character, position) => position > 0 && character.toLowerCase() in leet);
        if (index < 0) return token;
        return token.slice(0, index) + leet[token[index]!.toLowerCase()]! + token.slice(index + 1);
      });
    case 'cyrillic-look-alikes':
      return eachLongWord(text, (token) => token.replace(/[aceopxyi]/g, (letter) => cyrillic[letter] ?? letter));
    case 'stretched-letters':
      return longestOnly(text, (token) => token.replace(/[aeiouy]/i, (vowel) => vowel.repeat(4)));
    case 'emoji-between-words':
      return text.replace(/ +/g, ' 🙏 ');
    case 'full-width':
      return text.replace(/[!-~]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));
  }
}

/** The case with every user message disguised; its id and source say how. */
export function obfuscateCase(evalCase: EvalCase, kind: ObfuscationKind): EvalCase {
  return {
    ...evalCase,
    id: `${evalCase.id}~${kind}`,
    source: `${evalCase.source ?? 'unknown'}~${kind}`,
    messages: evalCase.messages.map((message) =>
      message.role === 'user' ? { ...message, content: obfuscateText(message.content, kind) } : message,
    ),
  };
}
