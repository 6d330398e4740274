import type { UIMessageChunk } from 'ai';
import type { StoredConversation } from '../store/store.js';
import type { HandoffPartData } from './conversation.js';
import { messageText } from './transcript.js';

/** Writes one chunk to the turn's stream (and records it for the stored message). */
export type WriteChunk = (chunk: UIMessageChunk) => void;

/**
 * One plain stream, fed by the turn: what `createUIMessageStream` does for an `execute` that only
 * writes (an error becomes an `error` chunk, then the stream closes), without its extra layers.
 * A reader that cancels (the client went away) does not stop the turn: it still finishes and is stored.
 */
export function createTurnStream(): { stream: ReadableStream<UIMessageChunk>; write: WriteChunk; close(): void } {
  let controller!: ReadableStreamDefaultController<UIMessageChunk>;
  const stream = new ReadableStream<UIMessageChunk>({
    start(streamController) {
      controller = streamController;
    },
  });
  const write: WriteChunk = (chunk) => {
    try {
      controller.enqueue(chunk);
    } catch {
      // The reader cancelled: the chunk is still recorded by the caller.
    }
  };
  const close = () => {
    try {
      controller.close();
    } catch {
      // Already closed by a cancelled reader.
    }
  };
  return { stream, write, close };
}

/** Writes a handoff part and its message as text. */
export function writeHandoff(write: WriteChunk, part: HandoffPartData, generateId: () => string): void {
  write({ type: 'data-handoff', id: generateId(), data: part } as UIMessageChunk);
  if (!part.message) return;
  const textId = generateId();
  write({ type: 'text-start', id: textId });
  write({ type: 'text-delta', id: textId, delta: part.message });
  write({ type: 'text-end', id: textId });
}

/** Agent messages the user may not have seen yet: those since their previous message. */
export function writeAgentMessagesSinceLastTurn(
  write: WriteChunk,
  conversation: StoredConversation,
  generateId: () => string,
): void {
  const messages = conversation.messages;
  let previousUser = -1;
  for (let index = messages.length - 2; index >= 0; index--) {
    if (messages[index]?.role === 'user') {
      previousUser = index;
      break;
    }
  }
  for (const message of messages.slice(previousUser + 1, -1)) {
    if (message.metadata?.author !== 'agent') continue;
    const id = generateId();
    write({ type: 'text-start', id });
    write({ type: 'text-delta', id, delta: `${message.metadata.agentName ?? 'Agent'}: ${messageText(message)}` });
    write({ type: 'text-end', id });
  }
}
