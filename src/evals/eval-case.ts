import { z } from 'zod';

/** Reasons a case can be labelled with: why a person should take it, or `none` for a case the bot keeps. */
export const expectedReasons = [
  'explicit_request',
  'crisis',
  'high_stakes',
  'out_of_scope',
  'repeat_failure',
  'negative_sentiment',
  'compliance',
  'low_confidence',
  'none',
] as const;

/** The label of a case's reason. */
export type ExpectedReason = (typeof expectedReasons)[number];

/** One turn of a case's scripted conversation. */
export const evalMessageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().min(1),
});

/**
 * One labelled case, one JSON object per line of a `.jsonl` dataset. `reason` is `none`
 * exactly when `expect` is `handle`, and the last message is a user turn.
 */
export const evalCaseSchema = z
  .object({
    id: z.string().min(1),
    source: z.string().min(1).optional(),
    messages: z.array(evalMessageSchema).min(1),
    expect: z.enum(['escalate', 'handle']),
    reason: z.enum(expectedReasons),
    note: z.string().optional(),
    /** ISO 639-1 language of the conversation, when the dataset says. */
    lang: z.string().min(2).optional(),
    /** ISO time the label was given, for cases exported from production judgements (per-week figures). */
    judgedAt: z.iso.datetime({ offset: true }).optional(),
    /** What production did with the conversation (handed it to a person, or the bot kept it), when known. */
    production: z.enum(['escalate', 'handle']).optional(),
  })
  .superRefine((value, context) => {
    if ((value.expect === 'handle') !== (value.reason === 'none')) {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `reason must be "none" exactly when expect is "handle" (got expect=${value.expect}, reason=${value.reason})`,
      });
    }
    const last = value.messages[value.messages.length - 1];
    if (last && last.role !== 'user') {
      context.addIssue({ code: 'custom', path: ['messages'], message: 'the last message must be a user turn' });
    }
  });

/** A labelled evaluation case. */
export type EvalCase = z.infer<typeof evalCaseSchema>;

/** One utterance the bot handles, one JSON object per line of a scope file. */
export const scopeUtteranceSchema = z.object({
  text: z.string().min(1),
  intent: z.string().min(1),
});

/** An in-scope utterance with its intent. */
export type ScopeUtterance = z.infer<typeof scopeUtteranceSchema>;
