import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForm, normalizeText, unicodeForm } from '../../../src/guard/text/normalize-text.js';

describe('normalizeForm', () => {
  it('gives ASCII text the form every Unicode pass gives it (its shortcut changes nothing)', () => {
    const ascii = fc.string({
      unit: fc.oneof(
        fc.constantFrom('h', 'u', 'm', 'a', 'n', ' ', '-', '.', '4', '3', '0', '`', "'", '\t', 'A', 'E'),
        fc.integer({ min: 0, max: 127 }).map((code) => String.fromCharCode(code)),
      ),
      maxLength: 60,
    });
    fc.assert(
      fc.property(ascii, (text) => {
        expect(normalizeForm(text)).toBe(unicodeForm(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('normalizeText', () => {
  it('lower-cases, strips accents, unifies quotes and collapses whitespace', () => {
    expect(normalizeText('  Não  QUIERO\t“esto” — it’s Straße ')).toBe('nao quiero "esto" — it\'s strasse');
  });

  it('sees through obfuscation: zero-width characters, look-alike letters, spaced letters, leetspeak, repeats', () => {
    expect(normalizeText('hu\u200bman')).toBe('human');
    expect(normalizeText('talk to a \u0440\u0435rson')).toBe('talk to a person');
    expect(normalizeText('h u m a n please')).toBe('human please');
    expect(normalizeText('a-g-e-n-t')).toBe('agent');
    expect(normalizeText('I want a hum4n')).toBe('i want a human');
    expect(normalizeText('peeersooon')).toBe('person');
    expect(normalizeText('𝐡𝐮𝐦𝐚𝐧 ＡＧＥＮＴ')).toBe('human agent');
    expect(normalizeText('talk🙏to🙏someone')).toBe('talk to someone');
  });

  it('leaves other scripts, numbers with units and model codes alone', () => {
    expect(normalizeText('Привет, мне нужен оператор')).toBe('привет, мне нужен оператор');
    expect(normalizeText('我 想 死')).toBe('我想死');
    expect(normalizeText('상담원과 통화하고 싶어요')).toBe('상담원과 통화하고 싶어요');
    expect(normalizeText('delivery by 3pm, 24h, mp3 player, a320')).toBe('delivery by 3pm, 24h, mp3 player, a320');
    expect(normalizeText('người bán')).toBe('nguoi ban');
  });

  it('gives the same answer from memory, also after its memory is emptied', () => {
    const text = 'Ich möchte mit einem Menschen sprechen';
    const first = normalizeText(text);
    expect(normalizeText(text)).toBe(first);
    // More than the remembered characters: the memory is emptied on the way.
    for (let index = 0; index < 300; index++) normalizeText(`${'x'.repeat(4000)} ${index}`);
    expect(normalizeText(text)).toBe(first);
    expect(normalizeText(`É${'XY'.repeat(4500)}`)).toBe(`e${'xy'.repeat(4500)}`);
  });
});
