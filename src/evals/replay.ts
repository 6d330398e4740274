import { z } from 'zod';
import type { TranscriptTurn } from '../guard/types.js';
import type { OutcomeEvidence } from './case-result.js';
import { type GuardLike, judgeTranscript } from './guard-runner.js';

/** The parts of a `StoredConversation` (src/store/store.ts) that replay reads. */
const storedConversationSchema = z.looseObject({
  id: z.string(),
  state: z.string().optional(),
  messages: z.array(
    z.looseObject({
      id: z.string().optional(),
      role: z.string(),
      parts: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })),
      metadata: z.looseObject({ author: z.string().optional() }).optional().nullable(),
    }),
  ),
  handoff: z.unknown().nullable(),
});

/** A store export: a JSON array of stored conversations. */
export const storeExportSchema = z.array(storedConversationSchema);

/** One conversation of a store export, as replay reads it. */
export type ExportedConversation = z.infer<typeof storedConversationSchema>;

/** A conversation that never reached a person although the guard fires on it. */
export interface ReplayFinding {
  id: string;
  state: string | undefined;
  turns: number;
  firedReason: string;
  /** Index in the transcript of the turn at which the guard fires. */
  escalatedAtTurn: number;
  /** The user turn at (or just before) that point. */
  userText: string;
  evidence: OutcomeEvidence[];
}

/** What a replay found over a store export. */
export interface ReplayReport {
  conversations: number;
  handedOff: number;
  neverHandedOff: number;
  /** Never handed off, but the guard fires at some turn. */
  shouldHaveEscalated: ReplayFinding[];
}

/**
 * The plain-text transcript of a stored conversation: user and assistant messages with
 * their text parts joined; system notices and data parts left out. Messages an agent
 * wrote keep `author: 'agent'`.
 */
export function conversationTranscript(conversation: ExportedConversation): TranscriptTurn[] {
  const transcript: TranscriptTurn[] = [];
  for (const message of conversation.messages) {
    if (message.role !== 'user' && message.role !== 'assistant') continue;
    if (message.metadata?.author === 'system') continue;
    const content = message.parts
      .filter((part) => part.type === 'text' && typeof part.text === 'string')
      .map((part) => part.text)
      .join('\n')
      .trim();
    if (content === '') continue;
    transcript.push({
      role: message.role,
      content,
      ...(message.role === 'assistant' && message.metadata?.author === 'agent' ? { author: 'agent' as const } : {}),
    });
  }
  return transcript;
}

/**
 * Runs a guard over every conversation of a store export that was never handed off
 * (`handoff === null`) and lists those on which it fires at some turn, with evidence:
 * conversations abandoned by the bot that a person should have taken.
 */
export async function replayConversations(
  conversations: readonly ExportedConversation[],
  createGuardForConversation: () => GuardLike,
): Promise<ReplayReport> {
  const shouldHaveEscalated: ReplayFinding[] = [];
  let handedOff = 0;
  for (const conversation of conversations) {
    if (conversation.handoff !== null && conversation.handoff !== undefined) {
      handedOff++;
      continue;
    }
    const transcript = conversationTranscript(conversation);
    const outcome = await judgeTranscript(createGuardForConversation(), transcript);
    if (!outcome.escalated || outcome.escalatedAtTurn === null) continue;
    const userTurn = transcript
      .slice(0, outcome.escalatedAtTurn + 1)
      .reverse()
      .find((turn) => turn.role === 'user');
    shouldHaveEscalated.push({
      id: conversation.id,
      state: conversation.state,
      turns: transcript.length,
      firedReason: outcome.firedReason ?? 'unknown',
      escalatedAtTurn: outcome.escalatedAtTurn,
      userText: userTurn?.content ?? '',
      evidence: outcome.evidence,
    });
  }
  return {
    conversations: conversations.length,
    handedOff,
    neverHandedOff: conversations.length - handedOff,
    shouldHaveEscalated,
  };
}
