import type { UIMessageChunk } from 'ai';
import { describe, expect, it } from 'vitest';
import { foldMessageChunks } from '../../src/chat/fold-message-chunks.js';

describe('foldMessageChunks', () => {
  it('folds text and step chunks into the last snapshot', () => {
    const message = foldMessageChunks([
      { type: 'start', messageId: 'm1' },
      { type: 'start-step' },
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Hi' },
      { type: 'text-end', id: 't1', providerMetadata: { p: { a: 1 } } },
      { type: 'finish-step' },
      // A step start after the last snapshot is not in the result.
      { type: 'start-step' },
    ]);
    expect(message).toStrictEqual({
      id: 'm1',
      metadata: undefined,
      role: 'assistant',
      parts: [{ type: 'step-start' }, { type: 'text', text: 'Hi', providerMetadata: { p: { a: 1 } }, state: 'done' }],
    });
  });

  it('replaces the data of a data part with the same type and id, and keeps no transient one', () => {
    const message = foldMessageChunks([
      { type: 'start', messageId: 'm1' },
      { type: 'data-handoff', id: 'd1', data: { status: 'queued' } } as UIMessageChunk,
      { type: 'data-handoff', id: 'd1', data: { status: 'assigned' } } as UIMessageChunk,
      { type: 'data-note', data: 'seen', transient: true } as UIMessageChunk,
    ]);
    expect(message?.parts).toStrictEqual([{ type: 'data-handoff', id: 'd1', data: { status: 'assigned' } }]);
  });

  it('starts over on a new message id and is empty without any snapshot', () => {
    const message = foldMessageChunks([
      { type: 'start', messageId: 'm1' },
      { type: 'text-start', id: 't1' },
      { type: 'start', messageId: 'm2' },
    ]);
    expect(message).toStrictEqual({ id: 'm2', metadata: undefined, role: 'assistant', parts: [] });
    expect(foldMessageChunks([{ type: 'start-step' }, { type: 'finish-step' }])).toStrictEqual({
      id: '',
      role: 'assistant',
      parts: [],
    });
  });

  it('gives up (null) on what only the AI SDK reader handles', () => {
    expect(foldMessageChunks([{ type: 'start', messageId: 'm1', messageMetadata: { a: 1 } }])).toBe(null);
    expect(foldMessageChunks([{ type: 'text-delta', id: 'nope', delta: 'x' }])).toBe(null);
    expect(foldMessageChunks([{ type: 'text-end', id: 'nope' }])).toBe(null);
    expect(foldMessageChunks([{ type: 'tool-input-start', toolCallId: 'c1', toolName: 'escalate_to_human' }])).toBe(
      null,
    );
  });
});
