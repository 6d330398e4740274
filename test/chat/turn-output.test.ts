import { createUIMessageStreamResponse, type UIMessageChunk } from 'ai';
import { describe, expect, it } from 'vitest';
import { createTurnOutput } from '../../src/chat/turn-output.js';

const chunks: UIMessageChunk[] = [
  { type: 'start', messageId: 'm1' },
  { type: 'text-start', id: 't1' },
  { type: 'text-delta', id: 't1', delta: 'Grüße, "quoted" and 🎉\n' },
  { type: 'text-end', id: 't1' },
  { type: 'data-handoff', id: 'h1', data: { state: 'waiting', message: 'ok' } } as UIMessageChunk,
  { type: 'finish', messageMetadata: { author: 'bot' } },
];

async function readAll<T>(stream: ReadableStream<T>): Promise<T[]> {
  const pieces: T[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) pieces.push(read.value);
  return pieces;
}

const nextTick = () => new Promise((done) => setTimeout(done, 0));

describe('turn output', () => {
  it("sends the AI SDK's UI message stream bytes, chunks written in one tick as one piece", async () => {
    const reference = createUIMessageStreamResponse({
      stream: new ReadableStream<UIMessageChunk>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      }),
    });
    const output = createTurnOutput();
    const sse = output.sse();
    for (const chunk of chunks.slice(0, 4)) output.write(chunk);
    await nextTick();
    for (const chunk of chunks.slice(4)) output.write(chunk);
    output.close();
    const pieces = await readAll(sse);
    expect(pieces).toHaveLength(2);
    expect(Buffer.concat(pieces).toString('utf8')).toBe(await reference.text());
  });

  it('joins the chunks written between awaits of one turn of the event loop, and streams each later turn as it ends', async () => {
    const output = createTurnOutput();
    const reader = output.sse().getReader();
    // A model stream read with `for await`: promise callbacks between the parts, all in one turn.
    for (const chunk of chunks.slice(0, 3)) {
      output.write(chunk);
      await Promise.resolve();
    }
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).match(/^data: /gm)).toHaveLength(3);
    // A part that comes on its own (the next network read) is sent before anything after it is written.
    await nextTick();
    output.write(chunks[3]!);
    const second = await reader.read();
    expect(new TextDecoder().decode(second.value)).toBe(`data: ${JSON.stringify(chunks[3])}\n\n`);
    output.close();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: [DONE]\n\n');
    expect((await reader.read()).done).toBe(true);
  });

  it('replays what was written before the reader chose, and ends a closed output', async () => {
    const output = createTurnOutput();
    for (const chunk of chunks) output.write(chunk);
    output.close();
    output.write({ type: 'text-start', id: 'late' });
    expect(await readAll(output.chunks())).toEqual(chunks);
  });

  it('is read once, as chunks or as SSE', () => {
    const output = createTurnOutput();
    output.chunks();
    expect(() => output.sse()).toThrow(/read once/);
  });

  it('goes on writing after the reader cancelled', async () => {
    for (const open of ['chunks', 'sse'] as const) {
      const output = createTurnOutput();
      const stream: ReadableStream<unknown> = output[open]();
      output.write(chunks[0]!);
      await stream.cancel();
      expect(() => {
        for (const chunk of chunks) output.write(chunk);
        output.close();
      }).not.toThrow();
      await nextTick();
    }
  });
});
