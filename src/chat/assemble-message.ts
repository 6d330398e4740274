import { readUIMessageStream, type UIMessageChunk } from 'ai';
import type { HandrailMessageMetadata, HandrailUIMessage } from './conversation.js';
import { foldMessageChunks } from './fold-message-chunks.js';

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
  const folded = foldMessageChunks(chunks);
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
