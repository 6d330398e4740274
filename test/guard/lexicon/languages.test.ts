import { describe, expect, it } from 'vitest';
import { createLexiconDetector } from '../../../src/guard/detectors/lexicon-detector.js';
import { builtInLexicons } from '../../../src/guard/lexicon/languages.js';
import { lexiconCategories } from '../../../src/guard/lexicon/lexicon.js';
import { tokenizeWithOffsets } from '../../../src/guard/lexicon/lexicon-matcher.js';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';

const languages = [
  'en',
  'es',
  'pt',
  'fr',
  'de',
  'it',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'tr',
  'ru',
  'uk',
  'ar',
  'hi',
  'id',
  'vi',
  'th',
  'zh',
  'ja',
  'ko',
  'sr',
  'lt',
  'kk',
];
const unspaced = ['zh', 'ja', 'th'];

/** Every phrase of every built-in lexicon, with where it comes from. */
const phrases = builtInLexicons.flatMap((lexicon) =>
  lexiconCategories.flatMap((category) =>
    (lexicon[category] ?? []).map((phrase) => ({
      language: lexicon.language,
      script: lexicon.script,
      category,
      phrase,
    })),
  ),
);

describe('builtInLexicons', () => {
  it('has exactly the built-in languages, each code once', () => {
    const codes = builtInLexicons.map((lexicon) => lexicon.language);
    expect([...codes].sort()).toEqual([...languages].sort());
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toHaveLength(languages.length);
  });

  it('marks Chinese, Japanese and Thai unspaced and the others spaced', () => {
    for (const lexicon of builtInLexicons) {
      expect(lexicon.script, lexicon.language).toBe(unspaced.includes(lexicon.language) ? 'unspaced' : 'spaced');
    }
  });

  it.each(builtInLexicons.map((lexicon) => [lexicon.language, lexicon] as const))(
    '%s has enough crisis phrases, person phrases, contact channels and a crisis message',
    (_, lexicon) => {
      expect(lexicon.crisis.length).toBeGreaterThanOrEqual(40);
      expect(lexicon.person.length).toBeGreaterThanOrEqual(20);
      expect(lexicon.contactChannels.length).toBeGreaterThanOrEqual(10);
      expect(lexicon.crisisMessage.trim().length).toBeGreaterThan(0);
      expect(lexicon.name.trim().length).toBeGreaterThan(0);
    },
  );

  it('has a different crisis message in every language', () => {
    const messages = builtInLexicons.map((lexicon) => lexicon.crisisMessage);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('uses no `*` in unspaced lexicons', () => {
    const starred = phrases.filter((entry) => entry.script === 'unspaced' && entry.phrase.includes('*'));
    expect(starred.map((entry) => `${entry.language} ${entry.category}: ${entry.phrase}`)).toEqual([]);
  });

  it('has no empty phrase and none that normalises to nothing', () => {
    const empty = phrases.filter((entry) => {
      const bare = entry.phrase.replace(/[*…]/g, ' ');
      if (bare.trim().length === 0) return true;
      const normalized = normalizeText(bare);
      if (entry.script === 'unspaced') return normalized.replace(/\s+/g, '').length === 0;
      return tokenizeWithOffsets(normalized).tokens.length === 0;
    });
    expect(empty.map((entry) => `${entry.language} ${entry.category}: ${JSON.stringify(entry.phrase)}`)).toEqual([]);
  });

  it('escalates every plain crisis phrase said on its own as a crisis', () => {
    const detect = createLexiconDetector({ lexicons: builtInLexicons });
    const failures: string[] = [];
    let checked = 0;
    for (const lexicon of builtInLexicons) {
      for (const phrase of lexicon.crisis) {
        if (phrase.includes('…') || phrase.includes('*')) continue;
        checked++;
        const signals = detect([{ role: 'user', content: phrase }], { phase: 'input' });
        if (!signals.some((signal) => signal.reason === 'crisis')) failures.push(`${lexicon.language}: ${phrase}`);
      }
    }
    if (failures.length > 0) console.log(`crisis phrases not escalated:\n${failures.join('\n')}`);
    expect(checked).toBeGreaterThan((20 * 40) / 2);
    expect(failures).toEqual([]);
  });
});
