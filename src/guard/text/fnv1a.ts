/**
 * 32-bit FNV-1a hash of the UTF-16 code units of `text` from `start` to `end`: fast, no
 * allocation, and the same on every platform, for hashed features and hash tables.
 */
export function fnv1a(text: string, start = 0, end = text.length): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}
