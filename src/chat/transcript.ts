import type { Transcript, TranscriptTurn } from '../guard/types.js';
import type { HandrailUIMessage } from './conversation.js';

/** The plain text of a message: its text parts joined. */
export function messageText(message: Pick<HandrailUIMessage, 'parts'>): string {
  let text = '';
  for (const part of message.parts) {
    if (part.type === 'text') text += text ? `\n${part.text}` : part.text;
  }
  return text;
}

/**
 * The guard's view of stored messages: user turns and the bot's or agent's answers,
 * without Handrail's own notices (handoff and status messages).
 */
export function toTranscript(messages: readonly HandrailUIMessage[]): Transcript {
  const turns: TranscriptTurn[] = [];
  for (const message of messages) {
    if (message.role === 'system' || message.metadata?.author === 'system') continue;
    const content = messageText(message);
    if (!content) continue;
    const turn: TranscriptTurn = { role: message.role === 'user' ? 'user' : 'assistant', content };
    if (message.role === 'assistant') {
      turn.author = message.metadata?.author === 'agent' ? 'agent' : 'bot';
      if (message.metadata?.confidence !== undefined) turn.confidence = message.metadata.confidence;
      if (message.metadata?.fallback) turn.fallback = true;
    }
    turns.push(turn);
  }
  return turns;
}
