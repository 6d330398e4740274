import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';

describe('normalizeText', () => {
  it('lower-cases, strips accents, unifies quotes and collapses whitespace', () => {
    expect(normalizeText('  Não  QUIERO\t“esto” — it’s Straße ')).toBe('nao quiero "esto" — it\'s strasse');
  });

  it('gives the same answer from memory, also after its memory is emptied', () => {
    const text = 'Ich möchte mit einem Menschen sprechen';
    const first = normalizeText(text);
    expect(normalizeText(text)).toBe(first);
    // More than the remembered characters: the memory is emptied on the way.
    for (let index = 0; index < 300; index++) normalizeText(`${'x'.repeat(4000)} ${index}`);
    expect(normalizeText(text)).toBe(first);
    expect(normalizeText(`É${'X'.repeat(9000)}`)).toBe(`e${'x'.repeat(9000)}`);
  });
});
