import type { HandoffPartData, HandrailUIMessage } from './types.js';

/** The text of a message: its text parts joined. */
export function messageText(message: HandrailUIMessage): string {
  return message.parts
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('')
    .trim();
}

/** The handoff data a message carries, if any (the last `data-handoff` part). */
export function handoffOf(message: HandrailUIMessage): HandoffPartData | null {
  let found: HandoffPartData | null = null;
  for (const part of message.parts) if (part.type === 'data-handoff') found = part.data;
  return found;
}

/** Who wrote a message: the customer, the bot, a person, or Handrail's own notice. */
export function authorOf(message: HandrailUIMessage): 'user' | 'bot' | 'agent' | 'system' {
  if (message.role === 'user') return 'user';
  const author = message.metadata?.author;
  if (author === 'agent' || author === 'system') return author;
  return handoffOf(message) ? 'system' : 'bot';
}
