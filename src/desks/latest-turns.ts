import type { StoredConversation } from '../store/store.js';

/** One turn of the transcript as a desk shows it: who wrote it and its text on one line. */
export interface DeskTurn {
  who: 'Customer' | 'Agent' | 'Bot';
  text: string;
}

/**
 * The last `count` turns of the conversation with text, Handrail's own notices left out, each with
 * its whitespace collapsed: the transcript excerpt of the Slack message and of the Chatwoot note.
 */
export function latestTurns(conversation: StoredConversation, count: number): DeskTurn[] {
  const turns: DeskTurn[] = [];
  for (const message of conversation.messages) {
    if (message.metadata?.author === 'system') continue;
    const text = message.parts
      .map((part) => (part.type === 'text' ? part.text : ''))
      .join('')
      .trim();
    if (!text) continue;
    const who = message.role === 'user' ? 'Customer' : message.metadata?.author === 'agent' ? 'Agent' : 'Bot';
    turns.push({ who, text: text.replace(/\s+/g, ' ') });
  }
  return turns.slice(-count);
}
