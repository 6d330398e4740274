import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LexiconCategory } from '../../../src/guard/lexicon/lexicon.js';
import { type LexiconHit, LexiconMatcher, tokenizeWithOffsets } from '../../../src/guard/lexicon/lexicon-matcher.js';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';
import { testLexicon as lexicon } from './test-lexicon.js';

function matchText(matcher: LexiconMatcher, text: string): LexiconHit[] {
  return matcher.match(tokenizeWithOffsets(normalizeText(text)));
}

/** The phrases found in `text` by a matcher over one spaced lexicon of the given crisis phrases. */
function phrasesIn(phrases: readonly string[], text: string): string[] {
  return matchText(new LexiconMatcher([lexicon('en', 'spaced', { crisis: phrases })]), text).map((hit) => hit.phrase);
}

describe('tokenizeWithOffsets', () => {
  it('cuts letters, digits and inner apostrophes into words with their offsets', () => {
    const text = "'hello' it's  order 42, d'accord";
    const { tokens } = tokenizeWithOffsets(text);
    expect(tokens.map((token) => token.word)).toEqual(['hello', "it's", 'order', '42', "d'accord"]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.word);
    expect(tokens[0]).toEqual({ word: 'hello', start: 1, end: 6 });
    expect(tokens[3]).toEqual({ word: '42', start: 20, end: 22 });
  });

  it('keeps combining marks inside a word and drops punctuation-only runs', () => {
    const { tokens } = tokenizeWithOffsets('मुझे मदद चाहिए !!! ... --');
    expect(tokens.map((token) => token.word)).toEqual(['मुझे', 'मदद', 'चाहिए']);
    expect(tokenizeWithOffsets("'' ... !!").tokens).toEqual([]);
  });

  it('returns the text it was given', () => {
    expect(tokenizeWithOffsets('talk to someone').text).toBe('talk to someone');
  });
});

describe('LexiconMatcher: spaced phrases', () => {
  it('matches exact words in order, whole words only', () => {
    expect(phrasesIn(['talk to'], 'can I talk to someone')).toEqual(['talk to']);
    expect(phrasesIn(['talk to'], 'I was talking to someone')).toEqual([]);
    expect(phrasesIn(['talk to'], 'I want to talk')).toEqual([]);
    expect(phrasesIn(['talk to'], 'talk about it to them')).toEqual([]);
    expect(phrasesIn(['agent'], 'the agents were busy')).toEqual([]);
  });

  it('matches words across punctuation, which is no token', () => {
    expect(phrasesIn(['talk to'], 'talk, to someone')).toEqual(['talk to']);
  });

  it('matches a `*` word as a prefix of a word, including the bare prefix', () => {
    for (const text of ['suicidal thoughts', 'thinking of suicide', 'suicid']) {
      expect(phrasesIn(['suicid*'], text)).toEqual(['suicid*']);
    }
    expect(phrasesIn(['suicid*'], 'presuicidal')).toEqual([]);
    expect(phrasesIn(['suicid*'], 'suici')).toEqual([]);
  });

  it('applies `*` to its own word only', () => {
    expect(phrasesIn(['customer serv*'], 'your customer services team')).toEqual(['customer serv*']);
    expect(phrasesIn(['customer serv*'], 'your customers service team')).toEqual([]);
    expect(phrasesIn(['kill* myself'], 'thinking of killing myself')).toEqual(['kill* myself']);
    expect(phrasesIn(['kill* myself'], 'thinking of killing myselfish')).toEqual([]);
  });

  it('lets `…` skip up to three words and no more', () => {
    const phrase = ['want … die'];
    expect(phrasesIn(phrase, 'i want die')).toEqual(phrase);
    expect(phrasesIn(phrase, 'i want to die')).toEqual(phrase);
    expect(phrasesIn(phrase, 'i want to just die')).toEqual(phrase);
    expect(phrasesIn(phrase, 'i want to just simply die')).toEqual(phrase);
    expect(phrasesIn(phrase, 'i want to just really simply die')).toEqual([]);
    expect(phrasesIn(phrase, 'die want')).toEqual([]);
  });

  it('combines `…` with `*` and with several gaps', () => {
    expect(phrasesIn(["don't … need*"], "i don't really need it")).toEqual(["don't … need*"]);
    const twoGaps = ['card … stolen … yesterday'];
    expect(phrasesIn(twoGaps, 'my card was stolen on the bus yesterday')).toEqual(twoGaps);
    expect(phrasesIn(twoGaps, 'my card was stolen on the city bus yesterday')).toEqual([]);
  });

  it('finds a match after a gap even when a nearer word would lead nowhere', () => {
    // The first "stolen" is too far from "yesterday"; the second is near enough.
    const twoGaps = ['card … stolen … yesterday'];
    expect(phrasesIn(twoGaps, 'card stolen, she said, stolen again yesterday')).toEqual(twoGaps);
  });

  it('reports offsets in the normalized text and the first and last token', () => {
    const matcher = new LexiconMatcher([lexicon('en', 'spaced', { contactVerbs: ['talk … someone'] })]);
    const input = tokenizeWithOffsets(normalizeText('  Can I   TALK to Someone?  '));
    expect(input.text).toBe('can i talk to someone?');
    const [hit] = matcher.match(input);
    expect(hit).toEqual({
      language: 'en',
      category: 'contactVerbs',
      phrase: 'talk … someone',
      start: 6,
      end: 21,
      firstToken: 2,
      lastToken: 4,
    });
    expect(input.text.slice(hit!.start, hit!.end)).toBe('talk to someone');
  });

  it('normalises accents, case and apostrophes on both sides', () => {
    const matcher = new LexiconMatcher([
      lexicon('pt', 'spaced', { moneyTaken: ['Não RECEBI'], closure: ['cancelar conta'] }),
      lexicon('de', 'spaced', { person: ['straße'], negations: ['don’t … need*'] }),
    ]);
    const phrases = (text: string) => matchText(matcher, text).map((hit) => hit.phrase);
    expect(phrases('nao recebi o reembolso')).toEqual(['Não RECEBI']);
    expect(phrases('NÃO Recebí')).toEqual(['Não RECEBI']);
    expect(phrases('Quero CANCELAR a minha CÓNTA? não, cancelar cônta')).toEqual(['cancelar conta']);
    expect(phrases('Die STRASSE')).toEqual(['straße']);
    expect(phrases("I DON'T need it")).toEqual(['don’t … need*']);
  });

  it('tags each hit with the language and category it came from, the phrase as written', () => {
    const matcher = new LexiconMatcher([
      lexicon('en', 'spaced', { person: ['agent'], bot: ['agent'] }),
      lexicon('fr', 'spaced', { person: ['Agent'] }),
    ]);
    const hits = matchText(matcher, 'an agent please');
    expect(hits.map((hit) => `${hit.language}:${hit.category}:${hit.phrase}`).sort()).toEqual([
      'en:bot:agent',
      'en:person:agent',
      'fr:person:Agent',
    ]);
  });

  it('reports at most eight occurrences of one phrase per text, the first ones', () => {
    const matcher = new LexiconMatcher([lexicon('en', 'spaced', { frustration: ['useless', 'so … bad*'] })]);
    const text = `${'useless '.repeat(12)}${'so very bad '.repeat(10)}`;
    const hits = matchText(matcher, text);
    const useless = hits.filter((hit) => hit.phrase === 'useless');
    const bad = hits.filter((hit) => hit.phrase === 'so … bad*');
    expect(useless.map((hit) => hit.firstToken)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(bad.map((hit) => hit.firstToken)).toEqual([12, 15, 18, 21, 24, 27, 30, 33]);
    expect(bad[0]).toMatchObject({ firstToken: 12, lastToken: 14 });
  });

  it('skips phrases that normalise to no word and trims a `…` at either end', () => {
    const matcher = new LexiconMatcher([lexicon('en', 'spaced', { crisis: ['!!!', '…', '… help …'] })]);
    const hits = matchText(matcher, 'please help me');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ phrase: '… help …', firstToken: 1, lastToken: 1, start: 7, end: 11 });
  });

  it('finds nothing in an empty text or with no lexicons', () => {
    expect(matchText(new LexiconMatcher([lexicon('en', 'spaced', { crisis: ['help'] })]), '')).toEqual([]);
    expect(matchText(new LexiconMatcher([]), 'help me please')).toEqual([]);
  });
});

describe('LexiconMatcher: unspaced phrases', () => {
  const zh = lexicon('zh', 'unspaced', { person: ['人工客服'], contactVerbs: ['转…人工'] });
  const matcher = new LexiconMatcher([zh]);

  it('matches a run of characters anywhere, with character offsets and no tokens', () => {
    const hits = matchText(matcher, '我要人工客服');
    expect(hits).toEqual([
      {
        language: 'zh',
        category: 'person',
        phrase: '人工客服',
        start: 2,
        end: 6,
        firstToken: -1,
        lastToken: -1,
      },
    ]);
  });

  it('normalises full-width forms before matching', () => {
    const latin = new LexiconMatcher([lexicon('ja', 'unspaced', { person: ['ＶＩＰ窓口'] })]);
    expect(matchText(latin, 'vip窓口はどこ').map((hit) => hit.phrase)).toEqual(['ＶＩＰ窓口']);
  });

  it('lets `…` skip up to six characters and no more', () => {
    const phrases = (text: string) => matchText(matcher, text).map((hit) => hit.phrase);
    expect(phrases('转人工')).toEqual(['转…人工']);
    expect(phrases('请帮我转接到人工')).toEqual(['转…人工']);
    expect(phrases('转一二三四五六人工')).toEqual(['转…人工']);
    expect(phrases('转一二三四五六七人工')).toEqual([]);
    const [hit] = matchText(matcher, '帮我转接到人工吧');
    expect(hit).toMatchObject({ start: 2, end: 7 });
  });

  it('tries every place the first segment stands', () => {
    // The first 转 is too far from 人工; the second is close enough.
    expect(matchText(matcher, '转一二三四五六七转人工').map((hit) => hit.phrase)).toEqual(['转…人工']);
  });

  // The phrase syntax allows up to six characters at each `…`, but the matcher takes the nearest
  // middle segment and never tries a later one: 我(想)一二三四五想一二三四五六死 has 我, then 想
  // after five characters, then 死 after six more, yet it is missed because the first 想 is used.
  // No built-in unspaced phrase has two gaps today, so this is latent.
  it('backtracks over a middle segment of a phrase with two gaps', () => {
    const twoGaps = new LexiconMatcher([lexicon('zh', 'unspaced', { crisis: ['我…想…死'] })]);
    expect(matchText(twoGaps, '我想一二三四五想一二三四五六死')).toHaveLength(1);
  });

  it('reports an unspaced phrase at most eight times per text', () => {
    const hits = matchText(matcher, '人工客服'.repeat(20));
    const person = hits.filter((hit) => hit.phrase === '人工客服');
    expect(person.length).toBeGreaterThanOrEqual(1);
    expect(person.length).toBeLessThanOrEqual(8);
  });

  it('searches unspaced phrases only in a text with Han, kana or Thai', () => {
    const vip = new LexiconMatcher([lexicon('zh', 'unspaced', { person: ['vip'] })]);
    const found = (text: string) => matchText(vip, text).length > 0;
    expect(found('vip please')).toBe(false);
    expect(found('vip 고객')).toBe(false);
    expect(found('vip, пожалуйста')).toBe(false);
    expect(found('vip 客服')).toBe(true);
    expect(found('vip です')).toBe(true);
    expect(found('vip カード')).toBe(true);
    expect(found('vip ครับ')).toBe(true);
  });

  it('matches spaced and unspaced lexicons side by side', () => {
    const both = new LexiconMatcher([lexicon('en', 'spaced', { person: ['agent'] }), zh]);
    const hits = matchText(both, 'agent 人工客服');
    expect(hits.map((hit) => [hit.language, hit.firstToken])).toEqual([
      ['en', 0],
      ['zh', -1],
    ]);
  });
});

/** Words of the property test: no single letters, digits or tripled letters, which normalisation would change. */
const alphabet = ['ab', 'ba', 'abc', 'cab', 'bca'] as const;
const prefixes = ['a', 'ab', 'b', 'ca', 'bc'] as const;

interface WordSpec {
  word: string;
  prefix: boolean;
}
/** A phrase as a list of words, each followed (except the last) by a gap or not. */
interface PhraseSpec {
  words: WordSpec[];
  gaps: boolean[];
}

const accented: Readonly<Record<string, string>> = { a: 'á', b: 'B', c: 'ç' };
/** Writes a word with its first letter accented or capitalised, which normalisation undoes. */
function decorate(word: string, decorated: boolean): string {
  return decorated ? `${accented[word[0]!]}${word.slice(1)}` : word;
}

function renderPhrase(spec: PhraseSpec, decorations: readonly boolean[]): string {
  return spec.words
    .map((step, index) => {
      const written = `${decorate(step.word, decorations[index] ?? false)}${step.prefix ? '*' : ''}`;
      if (index === spec.words.length - 1) return written;
      return `${written}${spec.gaps[index] ? ' … ' : ' '}`;
    })
    .join('');
}

/** The last tokens at which the phrase can end when it starts at `position`, straight from the syntax. */
function referenceEnds(spec: PhraseSpec, tokens: readonly string[], position: number): Set<number> {
  const ends = new Set<number>();
  const step = (index: number, at: number) => {
    const word = spec.words[index]!;
    const token = tokens[at];
    if (token === undefined) return;
    if (word.prefix ? !token.startsWith(word.word) : token !== word.word) return;
    if (index === spec.words.length - 1) {
      ends.add(at);
      return;
    }
    const widest = spec.gaps[index] ? 3 : 0;
    for (let skip = 0; skip <= widest; skip++) step(index + 1, at + 1 + skip);
  };
  step(0, position);
  return ends;
}

const wordSpec: fc.Arbitrary<WordSpec> = fc.oneof(
  fc.constantFrom(...alphabet).map((word) => ({ word, prefix: false })),
  fc.constantFrom(...prefixes).map((word) => ({ word, prefix: true })),
);
const phraseSpec: fc.Arbitrary<PhraseSpec> = fc.array(wordSpec, { minLength: 1, maxLength: 3 }).chain((words) =>
  fc.array(fc.boolean(), { minLength: words.length - 1, maxLength: words.length - 1 }).map((gaps) => ({
    words,
    gaps,
  })),
);
const entry = fc.record({
  spec: phraseSpec,
  decorations: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  language: fc.constantFrom('xa', 'xb'),
  category: fc.constantFrom<LexiconCategory>('person', 'crisis', 'wishes', 'frustration'),
});
const textWords = fc.array(
  fc.record({
    word: fc.constantFrom(...alphabet),
    decorated: fc.boolean(),
    separator: fc.constantFrom(' ', ' ', ' ', '  ', ', ', '! ', '; '),
  }),
  { maxLength: 40, size: 'max' },
);

describe('LexiconMatcher against a reference built from the phrase syntax', () => {
  it('finds exactly the (phrase, first token) pairs the syntax defines, at most eight per phrase', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), textWords, (entries, words) => {
        const written = entries.map((item) => ({ ...item, phrase: renderPhrase(item.spec, item.decorations) }));
        const lexicons = ['xa', 'xb'].map((language) => {
          const lists: Partial<Record<LexiconCategory, string[]>> = {};
          for (const item of written.filter((candidate) => candidate.language === language)) {
            lists[item.category] = [...(lists[item.category] ?? []), item.phrase];
          }
          return lexicon(language, 'spaced', lists);
        });
        // An unspaced lexicon of the same words: a Latin text never reaches it.
        const unspaced = lexicon('xz', 'unspaced', { person: written.map((item) => item.phrase.replace(/\*/g, '')) });
        const matcher = new LexiconMatcher([...lexicons, unspaced]);

        const text = words.map((item) => `${decorate(item.word, item.decorated)}${item.separator}`).join('');
        const input = tokenizeWithOffsets(normalizeText(text));
        const tokens = words.map((item) => item.word);
        expect(input.tokens.map((token) => token.word)).toEqual(tokens);

        const expected = new Set<string>();
        for (const item of written) {
          const starts = tokens.map((_, position) => position);
          const matching = starts.filter((position) => referenceEnds(item.spec, tokens, position).size > 0);
          for (const position of matching.slice(0, 8)) {
            expected.add(`${item.language}|${item.category}|${item.phrase}|${position}`);
          }
        }

        const hits = matcher.match(input);
        const actual = new Set(hits.map((hit) => `${hit.language}|${hit.category}|${hit.phrase}|${hit.firstToken}`));
        expect([...actual].sort()).toEqual([...expected].sort());

        for (const hit of hits) {
          const item = written.find((candidate) => candidate.phrase === hit.phrase)!;
          expect(referenceEnds(item.spec, tokens, hit.firstToken).has(hit.lastToken)).toBe(true);
          expect(hit.start).toBe(input.tokens[hit.firstToken]!.start);
          expect(hit.end).toBe(input.tokens[hit.lastToken]!.end);
        }
      }),
      { numRuns: 400, seed: 20_250_101 },
    );
  });
});
