import type { HandoffRecord, StoredConversation } from '../store/store.js';

/**
 * A conversation as the user's side may see it: the messages, the state and what the handoff
 * means for the user (why, which team, how long, what happened to it). Never the token hash nor
 * the agents' side of the handoff: the brief (with its error, which may quote the provider),
 * skills, urgency, scores and evidence, or which agent has it; nor the guard's state.
 */
export function publicConversation(conversation: StoredConversation) {
  const { tokenHash: _tokenHash, guardState: _guardState, handoff, ...rest } = conversation;
  return { ...rest, handoff: handoff ? publicHandoff(handoff) : null };
}

function publicHandoff(handoff: HandoffRecord) {
  return {
    id: handoff.id,
    createdAt: handoff.createdAt,
    reasons: handoff.reasons.map(({ reason, source, detail }) => ({ reason, source, detail })),
    team: handoff.team,
    ...(handoff.etaSeconds !== undefined ? { etaSeconds: handoff.etaSeconds } : {}),
    ...(handoff.collecting ? { collecting: true } : {}),
    ...(handoff.awaitingContact ? { awaitingContact: true } : {}),
    ...(handoff.claimedAt ? { claimedAt: handoff.claimedAt } : {}),
    ...(handoff.resolvedAt ? { resolvedAt: handoff.resolvedAt, resolution: handoff.resolution } : {}),
    ...(handoff.ticket ? { ticket: handoff.ticket } : {}),
  };
}
