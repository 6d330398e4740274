import { describe, expect, it } from 'vitest';
import {
  buildScopeIndex,
  createGuard,
  encodeScopeIndex,
  loadScopeIndex,
  prepareScope,
} from '../../../src/guard/index.js';
import { TfIdfIndex } from '../../../src/guard/text/tfidf-index.js';
import type { Transcript } from '../../../src/guard/types.js';

const scope = [
  'how do I reset my password',
  'I forgot my password and cannot log in',
  'where is my parcel',
  'my package has not arrived yet',
  'track my order',
  'when will my order be delivered',
  'cancel my subscription',
  'how do I change my delivery address',
  'can I change the address on my order',
  'what payment methods do you accept',
  'can I pay with paypal',
  'my card was declined at checkout',
  'how do I return an item',
  'what is your return policy',
  'the item arrived damaged',
  'how long does shipping take',
  'do you ship internationally',
  'how much is express delivery',
  'update the email on my account',
  'delete my saved card',
];
const queries = [
  'I cannot remember my password',
  'where is my package',
  'how do I send back a broken item',
  'what is the capital of France',
  'write me a poem about the sea',
  'recommend a good pizza recipe',
  'is express shipping available to Canada',
  'thanks!',
  'I want to talk to a person',
  'how do I change my address',
  'qwerty zxcv',
  'can I pay with bitcoin',
];
const asUser = (content: string): Transcript => [{ role: 'user', content }];

describe('scope index files', () => {
  it('loads into a guard that decides exactly as the index it was written from', () => {
    const prepared = prepareScope(scope, { quantize: true });
    const loaded = loadScopeIndex(encodeScopeIndex(prepared));
    const direct = createGuard({ scope: prepared });
    const fromFile = createGuard({ scope: loaded });
    expect(loaded.threshold).toBe(prepared.threshold);
    expect(loaded.clearlyInScope).toBe(prepared.clearlyInScope);
    expect([...loaded.domainWords]).toEqual([...prepared.domainWords]);
    expect([...loaded.coveredOffTopic]).toEqual([...prepared.coveredOffTopic]);
    for (const query of queries) {
      expect(loaded.index.search(query, 5)).toEqual(prepared.index.search(query, 5));
      expect(fromFile.check(asUser(query), 'input')).toEqual(direct.check(asUser(query), 'input'));
    }
  });

  it('escalates the same messages as a guard that indexes the utterances itself', () => {
    const inMemory = createGuard({ scope: { utterances: scope } });
    const fromFile = createGuard({ scope: loadScopeIndex(buildScopeIndex(scope)) });
    const outOfScope = (decision: ReturnType<typeof inMemory.check>) =>
      decision.signals.filter((signal) => signal.detector === 'out-of-scope').map((signal) => signal.reason);
    let flagged = 0;
    for (const query of queries) {
      const expected = inMemory.check(asUser(query), 'input');
      const actual = fromFile.check(asUser(query), 'input');
      expect(actual.escalate).toBe(expected.escalate);
      expect(outOfScope(actual)).toEqual(outOfScope(expected));
      flagged += outOfScope(expected).length;
    }
    // The queries test both sides of the threshold.
    expect(flagged).toBeGreaterThan(0);
    expect(flagged).toBeLessThan(queries.length);
  });

  it('keeps a threshold given beside the loaded index', () => {
    const prepared = loadScopeIndex(buildScopeIndex(scope));
    const strict = createGuard({ scope: { prepared, threshold: 0.99 } });
    expect(strict.check(asUser('where is my package'), 'input').escalate).toBe(true);
  });

  it('accepts the bytes at any offset of a larger buffer', () => {
    const bytes = buildScopeIndex(scope);
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    expect(loadScopeIndex(shifted.subarray(3)).index.search('track my order', 1)).toEqual(
      loadScopeIndex(bytes).index.search('track my order', 1),
    );
  });

  it('finds documents past 65,536 in a quantised index (16-bit ids in blocks) as the unquantised one does', () => {
    const words = ['parcel', 'refund', 'invoice', 'voucher', 'router', 'pension', 'ticket'];
    const texts = Array.from(
      { length: 70_000 },
      (_, index) => `${words[index % 7]} ${words[(index >> 3) % 7]} q${index}`,
    );
    const plain = new TfIdfIndex(texts);
    const data = new TfIdfIndex(texts, 0.5, 1, { quantize: true }).toData();
    const blocked = new TfIdfIndex(data);
    expect(data.chars.documents).toBeInstanceOf(Uint16Array);
    expect(data.chars.offsets.length).toBe(data.chars.features.length * 2 + 1);
    for (const query of ['parcel q69999', 'q65536 refund', 'invoice router q70', 'ticket q65537']) {
      const expected = plain.search(query, 3);
      const actual = blocked.search(query, 3);
      expect(actual.map((neighbour) => neighbour.document)).toEqual(expected.map((neighbour) => neighbour.document));
      for (const [position, neighbour] of actual.entries()) {
        expect(neighbour.similarity).toBeCloseTo(expected[position]!.similarity, 4);
      }
    }
    expect(blocked.search('parcel q69999', 1)[0]?.document).toBe(69_999);
  });

  it('rejects a file that is not a scope index, has another version, is damaged or cut short', () => {
    const bytes = buildScopeIndex(scope);
    expect(() => loadScopeIndex(new TextEncoder().encode('{"text":"hello"}\n'))).toThrow(/not a Handrail scope index/);
    expect(() => loadScopeIndex(new Uint8Array(0))).toThrow(/not a Handrail scope index/);
    const versionless = bytes.slice();
    new DataView(versionless.buffer).setUint32(4, 0, true);
    expect(() => loadScopeIndex(versionless)).toThrow(/format version 0, but this Handrail reads version 1/);
    const damaged = bytes.slice();
    damaged[damaged.byteLength - 40] = damaged[damaged.byteLength - 40]! ^ 0xff;
    expect(() => loadScopeIndex(damaged)).toThrow(/checksum does not match/);
    expect(() => loadScopeIndex(bytes.slice(0, bytes.byteLength - 64))).toThrow(/Invalid scope index/);
    expect(() => loadScopeIndex(bytes.slice(0, 12))).toThrow(/Invalid scope index/);
    expect(() => loadScopeIndex(bytes.slice(0, 12))).toThrow(/Rebuild it with scripts\/build-scope-index\.ts/);
  });

  it('makes the guard reject something that is not a prepared scope', () => {
    expect(() => createGuard({ scope: { prepared: {} as never } })).toThrow(/loadScopeIndex or prepareScope/);
  });
});
