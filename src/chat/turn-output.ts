import type { UIMessageChunk } from 'ai';

/** Writes one chunk to the turn's output. */
export type WriteChunk = (chunk: UIMessageChunk) => void;

/**
 * Where a turn's chunks go: written as they come, read once as either the UI message chunks or
 * their Server-Sent Events bytes. Chunks written before the reader chose are kept and replayed;
 * a turn nobody reads keeps no stream at all.
 */
export interface TurnOutput {
  write: WriteChunk;
  /** Ends the output (after its last chunk). */
  close(): void;
  /** The chunks as a stream of objects. */
  chunks(): ReadableStream<UIMessageChunk>;
  /**
   * The chunks as the AI SDK's UI message stream protocol sends them (`data: <json>\n\n` each,
   * then `data: [DONE]\n\n`), UTF-8 encoded: the bytes of `createUIMessageStreamResponse`. Chunks
   * written in the same turn of the event loop go out as one piece.
   */
  sse(): ReadableStream<Uint8Array>;
}

interface Sink {
  push(chunk: UIMessageChunk): void;
  end(): void;
}

/** Creates a {@link TurnOutput}. A reader that cancels (the client went away) does not stop the turn. */
export function createTurnOutput(): TurnOutput {
  let pending: UIMessageChunk[] | null = [];
  let closed = false;
  let sink: Sink | null = null;
  const attach = (next: Sink) => {
    if (sink) throw new Error("A turn's output is read once: as chunks or as SSE, not both.");
    sink = next;
    for (const chunk of pending ?? []) next.push(chunk);
    pending = null;
    if (closed) next.end();
  };
  return {
    write: (chunk) => {
      if (closed) return;
      if (sink) sink.push(chunk);
      else pending?.push(chunk);
    },
    close: () => {
      if (closed) return;
      closed = true;
      sink?.end();
    },
    chunks: () => {
      const { stream, controller } = openStream<UIMessageChunk>();
      attach({ push: (chunk) => safely(() => controller.enqueue(chunk)), end: () => safely(() => controller.close()) });
      return stream;
    },
    sse: () => {
      const { stream, controller } = openStream<Uint8Array>();
      attach(sseSink(controller));
      return stream;
    },
  };
}

const encoder = new TextEncoder();

/**
 * Runs `work` once the current turn of the event loop is over (its promise callbacks included):
 * `setImmediate` where there is one (Node), a zero timer elsewhere (Workers, browsers).
 */
const afterThisTurn: (work: () => void) => void =
  typeof setImmediate === 'function' ? (work) => setImmediate(work) : (work) => setTimeout(work, 0);

/**
 * Frames chunks as SSE events, joining the ones written in the same turn of the event loop into
 * one enqueue: the parts a model's stream yields from one network read (or a model that answers
 * at once) go out in one write, not one write each; a part that arrives on its own goes out as soon
 * as its turn ends.
 */
function sseSink(controller: ReadableStreamDefaultController<Uint8Array>): Sink {
  let text = '';
  let scheduled = false;
  let ended = false;
  const flush = () => {
    scheduled = false;
    if (text) safely(() => controller.enqueue(encoder.encode(text)));
    text = '';
    if (ended) safely(() => controller.close());
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    afterThisTurn(flush);
  };
  return {
    push: (chunk) => {
      text += `data: ${JSON.stringify(chunk)}\n\n`;
      schedule();
    },
    end: () => {
      text += 'data: [DONE]\n\n';
      ended = true;
      schedule();
    },
  };
}

function openStream<T>(): { stream: ReadableStream<T>; controller: ReadableStreamDefaultController<T> } {
  let controller!: ReadableStreamDefaultController<T>;
  const stream = new ReadableStream<T>({
    start(streamController) {
      controller = streamController;
    },
  });
  return { stream, controller };
}

/** Runs a controller call that throws once the reader has cancelled: the turn goes on regardless. */
function safely(call: () => void): void {
  try {
    call();
  } catch {
    // The reader cancelled.
  }
}
