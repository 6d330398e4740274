import { readUIMessageStream, type UIMessageChunk } from 'ai';
import type { HandrailUIMessage } from '../../src/chat/conversation.js';

/** Parses a UI message stream response (server-sent events) into its chunks. */
export async function readChunks(response: Response): Promise<UIMessageChunk[]> {
  const text = await response.text();
  const chunks: UIMessageChunk[] = [];
  for (const event of text.split('\n\n')) {
    const data = event
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n');
    if (!data || data === '[DONE]') continue;
    chunks.push(JSON.parse(data) as UIMessageChunk);
  }
  return chunks;
}

/** Assembles the streamed assistant message with the AI SDK's own reader. */
export async function readAssistantMessage(response: Response): Promise<HandrailUIMessage> {
  const chunks = await readChunks(response);
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  let message: HandrailUIMessage | undefined;
  for await (const snapshot of readUIMessageStream<HandrailUIMessage>({ stream })) message = snapshot;
  if (!message) throw new Error('the stream held no message');
  return message;
}

let counter = 0;
/** A user message as `useChat` sends it. */
export function userMessage(text: string) {
  counter++;
  return {
    id: `msg-${counter}-${Math.random().toString(36).slice(2)}`,
    role: 'user' as const,
    parts: [{ type: 'text' as const, text }],
  };
}

/** The body `useChat` sends. */
export function chatBody(id: string, messages: ReturnType<typeof userMessage>[]) {
  return JSON.stringify({ id, messages, trigger: 'submit-message' });
}
