import { fnv1a } from './fnv1a.js';

/** Longest n-gram the table holds, in UTF-16 code units. */
const maxGramLength = 4;

/**
 * A read-only hash table from short character n-grams (up to 4 UTF-16 code units) to feature
 * ids, looked up straight from a string's code units: no substring is created and no string is
 * compared, which is most of what a `Map<string, number>` lookup costs on a query's hundred
 * n-grams when the map is not in the CPU caches. Open addressing with linear probing over typed
 * arrays; the n-grams themselves are kept as code units to confirm a hit.
 */
export class CharGramTable {
  /** Feature id + 1 per slot, 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Code units of feature `id` at `id * 4`, padded with zeros (which no n-gram contains). */
  private readonly units: Uint16Array;

  /** Builds the table from n-grams and their ids; throws on an empty or too long n-gram. */
  constructor(grams: ReadonlyMap<string, number>) {
    let capacity = 16;
    while (capacity < grams.size * 2) capacity *= 2;
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    let maxId = -1;
    for (const id of grams.values()) maxId = Math.max(maxId, id);
    this.units = new Uint16Array((maxId + 1) * maxGramLength);
    for (const [gram, id] of grams) {
      if (gram.length === 0 || gram.length > maxGramLength || gram.includes('\0')) {
        throw new RangeError(
          `CharGramTable holds n-grams of 1 to ${maxGramLength} non-NUL code units, got ${JSON.stringify(gram)}`,
        );
      }
      for (let offset = 0; offset < gram.length; offset++)
        this.units[id * maxGramLength + offset] = gram.charCodeAt(offset);
      let slot = fnv1a(gram) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    }
  }

  /** The id of `text.slice(start, start + length)`, or -1 when the table does not hold it. */
  lookup(text: string, start: number, length: number): number {
    const { slots, mask, units } = this;
    let slot = fnv1a(text, start, start + length) & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) return -1;
      const base = (entry - 1) * maxGramLength;
      let offset = 0;
      while (offset < length && units[base + offset] === text.charCodeAt(start + offset)) offset++;
      if (offset === length && (length === maxGramLength || units[base + length] === 0)) return entry - 1;
      slot = (slot + 1) & mask;
    }
  }
}
