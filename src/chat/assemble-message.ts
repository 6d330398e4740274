import { readUIMessageStream, type UIMessageChunk } from 'ai';
import { copyData } from '../store/copy-data.js';
import type { HandrailMessageMetadata, HandrailUIMessage } from './conversation.js';

interface TextPartState {
  type: 'text';
  text: string;
  providerMetadata: unknown;
  state: 'streaming' | 'done';
  citations?: unknown;
}

/**
 * The assistant message a turn's chunks make, exactly as the AI SDK's `readUIMessageStream`
 * would build it (its last snapshot), with `id` and `metadata` set. Text, data and step chunks
 * (every turn without tools, files or reasoning) are folded directly; any other chunk kind, or
 * a sequence the fast path does not expect, goes through `readUIMessageStream` itself.
 */
export async function assembleMessage(
  chunks: readonly UIMessageChunk[],
  messageId: string,
  metadata: HandrailMessageMetadata,
): Promise<HandrailUIMessage> {
  const folded = foldChunks(chunks);
  const message = folded ?? (await readMessageStream(chunks));
  return { ...message, id: messageId, metadata };
}

/** The reference path: the chunks through `readUIMessageStream`, last snapshot wins. */
async function readMessageStream(chunks: readonly UIMessageChunk[]): Promise<HandrailUIMessage> {
  let message: HandrailUIMessage = { id: '', role: 'assistant', parts: [] };
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  for await (const snapshot of readUIMessageStream<HandrailUIMessage>({ stream })) message = snapshot;
  return message;
}

/**
 * Folds text, data and step chunks the way `processUIMessageStream` does, returning a deep copy
 * of the state at the last chunk that produced a snapshot; null when a chunk needs the full
 * implementation.
 */
function foldChunks(chunks: readonly UIMessageChunk[]): HandrailUIMessage | null {
  let id = '';
  let parts: unknown[] = [];
  let activeText: Record<string, TextPartState> = Object.create(null);
  // readUIMessageStream's result is its last snapshot: `start-step` adds a part without one.
  let snapshotLength = 0;
  let snapshots = 0;
  for (const chunk of chunks) {
    switch (chunk.type) {
      case 'start': {
        if (chunk.messageMetadata != null) return null;
        if (chunk.messageId != null) {
          if (chunk.messageId !== id) {
            id = chunk.messageId;
            parts = [];
            activeText = Object.create(null);
          }
          snapshotLength = parts.length;
          snapshots++;
        }
        break;
      }
      case 'text-start': {
        const part: TextPartState = {
          type: 'text',
          text: '',
          providerMetadata: chunk.providerMetadata,
          state: 'streaming',
        };
        activeText[chunk.id] = part;
        parts.push(part);
        snapshotLength = parts.length;
        snapshots++;
        break;
      }
      case 'text-delta': {
        const part = activeText[chunk.id];
        if (!part) return null;
        part.text += chunk.delta;
        part.providerMetadata = chunk.providerMetadata ?? part.providerMetadata;
        snapshotLength = parts.length;
        snapshots++;
        break;
      }
      case 'text-end': {
        const part = activeText[chunk.id];
        if (!part) return null;
        part.state = 'done';
        if (chunk.citations != null) part.citations = chunk.citations;
        part.providerMetadata = chunk.providerMetadata ?? part.providerMetadata;
        delete activeText[chunk.id];
        snapshotLength = parts.length;
        snapshots++;
        break;
      }
      case 'start-step':
        parts.push({ type: 'step-start' });
        break;
      case 'finish-step':
        break;
      default: {
        if (!chunk.type.startsWith('data-')) return null;
        const data = chunk as { type: string; id?: string; data: unknown; transient?: boolean };
        if (data.transient) break;
        const existing =
          data.id != null
            ? (parts.find(
                (part) => (part as { type: string }).type === data.type && (part as { id?: unknown }).id === data.id,
              ) as { data: unknown } | undefined)
            : undefined;
        if (existing) existing.data = data.data;
        else parts.push(data);
        snapshotLength = parts.length;
        snapshots++;
      }
    }
  }
  const message =
    snapshots === 0
      ? { id: '', role: 'assistant' as const, parts: [] }
      : { id, metadata: undefined, role: 'assistant' as const, parts: parts.slice(0, snapshotLength) };
  // Snapshots are deep copies: the stored message shares nothing with the chunks.
  return copyData(message) as HandrailUIMessage;
}
