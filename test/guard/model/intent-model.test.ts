import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intentFeatures } from '../../../src/guard/model/intent-features.js';
import { type IntentModelData, loadIntentModel } from '../../../src/guard/model/intent-model.js';
import { fnv1a } from '../../../src/guard/text/fnv1a.js';
import { normalizeText } from '../../../src/guard/text/normalize-text.js';
import { letterRuns, tokenize } from '../../../src/guard/text/tokenize.js';

const bits = 6;
const base64 = (values: number[]) => Buffer.from(Int8Array.from(values).buffer).toString('base64');

/** A model whose escalate head weighs every feature of `word` with `weight`. */
function modelWeighing(word: string, weight: number): IntentModelData {
  const weights = new Array<number>(1 << bits).fill(0);
  for (const feature of intentFeatures(word, bits)) weights[feature] = weight;
  return {
    bits,
    threshold: 0.9,
    heads: {
      escalate: { bias: -2, scale: 0.1, weights: base64(weights) },
      explicit: { bias: 0, scale: 0.1, weights: base64(new Array<number>(1 << bits).fill(0)) },
    },
  };
}

describe('intentFeatures', () => {
  it('hashes words, word pairs and character 4-grams into the buckets, once each', () => {
    const features = intentFeatures('I did NOT make this payment, not me', 10);
    expect(new Set(features).size).toBe(features.length);
    expect(features.every((feature) => Number.isInteger(feature) && feature >= 0 && feature < 1024)).toBe(true);
    // Normalized first: case and accents do not change the features.
    expect(intentFeatures('Não reconheço', 10).sort()).toEqual(intentFeatures('nao reconheco', 10).sort());
    expect(intentFeatures('', 10)).toEqual([]);
  });

  it('gives the buckets of the feature strings, in the same order, as the model was trained on', () => {
    // The definition: each feature a string ("w<word>", "b<word> <word>", "c<4-gram of the padded word>"), hashed.
    const reference = (text: string, size: number) => {
      const normalized = normalizeText(text);
      const tokens = tokenize(normalized);
      const strings = tokens.flatMap((token, index) => [
        `w${token}`,
        ...(index > 0 ? [`b${tokens[index - 1]} ${token}`] : []),
      ]);
      for (const word of letterRuns(normalized)) {
        const padded = ` ${word} `;
        for (let start = 0; start + 4 <= padded.length; start++) strings.push(`c${padded.slice(start, start + 4)}`);
      }
      return [...new Set(strings.map((feature) => fnv1a(feature) & ((1 << size) - 1)))];
    };
    const text = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc
        .array(fc.constantFrom('I', "didn't", 'make', 'this', 'payment', 'não', 'reconheço', 'ab', 'x', '!', '42'), {
          maxLength: 12,
        })
        .map((words) => words.join(' ')),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 4, max: 20 }), (message, size) => {
        expect(intentFeatures(message, size)).toEqual(reference(message, size));
      }),
      { numRuns: 400, seed: 20261204 },
    );
  });
});

describe('loadIntentModel', () => {
  it('scores a message with the logistic function of its weighted features', () => {
    const model = loadIntentModel(modelWeighing('refund', 100));
    const features = intentFeatures('refund', bits).length;
    expect(model.score('refund').escalate).toBeCloseTo(1 / (1 + Math.exp(-(-2 + 10 * features))), 10);
    expect(model.score('hello there').escalate).toBeLessThan(model.score('refund').escalate);
    expect(model.score('refund').explicit).toBeCloseTo(0.5, 10);
    expect(model.threshold).toBe(0.9);
  });

  it('refuses weights of the wrong size', () => {
    const data = modelWeighing('refund', 1);
    expect(() => loadIntentModel({ ...data, bits: 7 })).toThrow(/expected 128/);
  });
});
