import { HandoffStateError } from '../errors/handoff-state-error.js';
import { slackAgentFor } from './slack-agents.js';
import type { SlackDeskParts } from './slack-desk-parts.js';
import { type SlackButtonPress, type SlackInteraction, slackButtonPressesOf } from './slack-payloads.js';
import { postSlackThreadNote } from './slack-thread-note.js';

/**
 * Works on one `block_actions` payload after it was acknowledged: each press of Claim, Back to bot
 * or Close on a brief acts on its handoff, in order, as the Slack user's agent.
 */
export async function handleSlackBlockActions(parts: SlackDeskParts, payload: SlackInteraction): Promise<void> {
  for (const press of slackButtonPressesOf(payload)) await applyButtonPress(parts, press);
}

/**
 * One button press. A stale button (an older handoff) or a message in another channel acts on
 * nothing; a user who is no agent, or a handoff that moved on, is told so in the thread.
 */
async function applyButtonPress(parts: SlackDeskParts, press: SlackButtonPress): Promise<void> {
  const { store, handoffs, teams } = parts.runtime.context();
  const conversation = await store.getConversation(press.value.conversationId);
  const handoff = conversation?.handoff;
  const reference = handoff?.desks?.[parts.name];
  if (!conversation || !handoff || handoff.id !== press.value.handoffId || !reference) return;
  if (press.channel && reference.location && press.channel !== reference.location) return;
  const agent = slackAgentFor(parts, teams, { userId: press.userId, team: handoff.team, slackName: press.slackName });
  const thread = { channel: reference.location ?? press.channel ?? '', ts: reference.externalId };
  if (!agent) {
    await postSlackThreadNote(parts.slack, thread, `<@${press.userId}> is not set up as an agent here.`);
    return;
  }
  try {
    if (press.kind === 'claim') await handoffs.claim(conversation.id, agent);
    else await handoffs.resolve(conversation.id, agent, press.kind === 'close' ? 'closed' : 'bot');
  } catch (error) {
    if (!HandoffStateError.isInstance(error)) throw error;
    await postSlackThreadNote(parts.slack, thread, `<@${press.userId}>: ${error.message}`);
  }
}
