import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';

/** Splits text into chunks of `size` words, each chunk keeping the whitespace that follows it. */
export function chunkWords(text: string, size: number): string[] {
  const words = text.match(/\S+\s*/g) ?? [text];
  const chunks: string[] = [];
  for (let start = 0; start < words.length; start += size) chunks.push(words.slice(start, start + size).join(''));
  return chunks;
}

/** Splits text into chunks of `size` characters. */
export function chunkCharacters(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size) chunks.push(text.slice(start, start + size));
  return chunks;
}

/** A stream of `parts` that pauses `delayMs` before each text or tool-input chunk after the first. */
export function streamParts(
  parts: LanguageModelV4StreamPart[],
  delayMs: number,
  abortSignal: AbortSignal | undefined,
): ReadableStream<LanguageModelV4StreamPart> {
  let position = 0;
  return new ReadableStream<LanguageModelV4StreamPart>({
    async pull(controller) {
      try {
        abortSignal?.throwIfAborted();
        // Pause before each text or tool-input chunk after the first, like tokens arriving from a server.
        const part = parts[position];
        if (delayMs > 0 && position > 2 && (part?.type === 'text-delta' || part?.type === 'tool-input-delta')) {
          await sleep(delayMs, abortSignal);
        }
        if (part === undefined) {
          controller.close();
          return;
        }
        position++;
        controller.enqueue(part);
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

function sleep(milliseconds: number, abortSignal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (abortSignal?.aborted) {
      reject(abortSignal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortSignal?.reason);
    };
    const timer = setTimeout(() => {
      abortSignal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    abortSignal?.addEventListener('abort', onAbort, { once: true });
  });
}
