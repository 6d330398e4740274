import { z } from 'zod';
import type { PreparedScope } from '../detectors/out-of-scope.js';
import { TfIdfIndex, type TfIdfSpaceData } from '../text/tfidf-index.js';
import {
  isLittleEndian,
  type ScopeIndexHeader,
  type ScopeIndexSection,
  scopeIndexChecksum,
  scopeIndexHeaderSchema,
  scopeIndexMagic,
  scopeIndexPreamble,
  scopeIndexVersion,
} from './scope-index-format.js';

const elementBytes = { f64: 8, f32: 4, i32: 4, u32: 4, u16: 2, text: 1 } as const;

/** Thrown as a plain `Error` (a configuration mistake): what is wrong and what to do. */
function invalid(problem: string): Error {
  return new Error(`Invalid scope index: ${problem}. Rebuild it with scripts/build-scope-index.ts.`);
}

/** A typed-array view of one section (no copy), after checking it lies inside the file. */
function sectionView(bytes: Uint8Array, section: ScopeIndexSection, name: string) {
  const size = section.length * elementBytes[section.type];
  if (section.offset % 8 !== 0 || section.offset < scopeIndexPreamble || section.offset + size > bytes.byteLength) {
    throw invalid(`section ${name} lies outside the file`);
  }
  const { buffer, byteOffset } = bytes;
  const at = byteOffset + section.offset;
  switch (section.type) {
    case 'f64':
      return new Float64Array(buffer, at, section.length);
    case 'f32':
      return new Float32Array(buffer, at, section.length);
    case 'i32':
      return new Int32Array(buffer, at, section.length);
    case 'u32':
      return new Uint32Array(buffer, at, section.length);
    case 'u16':
      return new Uint16Array(buffer, at, section.length);
    case 'text':
      return new TextDecoder().decode(new Uint8Array(buffer, at, section.length));
  }
}

function expectType<T>(value: unknown, guard: (value: unknown) => value is T, name: string): T {
  if (!guard(value)) throw invalid(`section ${name} has the wrong element type`);
  return value;
}

const isF64 = (value: unknown): value is Float64Array => value instanceof Float64Array;
const isI32 = (value: unknown): value is Int32Array => value instanceof Int32Array;
const isIds = (value: unknown): value is Uint16Array | Uint32Array =>
  value instanceof Uint16Array || value instanceof Uint32Array;
const isWeights = (value: unknown): value is Float32Array | Uint16Array =>
  value instanceof Float32Array || value instanceof Uint16Array;

function spaceData(bytes: Uint8Array, sections: ScopeIndexHeader['words'], space: string): TfIdfSpaceData {
  const view = (name: keyof ScopeIndexHeader['words']) => sectionView(bytes, sections[name], `${space}.${name}`);
  const features = view('features');
  if (typeof features !== 'string') throw invalid(`section ${space}.features is not text`);
  return {
    features: features.length === 0 ? [] : features.split('\n'),
    idf: expectType(view('idf'), isF64, `${space}.idf`),
    scales: expectType(view('scales'), isF64, `${space}.scales`),
    maxWeights: expectType(view('maxWeights'), isF64, `${space}.maxWeights`),
    offsets: expectType(view('offsets'), isI32, `${space}.offsets`),
    documents: expectType(view('documents'), isIds, `${space}.documents`),
    weights: expectType(view('weights'), isWeights, `${space}.weights`),
    documentOffsets: expectType(view('documentOffsets'), isI32, `${space}.documentOffsets`),
    documentFeatures: expectType(view('documentFeatures'), isIds, `${space}.documentFeatures`),
    documentWeights: expectType(view('documentWeights'), isWeights, `${space}.documentWeights`),
  };
}

/** Checks the preamble and the checksum; returns the parsed header. */
function readHeader(bytes: Uint8Array): ScopeIndexHeader {
  if (bytes.byteLength < scopeIndexPreamble || new TextDecoder().decode(bytes.subarray(0, 4)) !== scopeIndexMagic) {
    throw invalid(`not a Handrail scope index (the file does not start with "${scopeIndexMagic}")`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== scopeIndexVersion) {
    throw invalid(`format version ${version}, but this Handrail reads version ${scopeIndexVersion}`);
  }
  const headerLength = view.getUint32(8, true);
  if (bytes.byteLength % 8 !== 0 || scopeIndexPreamble + headerLength > bytes.byteLength) {
    throw invalid(`truncated (${bytes.byteLength} bytes)`);
  }
  if (scopeIndexChecksum(bytes.subarray(scopeIndexPreamble)) !== view.getUint32(12, true)) {
    throw invalid('the checksum does not match (the file is damaged or was cut short)');
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes.subarray(scopeIndexPreamble, scopeIndexPreamble + headerLength)));
  } catch {
    throw invalid('the header is not JSON');
  }
  const parsed = scopeIndexHeaderSchema.safeParse(json);
  if (!parsed.success) throw invalid(`the header does not fit the format:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Reads a scope index written by `scripts/build-scope-index.ts` (`encodeScopeIndex`) into a
 * prepared scope for the guard: `createGuard({ scope: loadScopeIndex(bytes) })`. Takes bytes, not
 * a path, so it runs on Workers too (bundle the file as data, or read it from R2). The index's
 * arrays are views of `bytes` (copied once when `bytes` is not 8-byte aligned): keep them
 * unchanged. Throws a plain `Error` saying what is wrong with a file that is not a scope index,
 * has another version, is damaged or cut short.
 *
 * @example
 * const scope = loadScopeIndex(new Uint8Array(await (await env.ASSETS.fetch(url)).arrayBuffer()));
 * const guard = createGuard({ scope });
 */
export function loadScopeIndex(source: Uint8Array | ArrayBuffer): PreparedScope {
  if (!isLittleEndian()) throw new Error('loadScopeIndex reads little-endian files and needs a little-endian platform');
  let bytes = source instanceof Uint8Array ? source : new Uint8Array(source);
  if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
  const header = readHeader(bytes);
  let index: TfIdfIndex;
  try {
    index = new TfIdfIndex({
      size: header.size,
      wordWeight: header.calibration.wordWeight,
      unknownWeight: header.calibration.unknownWeight,
      words: spaceData(bytes, header.words, 'words'),
      chars: spaceData(bytes, header.chars, 'chars'),
    });
  } catch (error) {
    if (error instanceof RangeError) throw invalid(error.message);
    throw error;
  }
  return {
    index,
    calibration: header.calibration,
    threshold: header.threshold,
    clearlyInScope: header.clearlyInScope,
    domainWords: new Set(header.domainWords),
    languages: new Set(header.languages),
    coveredOffTopic: new Set(header.coveredOffTopic),
  };
}
