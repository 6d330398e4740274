import type { HandrailUIMessage } from '../src/chat/conversation.js';
import type { HandoffRecord, StoredConversation } from '../src/store/store.js';
import { benchAnswer } from './bench-model.js';
import { benchQuestions } from './overhead.js';

/** Every `handoffEvery`-th conversation has a handoff with a brief. */
export const handoffEvery = 10;

/**
 * A realistic stored conversation for the memory benchmark: two questions and two answers
 * (with metadata as Handrail stores it), a token hash, and for one in {@link handoffEvery} a
 * handoff record with its brief. Texts carry the index so no two conversations share strings.
 */
export function benchConversation(index: number, at = new Date(Date.UTC(2026, 0, 1))): StoredConversation {
  const time = (offsetSeconds: number) => new Date(at.getTime() + index * 1000 + offsetSeconds * 1000).toISOString();
  const id = `bench-conversation-${index.toString(36).padStart(8, '0')}`;
  const question = (turn: number) => `${benchQuestions[(index + turn) % benchQuestions.length]!} (#${index}.${turn})`;
  const messages: HandrailUIMessage[] = [];
  for (let turn = 0; turn < 2; turn++) {
    messages.push({
      id: `${id}-user-${turn}`,
      role: 'user',
      parts: [{ type: 'text', text: question(turn) }],
      metadata: { createdAt: time(turn * 10) },
    });
    messages.push({
      id: `${id}-bot-${turn}`,
      role: 'assistant',
      parts: [{ type: 'text', text: `${benchAnswer} (#${index}.${turn})` }],
      metadata: { author: 'bot', createdAt: time(turn * 10 + 2), confidence: 0.95 },
    });
  }
  const handoff: HandoffRecord | null =
    index % handoffEvery === 0
      ? {
          id: `${id}-handoff`,
          createdAt: time(30),
          reasons: [{ reason: 'explicit_request', source: 'guard', detail: 'asked for a person', score: 0.97 }],
          urgency: 'normal',
          team: 'cards',
          skills: ['cards'],
          etaSeconds: 240,
          briefSource: 'extractive',
          brief: {
            conversationId: id,
            createdAt: time(30),
            reasons: [{ reason: 'explicit_request', source: 'guard', detail: 'asked for a person' }],
            urgency: 'normal',
            customer: null,
            language: 'en',
            intent: 'card_question',
            entities: { orderIds: [], emails: [], amounts: [], dates: [] },
            sentiment: { score: -0.1, trend: 'stable' },
            summary: `The customer asked about their card and then asked for a person (#${index}).`,
            botAttempts: [`${benchAnswer} (#${index}.0)`],
            openQuestions: [question(1)],
            suggestedTeam: 'cards',
            skills: ['cards'],
            transcript: messages.map((message) => ({
              role: message.role,
              text: message.parts.map((part) => ('text' in part ? part.text : '')).join(''),
            })),
            transcriptTurns: messages.length,
            source: 'extractive',
          },
        }
      : null;
  return {
    id,
    version: 0,
    state: handoff ? 'queued' : 'bot',
    createdAt: time(0),
    updatedAt: time(30),
    tokenHash: (index.toString(16).padStart(8, '0') + 'a'.repeat(56)).slice(0, 64),
    language: 'en',
    messages,
    handoff,
  };
}
