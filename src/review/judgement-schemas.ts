import { z } from 'zod';
import { expectedReasons } from '../evals/eval-case.js';

/** Reasons a judgement or review can give: the eval's case reasons, without `none`. */
export const judgementReasons = expectedReasons.filter(
  (reason): reason is Exclude<(typeof expectedReasons)[number], 'none'> => reason !== 'none',
);

const reasonSchema = z.enum(judgementReasons as [string, ...string[]], {
  error: `reason must be one of ${judgementReasons.join(', ')}`,
});
const noteSchema = z.string().trim().max(2000, 'note must be at most 2000 characters').optional();

/**
 * Body of `POST /agent/conversations/:id/judgement`: was the handoff needed, and (when the
 * recorded reason was wrong) the right one. `handoffId` defaults to the latest handoff.
 */
export const handoffJudgementBodySchema = z
  .object({
    needed: z.boolean({ error: 'needed must be true or false' }),
    reason: reasonSchema.optional(),
    note: noteSchema,
    handoffId: z.string().min(1).optional(),
  })
  .strict()
  .refine((body) => body.needed || body.reason === undefined, {
    message: 'reason is only given when the handoff was needed',
    path: ['reason'],
  });

/** Body of `POST /agent/review/:id`: `missed` (it should have reached a person, with why) or `fine`. */
export const conversationReviewBodySchema = z
  .object({
    verdict: z.enum(['missed', 'fine'], { error: 'verdict must be "missed" or "fine"' }),
    reason: reasonSchema.optional(),
    note: noteSchema,
  })
  .strict()
  .refine((body) => (body.verdict === 'missed') === (body.reason !== undefined), {
    message: 'reason is required with verdict "missed" and not allowed with "fine"',
    path: ['reason'],
  });

/** A parsed judgement body. */
export type HandoffJudgementBody = z.infer<typeof handoffJudgementBodySchema>;
/** A parsed review body. */
export type ConversationReviewBody = z.infer<typeof conversationReviewBodySchema>;
