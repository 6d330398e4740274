import { z } from 'zod';
import type { KnowledgeBase } from '../model/offline/knowledge-base.js';
import type { ReviewQueueSettings } from './review-queue.js';

/** The review loop's options (`HandrailOptions.review`). */
export interface ReviewOptions {
  /** Share (0..1) of the conversations the bot kept that go to the review queue, by a hash of the id. @default 0.1 */
  sampleShare?: number;
  /** A conversation counts as ended (ready for review) after this many minutes without a change. @default 15 */
  endedAfterMinutes?: number;
  /** The review queue covers conversations that ended within this many days. @default 14 */
  windowDays?: number;
  /** Agents (by id) who may review conversations the bot kept, besides agents who see every team. */
  reviewers?: string[];
  /** The knowledge base, so the gap report names the entry that came closest to each topic. */
  knowledgeBase?: KnowledgeBase;
}

/** Validates {@link ReviewOptions} (when `handrail()` runs). */
export const reviewOptionsSchema = z
  .object({
    sampleShare: z.number().min(0).max(1),
    endedAfterMinutes: z.number().min(0).max(10_080),
    windowDays: z.number().int().min(1).max(366),
    reviewers: z.array(z.string().min(1)),
    knowledgeBase: z.array(z.object({}).loose()).min(1),
  })
  .partial()
  .strict();

/** The queue settings with the defaults filled in. */
export function reviewQueueSettings({
  sampleShare = 0.1,
  endedAfterMinutes = 15,
  windowDays = 14,
}: ReviewOptions = {}): ReviewQueueSettings {
  return { sampleShare, endedAfterMinutes, windowDays };
}
