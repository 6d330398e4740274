import { describe, expect, it } from 'vitest';
import { guardRegexps } from '../../bench/adversarial.js';
import { normalizeText } from '../../src/guard/text/normalize-text.js';
import { adversarial } from './adversarial-texts.js';

/**
 * Every guard pattern on its own on every adversarial text: the module patterns on the raw text
 * (they may be given raw text, whatever their callers do today), the catalogue on the normalized
 * text it is matched against. `redos.test.ts` times the whole guard, where a pattern may only see
 * a slice of the message; here a pattern that is super-linear on raw text (runs of whitespace a
 * normalized text collapses) cannot hide behind its caller. The bound is far above what a linear
 * pattern takes at 8,000 characters (well under 1 ms) and far below a quadratic one (over 100 ms).
 */
const boundMs = 25;

/** The fastest of up to `runs` searches, stopping once one is under the bound. */
function fastestMs(search: (text: string) => boolean, text: string, runs = 3): number {
  let fastest = Infinity;
  for (let run = 0; run < runs && fastest >= boundMs; run++) {
    const started = performance.now();
    search(text);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

const texts = Object.entries(adversarial);
const normalized = new Map(texts.map(([name, text]) => [name, normalizeText(text)]));

describe('each guard pattern on adversarial texts', () => {
  const patterns = guardRegexps();

  it('finds the patterns of every module and the catalogue', () => {
    expect(patterns.length).toBeGreaterThan(150);
    expect(patterns.filter((pattern) => !pattern.normalized).length).toBeGreaterThan(80);
  });

  for (const { label, search, normalized: seesNormalized } of patterns) {
    it(`${label}: under ${boundMs} ms on every text`, () => {
      const slow = texts.flatMap(([name, text]) => {
        const ms = fastestMs(search, seesNormalized ? normalized.get(name)! : text);
        return ms >= boundMs ? [`${name}: ${ms.toFixed(0)} ms`] : [];
      });
      expect(slow).toEqual([]);
    });
  }
});
