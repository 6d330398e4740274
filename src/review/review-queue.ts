import { fnv1a } from '../guard/text/fnv1a.js';
import type { StoredConversation } from '../store/store.js';
import { conversationTranscript, isBotOnlyHandoffs } from './case-transcript.js';
import { type ReviewSignals, reviewSignals } from './review-signals.js';

/** Settings of the review queue. */
export interface ReviewQueueSettings {
  /** Share (0..1) of the conversations the bot kept that are sampled for review, by a hash of the id. @default 0.1 */
  sampleShare: number;
  /** A conversation counts as ended after this many minutes without a change. @default 15 */
  endedAfterMinutes: number;
  /** Only conversations that ended within this many days. @default 14 */
  windowDays: number;
}

/** Why a conversation is in the review queue. */
export type ReviewCause = 'sampled' | 'negative_sentiment' | 'repeated_question';

/** One entry of the review queue. */
export interface ReviewQueueEntry {
  id: string;
  updatedAt: string;
  causes: ReviewCause[];
  evidence: string[];
  /** The customer's last message. */
  lastUserText: string;
  turns: number;
  /** Set once reviewed. */
  review: StoredConversation['review'] | null;
}

/**
 * Whether `id` falls in the sampled share: FNV-1a of the id over 2^32, below `share`. The same id
 * is always in or out, on every instance, so a share can grow without reshuffling the sample.
 */
export function inReviewSample(id: string, share: number): boolean {
  return fnv1a(id) / 2 ** 32 < share;
}

/**
 * The review queue: conversations the bot kept to itself that ended (no change for
 * `endedAfterMinutes`, within `windowDays`), the sampled share plus every one that ended with
 * negative sentiment or a repeated question; unreviewed first, then newest first. Pure.
 */
export function buildReviewQueue(
  conversations: readonly StoredConversation[],
  settings: ReviewQueueSettings,
  now: Date,
): ReviewQueueEntry[] {
  const endedBefore = now.getTime() - settings.endedAfterMinutes * 60_000;
  const since = now.getTime() - settings.windowDays * 86_400_000;
  const entries: ReviewQueueEntry[] = [];
  for (const conversation of conversations) {
    const updated = Date.parse(conversation.updatedAt);
    if (!isBotOnlyHandoffs(conversation) || updated > endedBefore || updated < since) continue;
    const turns = conversationTranscript(conversation);
    if (turns.length === 0) continue;
    const signals: ReviewSignals = reviewSignals(conversation);
    const causes: ReviewCause[] = [];
    if (inReviewSample(conversation.id, settings.sampleShare)) causes.push('sampled');
    if (signals.negativeSentiment) causes.push('negative_sentiment');
    if (signals.repeatedQuestion) causes.push('repeated_question');
    if (causes.length === 0) continue;
    entries.push({
      id: conversation.id,
      updatedAt: conversation.updatedAt,
      causes,
      evidence: signals.evidence,
      lastUserText: turns.findLast((turn) => turn.role === 'user')?.content ?? '',
      turns: turns.length,
      review: conversation.review ?? null,
    });
  }
  return entries.sort(
    (a, b) => Number(a.review !== null) - Number(b.review !== null) || b.updatedAt.localeCompare(a.updatedAt),
  );
}
