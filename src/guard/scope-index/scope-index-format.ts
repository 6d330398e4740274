import { z } from 'zod';

/**
 * The scope index file format, shared by the writer (`encodeScopeIndex`) and the reader
 * (`loadScopeIndex`). Little-endian, in this order:
 *
 * - bytes 0-3: the magic `HRSI`; 4-7: the format version (u32); 8-11: the header's length in
 *   bytes (u32); 12-15: a checksum (u32, {@link scopeIndexChecksum}) of every byte from 16 on;
 * - the header: UTF-8 JSON ({@link scopeIndexHeaderSchema}): what the detector derived from the
 *   scope and where each array lies;
 * - the arrays, each starting at a multiple of 8 bytes from the start of the file, so the reader
 *   takes typed-array views of the bytes instead of copies.
 */
export const scopeIndexMagic = 'HRSI';

/** The version this Handrail writes and reads. */
export const scopeIndexVersion = 1;

/** Bytes before the header. */
export const scopeIndexPreamble = 16;

/** Element types of the arrays; `text` is UTF-8 of feature strings joined by newlines. */
export const sectionTypes = ['f64', 'i32', 'u32', 'u16', 'f32', 'text'] as const;

/** Where one array lies: `offset` in bytes from the start of the file, `length` in elements (bytes for text). */
const sectionSchema = z
  .object({
    type: z.enum(sectionTypes),
    offset: z.number().int().nonnegative(),
    length: z.number().int().nonnegative(),
  })
  .strict();

/** One section entry of the header. */
export type ScopeIndexSection = z.infer<typeof sectionSchema>;

const spaceSections = [
  'features',
  'idf',
  'scales',
  'maxWeights',
  'offsets',
  'documents',
  'weights',
  'documentOffsets',
  'documentFeatures',
  'documentWeights',
] as const;

/** The arrays of one feature space, by name. */
export type SpaceSectionName = (typeof spaceSections)[number];

const spaceSchema = z.record(z.enum(spaceSections), sectionSchema);

/** The JSON header: everything but the arrays, and the arrays' places. */
export const scopeIndexHeaderSchema = z
  .object({
    /** Utterances indexed. */
    size: z.number().int().nonnegative(),
    calibration: z
      .object({
        k: z.number().int().positive(),
        wordWeight: z.number().min(0).max(1),
        quantile: z.number().min(0).max(1),
        factor: z.number().nonnegative(),
        unknownWeight: z.number().min(0),
      })
      .strict(),
    threshold: z.number(),
    clearlyInScope: z.number(),
    domainWords: z.array(z.string()),
    languages: z.array(z.string()),
    coveredOffTopic: z.array(z.string()),
    words: spaceSchema,
    chars: spaceSchema,
  })
  .strict();

/** The parsed header. */
export type ScopeIndexHeader = z.infer<typeof scopeIndexHeaderSchema>;

/** The names of a space's arrays, in file order. */
export const spaceSectionNames: readonly SpaceSectionName[] = spaceSections;

/**
 * FNV-1a over the 32-bit little-endian words of `bytes` (its length a multiple of 4): the same on
 * every platform, about 15 ms per 60 MB.
 */
export function scopeIndexChecksum(bytes: Uint8Array): number {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  let hash = 0x811c9dc5;
  for (let index = 0; index < words.length; index++) hash = Math.imul(hash ^ words[index]!, 0x01000193);
  return hash >>> 0;
}

/** True on a little-endian platform (every platform Handrail runs on; the file is little-endian). */
export function isLittleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}
