import type { UIMessageChunk } from 'ai';
import { copyData } from '../store/copy-data.js';
import type { HandrailUIMessage } from './conversation.js';

interface TextPartState {
  type: 'text';
  text: string;
  providerMetadata: unknown;
  state: 'streaming' | 'done';
  citations?: unknown;
}

/** The message being folded, as `processUIMessageStream` keeps it. */
interface FoldState {
  id: string;
  parts: unknown[];
  /** The text parts still streaming, by chunk id. */
  activeText: Record<string, TextPartState>;
  /** How many parts the last snapshot had: `start-step` adds a part without one. */
  snapshotLength: number;
  snapshots: number;
}

/** What folding one chunk did: made a snapshot, changed the state without one, or needs the full implementation. */
type FoldStep = 'snapshot' | 'no-snapshot' | 'unsupported';

type ChunkOf<T extends UIMessageChunk['type']> = Extract<UIMessageChunk, { type: T }>;

/**
 * Folds text, data and step chunks the way `processUIMessageStream` does, returning a deep copy
 * of the state at the last chunk that produced a snapshot (`readUIMessageStream`'s result is its
 * last snapshot); null when a chunk needs the full implementation.
 */
export function foldMessageChunks(chunks: readonly UIMessageChunk[]): HandrailUIMessage | null {
  const state: FoldState = { id: '', parts: [], activeText: Object.create(null), snapshotLength: 0, snapshots: 0 };
  for (const chunk of chunks) {
    const step = foldChunk(state, chunk);
    if (step === 'unsupported') return null;
    if (step === 'snapshot') {
      state.snapshotLength = state.parts.length;
      state.snapshots++;
    }
  }
  const message =
    state.snapshots === 0
      ? { id: '', role: 'assistant' as const, parts: [] }
      : {
          id: state.id,
          metadata: undefined,
          role: 'assistant' as const,
          parts: state.parts.slice(0, state.snapshotLength),
        };
  // Snapshots are deep copies: the stored message shares nothing with the chunks.
  return copyData(message) as HandrailUIMessage;
}

function foldChunk(state: FoldState, chunk: UIMessageChunk): FoldStep {
  switch (chunk.type) {
    case 'start':
      return foldStart(state, chunk);
    case 'text-start':
      return foldTextStart(state, chunk);
    case 'text-delta':
      return foldTextDelta(state, chunk);
    case 'text-end':
      return foldTextEnd(state, chunk);
    case 'start-step':
      state.parts.push({ type: 'step-start' });
      return 'no-snapshot';
    case 'finish-step':
      return 'no-snapshot';
    default:
      return chunk.type.startsWith('data-') ? foldData(state, chunk) : 'unsupported';
  }
}

/** A `start` with a new message id starts over; one with metadata needs the full implementation. */
function foldStart(state: FoldState, chunk: ChunkOf<'start'>): FoldStep {
  if (chunk.messageMetadata != null) return 'unsupported';
  if (chunk.messageId == null) return 'no-snapshot';
  if (chunk.messageId !== state.id) {
    state.id = chunk.messageId;
    state.parts = [];
    state.activeText = Object.create(null);
  }
  return 'snapshot';
}

function foldTextStart(state: FoldState, chunk: ChunkOf<'text-start'>): FoldStep {
  const part: TextPartState = { type: 'text', text: '', providerMetadata: chunk.providerMetadata, state: 'streaming' };
  state.activeText[chunk.id] = part;
  state.parts.push(part);
  return 'snapshot';
}

function foldTextDelta(state: FoldState, chunk: ChunkOf<'text-delta'>): FoldStep {
  const part = state.activeText[chunk.id];
  if (!part) return 'unsupported';
  part.text += chunk.delta;
  part.providerMetadata = chunk.providerMetadata ?? part.providerMetadata;
  return 'snapshot';
}

function foldTextEnd(state: FoldState, chunk: ChunkOf<'text-end'>): FoldStep {
  const part = state.activeText[chunk.id];
  if (!part) return 'unsupported';
  part.state = 'done';
  if (chunk.citations != null) part.citations = chunk.citations;
  part.providerMetadata = chunk.providerMetadata ?? part.providerMetadata;
  delete state.activeText[chunk.id];
  return 'snapshot';
}

/** A data part: a transient one is not kept; one with the type and id of a kept one replaces its data. */
function foldData(state: FoldState, chunk: UIMessageChunk): FoldStep {
  const data = chunk as { type: string; id?: string; data: unknown; transient?: boolean };
  if (data.transient) return 'no-snapshot';
  const existing =
    data.id != null
      ? (state.parts.find(
          (part) => (part as { type: string }).type === data.type && (part as { id?: unknown }).id === data.id,
        ) as { data: unknown } | undefined)
      : undefined;
  if (existing) existing.data = data.data;
  else state.parts.push(data);
  return 'snapshot';
}
