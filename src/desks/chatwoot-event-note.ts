import type { HandoffEventType } from '../notify/handoff-event.js';
import type { StoredConversation } from '../store/store.js';
import { buildChatwootBrief } from './chatwoot-brief.js';

/**
 * The private note a handoff event after its announcement leaves in Chatwoot (the announcement's
 * note is the brief itself); null for events that leave none. `view.handoff` is the event's handoff.
 */
export function chatwootEventNote(
  type: HandoffEventType,
  view: StoredConversation,
  options: { redact: boolean },
): string | null {
  const record = view.handoff;
  if (!record) return null;
  switch (type) {
    case 'handoff.brief_ready':
      return `**Updated brief**\n${buildChatwootBrief(view, options)}`;
    case 'handoff.escalated':
      return '**Now critical:** the customer wrote something that needs a person at once.';
    case 'handoff.claimed':
      return `Claimed in Handrail's console by ${record.agentId ?? 'an agent'}.`;
    case 'handoff.resolved':
      return record.resolution === 'closed' ? 'Closed in Handrail.' : 'Handed back to the bot in Handrail.';
    default:
      return null;
  }
}
