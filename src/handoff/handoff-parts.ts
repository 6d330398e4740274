import type { BriefInput } from '../brief/index.js';
import type { HandoffPartData, HandoffReason } from '../chat/conversation.js';
import { toTranscript } from '../chat/transcript.js';
import { detectLanguage, sentimentTrend } from '../guard/index.js';
import type { HandoffRecord, StoredConversation } from '../store/store.js';
import { lastUserText } from './handoff-service.js';
import { waitingMessage } from './messages.js';

/** The conversation's language: as detected when it was stored, else from the last user message. */
export function languageOf(conversation: StoredConversation): string {
  return conversation.language ?? detectLanguage(lastUserText(conversation) || '');
}

/** Reasons as the user's side sees them: no scores, no evidence. */
export function partReasons(reasons: HandoffReason[]): HandoffPartData['reasons'] {
  return reasons.map(({ reason, source, detail }) => ({ reason, source, detail }));
}

/** The notice for a user who writes while the conversation waits for (or is with) a person. */
export function waitingPart(conversation: StoredConversation): HandoffPartData {
  const handoff = conversation.handoff;
  const language = languageOf(conversation);
  return {
    status: 'waiting',
    reasons: handoff ? partReasons(handoff.reasons) : [],
    ...(handoff?.team ? { team: handoff.team } : {}),
    language,
    ...(handoff?.etaSeconds !== undefined && conversation.state === 'queued' ? { etaSeconds: handoff.etaSeconds } : {}),
    // While a person has the conversation, the notice is the data part alone: their reply is the answer.
    message:
      conversation.state === 'queued'
        ? waitingMessage({
            language,
            ...(handoff?.etaSeconds !== undefined ? { etaSeconds: handoff.etaSeconds } : {}),
          })
        : '',
  };
}

/** What the brief writers read: the transcript without Handrail's notices, the handoff and the user. */
export function briefInput(conversation: StoredConversation, record: HandoffRecord, topic?: string): BriefInput {
  const transcript = conversation.messages
    .filter((message) => message.metadata?.author !== 'system')
    .map((message) => ({
      role: message.role === 'user' ? ('user' as const) : ('assistant' as const),
      content: message.parts.map((part) => (part.type === 'text' ? part.text : '')).join(''),
      author: message.role === 'user' ? undefined : (message.metadata?.author ?? 'bot'),
      ...(message.metadata?.createdAt ? { at: message.metadata.createdAt } : {}),
    }))
    .filter((turn) => turn.content);
  return {
    conversationId: conversation.id,
    createdAt: new Date(record.createdAt),
    transcript,
    reasons: record.reasons,
    urgency: record.urgency,
    identity: conversation.identity ?? null,
    language: languageOf(conversation),
    sentiment: sentimentTrend(toTranscript(conversation.messages)),
    suggestedTeam: record.team,
    skills: record.skills ?? [],
    ...(topic ? { topic } : {}),
  };
}
