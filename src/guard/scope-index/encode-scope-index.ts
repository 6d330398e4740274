import { type PreparedScope, type PrepareScopeOptions, prepareScope } from '../detectors/out-of-scope.js';
import type { TfIdfSpaceData } from '../text/tfidf-index.js';
import {
  isLittleEndian,
  type ScopeIndexHeader,
  type ScopeIndexSection,
  type SpaceSectionName,
  scopeIndexChecksum,
  scopeIndexMagic,
  scopeIndexPreamble,
  scopeIndexVersion,
  spaceSectionNames,
} from './scope-index-format.js';

type ArrayData = Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array;

const align = (value: number) => Math.ceil(value / 8) * 8;

function typeOf(array: ArrayData): ScopeIndexSection['type'] {
  if (array instanceof Float64Array) return 'f64';
  if (array instanceof Float32Array) return 'f32';
  if (array instanceof Int32Array) return 'i32';
  if (array instanceof Uint32Array) return 'u32';
  return 'u16';
}

/** The bytes of each array of a space, in file order (feature texts as UTF-8). */
function spaceParts(space: TfIdfSpaceData): [SpaceSectionName, ArrayData | Uint8Array][] {
  return spaceSectionNames.map((name) => {
    if (name === 'features') return [name, new TextEncoder().encode(space.features.join('\n'))];
    return [name, space[name]];
  });
}

/**
 * Serialises a prepared scope into the scope index format (see `scope-index-format.ts`): the
 * header, then every array of the index 8-byte aligned. The inverse of `loadScopeIndex`.
 */
export function encodeScopeIndex(prepared: PreparedScope): Uint8Array {
  if (!isLittleEndian())
    throw new Error('encodeScopeIndex writes little-endian files and needs a little-endian platform');
  const data = prepared.index.toData();
  const parts = { words: spaceParts(data.words), chars: spaceParts(data.chars) };
  // The header holds the offsets, and its length moves them: lay the arrays out after a header of
  // a fixed size that is surely large enough, then pad the header to that size.
  const header: Omit<ScopeIndexHeader, 'words' | 'chars'> = {
    size: data.size,
    calibration: prepared.calibration,
    threshold: prepared.threshold,
    clearlyInScope: prepared.clearlyInScope,
    domainWords: [...prepared.domainWords],
    languages: [...prepared.languages],
    coveredOffTopic: [...prepared.coveredOffTopic],
  };
  const draft = new TextEncoder().encode(JSON.stringify(header));
  const headerSpace = align(draft.byteLength + 4096);
  let offset = align(scopeIndexPreamble + headerSpace);
  const sections = { words: {}, chars: {} } as Record<'words' | 'chars', Record<string, ScopeIndexSection>>;
  for (const space of ['words', 'chars'] as const) {
    for (const [name, array] of parts[space]) {
      const isText = array instanceof Uint8Array;
      sections[space][name] = {
        type: isText ? 'text' : typeOf(array),
        offset,
        length: isText ? array.byteLength : array.length,
      };
      offset = align(offset + array.byteLength);
    }
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, ...sections }));
  if (headerBytes.byteLength > headerSpace) throw new Error('scope index header outgrew its space');
  const bytes = new Uint8Array(offset);
  bytes.set(new TextEncoder().encode(scopeIndexMagic), 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, scopeIndexVersion, true);
  view.setUint32(8, headerSpace, true);
  bytes.set(headerBytes, scopeIndexPreamble);
  // Spaces pad the rest of the header (JSON ignores trailing whitespace).
  bytes.fill(0x20, scopeIndexPreamble + headerBytes.byteLength, scopeIndexPreamble + headerSpace);
  for (const space of ['words', 'chars'] as const) {
    for (const [name, array] of parts[space]) {
      const target = sections[space][name]!.offset;
      bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), target);
    }
  }
  view.setUint32(12, scopeIndexChecksum(bytes.subarray(scopeIndexPreamble)), true);
  return bytes;
}

/**
 * Prepares a scope (index with 16-bit weights, thresholds, word lists) and serialises it: what
 * `scripts/build-scope-index.ts` writes. Load it with `loadScopeIndex`.
 */
export function buildScopeIndex(utterances: readonly string[], options: Omit<PrepareScopeOptions, 'quantize'> = {}) {
  return encodeScopeIndex(prepareScope(utterances, { ...options, quantize: true }));
}
