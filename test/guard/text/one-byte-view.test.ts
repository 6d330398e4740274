import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardRegexps } from '../../../bench/adversarial.js';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';
import { matchesOneByteView, oneByteView } from '../../../src/guard/text/one-byte-view.js';

describe('oneByteView', () => {
  it('keeps one-byte text as it is and replaces each unit above U+00FF, keeping every offset', () => {
    const plain = 'café, naïve: £40';
    expect(oneByteView(plain)).toBe(plain);
    const mixed = 'refund 🙂 退款 now';
    const view = oneByteView(mixed);
    expect(view).toHaveLength(mixed.length);
    expect(view).toBe('refund \x9f\x9f \x9f\x9f now');
  });

  it('accepts only patterns that cannot tell the view from the text', () => {
    expect(matchesOneByteView(/\brefund\b/)).toBe(true);
    expect(matchesOneByteView(/\bcafe\b/i)).toBe(true);
    expect(matchesOneByteView(/\p{L}+/u)).toBe(false);
    expect(matchesOneByteView(/caf\u00e9/)).toBe(false);
    expect(matchesOneByteView(/[\x00-\xff]/)).toBe(false);
    expect(matchesOneByteView(/退款/)).toBe(false);
  });
});

/** User messages of the project's suites: real wordings for the catalogue to match. */
function suiteMessages(): string[] {
  const folder = new URL('../../../evals/suites/', import.meta.url);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(new URL(name, folder), 'utf8').split('\n').filter(Boolean))
    .flatMap((line) => (JSON.parse(line) as { messages?: { role: string; content: string }[] }).messages ?? [])
    .filter((message) => message.role === 'user')
    .map((message) => message.content);
}

describe('the catalogue on the one-byte view', () => {
  const catalogue = guardRegexps().filter((pattern) => pattern.normalized);
  const patterns = catalogue.filter((pattern) => matchesOneByteView(pattern.regex)).map((pattern) => pattern.regex);
  const messages = suiteMessages();
  const others = ['🙂', '😡', '退款', 'возврат', '환불', '\u200d', 'ω', '—', '€', '…', '™'];

  it('reads the whole catalogue', () => {
    expect(catalogue.length).toBeGreaterThan(60);
    expect(patterns).toHaveLength(catalogue.length);
    expect(messages.length).toBeGreaterThan(500);
  });

  it('finds the same first match at the same offset in a message with characters above U+00FF spliced in', () => {
    const spliced = fc
      .tuple(
        fc.constantFrom(...messages),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...others), fc.boolean()), { minLength: 1, maxLength: 6 }),
      )
      .map(([message, inserts]) => {
        let text = message;
        for (const [at, other, inPlaceOfSpace] of inserts) {
          // In place of a space ("talk🙂to a person"), or anywhere.
          const spaces = [...text.matchAll(/ /g)].map((space) => space.index);
          if (inPlaceOfSpace && spaces.length > 0) {
            const position = spaces[at % spaces.length]!;
            text = `${text.slice(0, position)}${other}${text.slice(position + 1)}`;
          } else {
            const position = at % (text.length + 1);
            text = `${text.slice(0, position)}${other}${text.slice(position)}`;
          }
        }
        return normalizeText(text);
      });
    fc.assert(
      fc.property(spliced, (text) => {
        const view = oneByteView(text);
        for (const pattern of patterns) {
          pattern.lastIndex = 0;
          const inText = pattern.exec(text);
          pattern.lastIndex = 0;
          const inView = pattern.exec(view);
          pattern.lastIndex = 0;
          expect(inView?.index).toBe(inText?.index);
          expect(inView?.[0].length).toBe(inText?.[0].length);
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
