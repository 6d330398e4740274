import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { conversationTranscript, replayConversations, storeExportSchema } from '../../src/evals/replay.js';
import { createGuard } from './fixtures/keyword-guard.js';

const exportFile = new URL('./fixtures/store-export.json', import.meta.url);

describe('replayConversations', () => {
  it('lists conversations never handed off on which the guard fires, with evidence', async () => {
    const conversations = storeExportSchema.parse(JSON.parse(await readFile(exportFile, 'utf8')));
    const report = await replayConversations(conversations, createGuard);
    expect(report).toMatchObject({ conversations: 3, handedOff: 1, neverHandedOff: 2 });
    expect(report.shouldHaveEscalated).toHaveLength(1);
    expect(report.shouldHaveEscalated[0]).toMatchObject({
      id: 'conv-abandoned',
      state: 'bot',
      turns: 3,
      firedReason: 'negative_sentiment',
      escalatedAtTurn: 2,
      userText: 'I already tried, this is useless',
    });
    expect(report.shouldHaveEscalated[0]?.evidence[0]).toMatchObject({ text: 'useless', turn: 2, fired: true });
  });

  it('turns stored UI messages into a plain transcript', () => {
    const [conversation] = storeExportSchema.parse([
      {
        id: 'c',
        messages: [
          {
            id: '1',
            role: 'user',
            parts: [
              { type: 'text', text: 'hello' },
              { type: 'text', text: 'there' },
            ],
          },
          { id: '2', role: 'assistant', parts: [{ type: 'step-start' }, { type: 'text', text: 'hi' }] },
          { id: '3', role: 'assistant', parts: [{ type: 'text', text: 'Sam here' }], metadata: { author: 'agent' } },
          { id: '4', role: 'assistant', parts: [{ type: 'text', text: 'Sam joined' }], metadata: { author: 'system' } },
          { id: '5', role: 'system', parts: [{ type: 'text', text: 'system prompt' }] },
          { id: '6', role: 'assistant', parts: [{ type: 'data-handoff', data: {} }] },
        ],
        handoff: null,
      },
    ]);
    expect(conversationTranscript(conversation!)).toEqual([
      { role: 'user', content: 'hello\nthere' },
      { role: 'assistant', content: 'hi' },
      { role: 'assistant', content: 'Sam here', author: 'agent' },
    ]);
  });

  it('rejects an export that is not an array of conversations', () => {
    expect(storeExportSchema.safeParse({ id: 'x' }).success).toBe(false);
    expect(storeExportSchema.safeParse([{ id: 'x', messages: [{ role: 'user' }], handoff: null }]).success).toBe(false);
  });
});
