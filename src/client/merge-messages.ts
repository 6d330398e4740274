import type { HandoffPartData, HandrailUIMessage } from '../chat/conversation.js';

/**
 * `current` with the messages of `incoming` it does not have yet (by id) appended, in order; the
 * same array when there is nothing new, so a state setter can skip a render.
 */
export function mergeMessages<MESSAGE extends { id: string }>(current: MESSAGE[], incoming: MESSAGE[]): MESSAGE[] {
  const known = new Set(current.map((message) => message.id));
  const fresh = incoming.filter((message) => {
    if (known.has(message.id)) return false;
    known.add(message.id);
    return true;
  });
  return fresh.length > 0 ? [...current, ...fresh] : current;
}

/** The newest handoff part in the messages (the handoff as the user was last told), or null. */
export function latestHandoff(messages: HandrailUIMessage[]): HandoffPartData | null {
  for (let index = messages.length - 1; index >= 0; index--) {
    const parts = messages[index]?.parts ?? [];
    for (let partIndex = parts.length - 1; partIndex >= 0; partIndex--) {
      const part = parts[partIndex];
      if (part?.type === 'data-handoff') return part.data;
    }
  }
  return null;
}
