import { readUIMessageStream, type UIMessageChunk } from 'ai';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleMessage } from '../../src/chat/assemble-message.js';
import type { HandrailMessageMetadata, HandrailUIMessage } from '../../src/chat/conversation.js';

const metadata: HandrailMessageMetadata = { author: 'bot', createdAt: '2026-01-01T00:00:00.000Z', confidence: 0.9 };

/** The reference: the AI SDK's own reader, last snapshot wins (what chat-turn used before). */
async function reference(chunks: UIMessageChunk[], messageId: string): Promise<HandrailUIMessage> {
  let message: HandrailUIMessage = { id: messageId, role: 'assistant', parts: [] };
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  for await (const snapshot of readUIMessageStream<HandrailUIMessage>({ stream })) message = snapshot;
  return { ...message, id: messageId, metadata };
}

const handoffData = {
  handoffId: 'h1',
  status: 'queued',
  reasons: [{ reason: 'explicit_request', source: 'guard', detail: 'asked for a person' }],
  message: 'A person will take over.',
};

describe('assembleMessage', () => {
  it('builds the same message as readUIMessageStream for a bot answer', async () => {
    const chunks: UIMessageChunk[] = [
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Hello ' },
      { type: 'text-delta', id: 't1', delta: 'there.', providerMetadata: { p: { a: 1 } } },
      { type: 'text-end', id: 't1' },
      { type: 'finish-step' },
    ];
    const message = await assembleMessage(chunks, 'm1', metadata);
    expect(message).toStrictEqual(await reference(chunks, 'm1'));
    expect(message.parts).toStrictEqual([
      { type: 'step-start' },
      { type: 'text', text: 'Hello there.', providerMetadata: { p: { a: 1 } }, state: 'done' },
    ]);
  });

  it('builds the same message for a handoff notice, and shares nothing with the chunks', async () => {
    const dataChunk = { type: 'data-handoff', id: 'd1', data: structuredClone(handoffData) } as UIMessageChunk;
    const chunks: UIMessageChunk[] = [
      { type: 'start', messageId: 'm2' },
      dataChunk,
      { type: 'text-start', id: 't2' },
      { type: 'text-delta', id: 't2', delta: handoffData.message },
      { type: 'text-end', id: 't2' },
    ];
    const message = await assembleMessage(chunks, 'm2', metadata);
    expect(message).toStrictEqual(await reference(chunks, 'm2'));
    (dataChunk as { data: { status: string } }).data.status = 'changed';
    expect((message.parts[0] as { data: { status: string } }).data.status).toBe('queued');
  });

  it('falls back to the AI SDK reader for tool chunks', async () => {
    const chunks: UIMessageChunk[] = [
      { type: 'start', messageId: 'm3' },
      { type: 'start-step' },
      { type: 'tool-input-start', toolCallId: 'c1', toolName: 'escalate_to_human' },
      { type: 'tool-input-available', toolCallId: 'c1', toolName: 'escalate_to_human', input: { reason: 'x' } },
      { type: 'tool-output-available', toolCallId: 'c1', output: { ok: true } },
      { type: 'finish-step' },
    ];
    expect(await assembleMessage(chunks, 'm3', metadata)).toStrictEqual(await reference(chunks, 'm3'));
  });

  it('matches readUIMessageStream on random sequences of text, data and step chunks', async () => {
    const ids = fc.constantFrom('a', 'b', 'c');
    const chunk: fc.Arbitrary<UIMessageChunk> = fc.oneof(
      fc.record({ type: fc.constant('start' as const), messageId: fc.constantFrom('m1', 'm2') }),
      fc.constant({ type: 'start-step' as const }),
      fc.constant({ type: 'finish-step' as const }),
      fc.record({ type: fc.constant('text-start' as const), id: ids }),
      fc.record({ type: fc.constant('text-delta' as const), id: ids, delta: fc.string({ maxLength: 5 }) }),
      fc.record(
        {
          type: fc.constant('text-end' as const),
          id: ids,
          providerMetadata: fc.constant({ provider: { value: 1 } }),
        },
        { requiredKeys: ['type', 'id'] },
      ),
      fc.record(
        {
          type: fc.constant('data-handoff' as const),
          id: ids,
          data: fc.record({ n: fc.integer() }),
          transient: fc.boolean(),
        },
        { requiredKeys: ['type', 'data'] },
      ) as fc.Arbitrary<UIMessageChunk>,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(chunk, { maxLength: 14 }), async (chunks) => {
        expect(await assembleMessage(chunks, 'final', metadata)).toStrictEqual(await reference(chunks, 'final'));
      }),
      { numRuns: 300 },
    );
  });
});
