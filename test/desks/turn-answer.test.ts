import { describe, expect, it } from 'vitest';
import type { ChatTurnResult } from '../../src/chat/chat-turn.js';
import { turnAnswer } from '../../src/desks/turn-answer.js';
import { conversationWith, handoffRecord } from './desk-fixtures.js';

function result(fields: Partial<ChatTurnResult>): ChatTurnResult {
  return {
    conversation: conversationWith(handoffRecord()),
    message: {
      id: 'a1',
      role: 'assistant',
      parts: [
        { type: 'text', text: '  Your parcel ships today.' },
        { type: 'text', text: 'Anything else? ' },
      ],
    },
    handoff: null,
    modelCalled: true,
    ...fields,
  };
}

describe('turnAnswer', () => {
  it("is the bot's text, trimmed", () => {
    expect(turnAnswer(result({}))).toBe('Your parcel ships today.\nAnything else?');
  });

  it("is the handoff's notice when the turn handed off, empty while a person has it", () => {
    const handoff = { status: 'queued' as const, reasons: [], message: ' A person will answer shortly. ' };
    expect(turnAnswer(result({ handoff }))).toBe('A person will answer shortly.');
    expect(turnAnswer(result({ handoff: { ...handoff, status: 'assigned', message: '' } }))).toBe('');
  });

  it('is empty for a message that was stored already', () => {
    expect(turnAnswer(null)).toBe('');
  });
});
