import { describe, expect, it } from 'vitest';
import { inBothScripts, toSerbianCyrillic } from '../../../../src/guard/lexicon/languages/serbian-scripts.js';

describe('toSerbianCyrillic', () => {
  it('writes the digraphs as one letter and keeps the phrase syntax', () => {
    expect(toSerbianCyrillic('ljudi')).toBe('људи');
    expect(toSerbianCyrillic('njegov')).toBe('његов');
    expect(toSerbianCyrillic('džep')).toBe('џеп');
    expect(toSerbianCyrillic('hoću da razgovaram')).toBe('хоћу да разговарам');
    expect(toSerbianCyrillic('đak čovek* … žena')).toBe('ђак човек* … жена');
  });
});

describe('inBothScripts', () => {
  it('adds the Cyrillic phrase and the dj spelling of đ, once each', () => {
    expect(inBothScripts(['vođa', 'sud', 'sud'])).toEqual(['vođa', 'vodja', 'вођа', 'sud', 'суд']);
  });

  it('keeps phrases with letters Serbian does not write in Latin only', () => {
    expect(inBothScripts(['call center'])).toEqual(['call center']);
  });
});
