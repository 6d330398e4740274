import { HandoffStateError } from '../errors/handoff-state-error.js';
import { findByDeskReference, markHandled, unmarkHandled } from './desk-reference.js';
import { slackAgentFor } from './slack-agents.js';
import type { SlackDeskParts } from './slack-desk-parts.js';
import { type SlackEventEnvelope, type SlackThreadReply, slackThreadReplyOf } from './slack-payloads.js';
import { slackTextToPlain } from './slack-text.js';
import { postSlackThreadNote } from './slack-thread-note.js';

/**
 * Works on one Events API callback after it was acknowledged: an agent's reply in a handoff's
 * thread reaches the customer (claiming the handoff for them when nobody has it). The event id is
 * recorded before the work, so Slack's retries and second copies do nothing; a user who is no
 * agent, or a handoff that moved on, is told so in the thread.
 */
export async function handleSlackMessageEvent(parts: SlackDeskParts, envelope: SlackEventEnvelope): Promise<void> {
  const reply = slackThreadReplyOf(envelope, parts.internalPrefix);
  if (!reply) return;
  const { store, teams } = parts.runtime.context();
  const conversationId = await findByDeskReference(store, parts.name, reply.threadTs, reply.channel);
  if (!conversationId) return;
  // Recorded before the work: a retry or a second copy of this event finds it and stops.
  if (!(await markHandled(store, conversationId, parts.name, reply.eventId))) return;
  const handoff = (await store.getConversation(conversationId))?.handoff;
  if (!handoff) return;
  const agent = slackAgentFor(parts, teams, { userId: reply.userId, team: handoff.team });
  const thread = { channel: reply.channel, ts: reply.threadTs };
  if (!agent) {
    const note = `<@${reply.userId}> is not set up as an agent here; the customer did not get that message.`;
    await postSlackThreadNote(parts.slack, thread, note);
    return;
  }
  const text = slackTextToPlain(reply.text);
  if (!text) return;
  try {
    if (!handoff.agentId) await parts.runtime.context().handoffs.claim(conversationId, agent);
    await parts.runtime.context().handoffs.sendAgentMessage(conversationId, agent, text);
  } catch (error) {
    await replyFailed(parts, conversationId, reply, error);
  }
}

/**
 * A reply that did not reach the customer: a handoff that moved on is said in the thread; any other
 * failure is logged and the event forgotten, so Slack's retry of it is worked on again.
 */
async function replyFailed(parts: SlackDeskParts, conversationId: string, reply: SlackThreadReply, error: unknown) {
  if (HandoffStateError.isInstance(error)) {
    const note = `<@${reply.userId}>: not sent to the customer. ${error.message}`;
    await postSlackThreadNote(parts.slack, { channel: reply.channel, ts: reply.threadTs }, note);
    return;
  }
  const { store, logger } = parts.runtime.context();
  await unmarkHandled(store, conversationId, parts.name, reply.eventId).catch(() => {});
  logger.error('slack-desk-message-failed', { conversationId, error: String(error) });
}
