import { describe, expect, it } from 'vitest';
import { createGuard } from '../../../src/guard/guard.js';
import { builtInLexicons } from '../../../src/guard/lexicon/languages.js';
import spellingModel from '../../../src/guard/model/spelling-model.json' with { type: 'json' };
import { frontCode, frontDecode } from '../../../src/guard/text/front-coding.js';
import {
  correctSpelling,
  createSpellingCorrector,
  deletionNeighbours,
  spellingTargets,
} from '../../../src/guard/text/spelling-correction.js';

describe('createSpellingCorrector', () => {
  const correct = createSpellingCorrector({
    targets: ['human', 'talk', 'refund', 'person', 'charge'],
    protected: ['persona'],
  });

  it('corrects one changed, dropped, added or swapped letter to the one target near', () => {
    expect(correct('could i tlk to a hunan')).toBe('could i talk to a human');
    expect(correct('i want a refnud')).toBe('i want a refund');
    expect(correct('a real perrson')).toBe('a real person');
  });

  it('leaves protected words, inflections, two-edit words, ties and non-Latin words', () => {
    expect(correct('my persona')).toBe('my persona');
    expect(correct('two charges')).toBe('two charges');
    expect(correct('a hmuna')).toBe('a hmuna');
    expect(createSpellingCorrector({ targets: ['cart', 'care'], protected: [] })('the carx')).toBe('the carx');
    expect(correct('человек')).toBe('человек');
  });

  it('finds neighbours through the deletion index exactly as a scan would', () => {
    const targets = ['talk', 'take', 'human', 'refund'];
    const near = deletionNeighbours(targets);
    expect(near('tlk').sort()).toEqual(['talk']);
    expect(near('tkae').sort()).toEqual(['take']);
    expect(near('humans')).toEqual(['human']);
    expect(near('zzzz')).toEqual([]);
  });
});

describe('frontCode', () => {
  it('writes each word as the letters shared with the word before and the rest, and reads it back', () => {
    const words = ['aap', 'aard', 'aart', 'abandonment', 'abandonments', 'abandonmentsx', 'b'];
    expect(frontCode(words)).toBe('0aap2rd3t1bandonment9nts9ntsx0b');
    expect(frontDecode(frontCode(words))).toEqual(words);
    expect(frontDecode('')).toEqual([]);
  });

  it('refuses unsorted, repeated and non a-z words', () => {
    expect(() => frontCode(['b', 'a'])).toThrow();
    expect(() => frontCode(['a', 'a'])).toThrow();
    expect(() => frontCode(['café'])).toThrow();
  });
});

describe('the built-in spelling model', () => {
  it('keeps its protected words front-coded: sorted, distinct, a-z, none a target', () => {
    const words = frontDecode(spellingModel.protected);
    expect(words.length).toBeGreaterThan(10_000);
    expect(frontCode(words)).toBe(spellingModel.protected);
    const targets = new Set(spellingModel.targets.split(' '));
    expect(words.filter((word) => targets.has(word))).toEqual([]);
  });

  it('holds every English lexicon word as a target (rebuild it with scripts/build-spelling-model.ts)', () => {
    const english = new Set(spellingTargets(builtInLexicons));
    expect(new Set(spellingModel.targets.split(' '))).toEqual(english);
  });

  it('protects real words near targets and corrects typos of them in the guard', () => {
    expect(correctSpelling('my brother is in prison')).toBe('my brother is in prison');
    expect(correctSpelling('i was sitting there')).toBe('i was sitting there');
    const guard = createGuard();
    expect(guard.check([{ role: 'user', content: 'could I tlk to a humn?' }], 'input').escalate).toBe(true);
    expect(guard.check([{ role: 'user', content: 'is it raining? hujan' }], 'input').escalate).toBe(false);
  });
});
