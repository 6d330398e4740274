import { describe, expect, it } from 'vitest';
import { createGuard } from '../../../src/guard/guard.js';
import { isHedged } from '../../../src/guard/text/hedged-feeling.js';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';
import { sarcasticPraise } from '../../../src/guard/text/sarcasm.js';
import { scoreSentiment } from '../../../src/guard/text/sentiment-score.js';

const guard = createGuard();
const reasons = (text: string) =>
  guard.check([{ role: 'user', content: text }], 'input').reasons.map((signal) => signal.reason);
const hedgedAt = (text: string, word: string) => {
  const normalized = normalizeText(text);
  return isHedged(normalized, normalized.indexOf(word));
};

describe('a hedged feeling', () => {
  it('is softened by a hedge just before it, in several languages', () => {
    expect(hedgedAt('the app keeps logging me out, bit annoying', 'annoying')).toBe(true);
    expect(hedgedAt('kinda frustrating tbh', 'frustrating')).toBe(true);
    expect(hedgedAt('es un poco molesto', 'molesto')).toBe(true);
    expect(hedgedAt('das ist ein bisschen nervig', 'nervig')).toBe(true);
    expect(hedgedAt('this is so annoying', 'annoying')).toBe(false);
    // "wat" is Dutch for "what" as often as for "somewhat": no hedge.
    expect(hedgedAt('wat een waardeloze service', 'waardeloze')).toBe(false);
  });

  it('is no strong frustration for the guard; the same words unhedged are', () => {
    expect(reasons('the app keeps logging me out, bit annoying')).not.toContain('negative_sentiment');
    expect(reasons('my order came but the charger is missing?? kinda annoying')).not.toContain('negative_sentiment');
    expect(reasons('this is so annoying')).toContain('negative_sentiment');
  });
});

describe('sarcastic praise', () => {
  it('matches praise of a failure and a long custom repaid badly, not praise', () => {
    expect(sarcasticPraise.test('wow. great job losing my package again. really impressive stuff.')).toBe(true);
    expect(sarcasticPraise.test('thanks for nothing')).toBe(true);
    expect(
      sarcasticPraise.test("i've been a loyal customer for 12 years and this is how you treat me? never again."),
    ).toBe(true);
    expect(sarcasticPraise.test('great job, thanks! that fixed it')).toBe(false);
    expect(sarcasticPraise.test('well done on the quick delivery')).toBe(false);
    expect(sarcasticPraise.test("i've been a loyal customer for years, do i get a discount?")).toBe(false);
  });

  it('reads as anger: the guard escalates it, and keeps real thanks', () => {
    expect(scoreSentiment('Wow. Great job losing my package again. Really impressive stuff.')).toBeLessThan(-0.6);
    expect(reasons('Wow. Great job losing my package again. Really impressive stuff.')).toContain('negative_sentiment');
    expect(scoreSentiment('great job, thanks! that fixed it')).toBeGreaterThan(0.5);
  });
});
