import type { StoredConversation } from '../store/store.js';

/**
 * Where a conversation is in its handoff, read from its stored state and handoff record:
 *
 * - `bot`: the bot has it (never handed off, or handed back);
 * - `collecting`: a handoff is open and the bot asks the pre-handoff questions first (not announced yet);
 * - `queued`: announced and waiting for an agent;
 * - `awaiting_contact`: nobody is available and the bot waits for the user's email to open a ticket;
 * - `ticket`: nobody is available and an offline ticket is open;
 * - `assigned`: an agent claimed it; `human`: the agent has written to the user;
 * - `resolved`: closed as done.
 */
export const handoffPhases = [
  'bot',
  'collecting',
  'queued',
  'awaiting_contact',
  'ticket',
  'assigned',
  'human',
  'resolved',
] as const;

/** One of {@link handoffPhases}. */
export type HandoffPhase = (typeof handoffPhases)[number];

/** The phases in which a handoff is open (people have the conversation or it waits for them). */
export const openHandoffPhases: readonly HandoffPhase[] = [
  'collecting',
  'queued',
  'awaiting_contact',
  'ticket',
  'assigned',
  'human',
];

const activeStates = new Set(['queued', 'assigned', 'human']);

/** The {@link HandoffPhase} of a stored conversation. */
export function handoffPhaseOf(conversation: Pick<StoredConversation, 'state' | 'handoff'>): HandoffPhase {
  const { state, handoff } = conversation;
  if (state === 'resolved') return 'resolved';
  // Without a handoff record nothing is open, whatever the state says.
  if (!handoff || !activeStates.has(state)) return 'bot';
  if (state === 'assigned' || state === 'human') return state;
  if (handoff.collecting) return 'collecting';
  if (handoff.awaitingContact) return 'awaiting_contact';
  if (handoff.ticket) return 'ticket';
  return 'queued';
}

/** True when the conversation has an open handoff (see {@link openHandoffPhases}). */
export function hasOpenHandoff(conversation: Pick<StoredConversation, 'state' | 'handoff'>): boolean {
  return openHandoffPhases.includes(handoffPhaseOf(conversation));
}
