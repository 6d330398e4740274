import type { HandoffEvent } from '../notify/handoff-event.js';
import { redactPii } from '../notify/redact.js';
import type { StoredConversation } from '../store/store.js';
import { escapeMrkdwn } from './slack-text.js';
import type { SlackWebApi } from './slack-web-api.js';

/** What the handoff's thread is told about an event, if anything. `view.handoff` is the event's handoff. */
export function slackThreadNoteOf(
  event: HandoffEvent,
  view: StoredConversation,
  agentLabel: string | undefined,
  redact: boolean,
): string | null {
  const handoff = view.handoff!;
  switch (event.type) {
    case 'user_message.created': {
      const text = event.message?.text ?? '';
      return `*Customer:* ${escapeMrkdwn(redact ? redactPii(text) : text)}`;
    }
    case 'handoff.claimed':
      return `:raising_hand: ${agentLabel ?? escapeMrkdwn(handoff.agentId ?? 'An agent')} has the conversation. Write in this thread to answer the customer.`;
    case 'handoff.resolved':
      return handoff.resolution === 'closed' ? ':white_check_mark: Closed.' : ':robot_face: Back with the bot.';
    case 'handoff.escalated':
      return ':rotating_light: Now *critical*: the customer wrote something that needs a person at once.';
    default:
      return null;
  }
}

/** Posts a note from the bot in the thread of message `ts`; `broadcast` also shows it in the channel. */
export async function postSlackThreadNote(
  slack: SlackWebApi,
  where: { channel: string; ts: string },
  text: string,
  signal?: AbortSignal,
  broadcast = false,
): Promise<void> {
  await slack.postMessage(
    { channel: where.channel, thread_ts: where.ts, text, ...(broadcast ? { reply_broadcast: true } : {}) },
    signal,
  );
}
