/** The FNV-1a offset basis: the hash of the empty string. */
const offsetBasis = 0x811c9dc5;

/**
 * 32-bit FNV-1a hash of the UTF-16 code units of `text` from `start` to `end`: fast, no
 * allocation, and the same on every platform, for hashed features and hash tables.
 */
export function fnv1a(text: string, start = 0, end = text.length): number {
  return fnv1aMore(offsetBasis, text, start, end);
}

/**
 * The hash of a string that continues the one whose hash is `hash` with the code units of `text`
 * from `start` to `end`: `fnv1aMore(fnv1a(a), b)` is `fnv1a(a + b)`, so that a feature made of
 * several pieces is hashed without joining them into a string first.
 */
export function fnv1aMore(hash: number, text: string, start = 0, end = text.length): number {
  let value = hash;
  for (let index = start; index < end; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  return value >>> 0;
}

/** {@link fnv1aMore} with one code unit. */
export function fnv1aUnit(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193) >>> 0;
}
