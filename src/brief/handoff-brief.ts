import { z } from 'zod';
import { escalationReasons, urgencies } from '../guard/types.js';

/** Most sentences a brief summary may have: the agent reads it at a glance. */
export const maxSummarySentences = 5;

/** How many of the latest turns a brief carries verbatim, by default. */
export const defaultBriefTranscriptTurns = 20;

const sentenceEnd = /[.!?…]+["'”’)\]]*(?=\s|$)/g;

/**
 * Splits text into sentences: a sentence ends with `.`, `!`, `?` or `…` followed by a space or
 * the end, so decimals (`49.99`) and addresses (`a.b@c.de`) do not end one.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(sentenceEnd)) {
    const end = (match.index ?? 0) + match[0].length;
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/** Counts sentences the way {@link splitSentences} splits them. */
export function countSentences(text: string): number {
  return splitSentences(text).length;
}

const summarySchema = z
  .string()
  .trim()
  .min(1, { error: 'summary must not be empty' })
  .max(1200, { error: 'summary must be at most 1200 characters' })
  .refine((summary) => countSentences(summary) <= maxSummarySentences, {
    error: (issue) =>
      `summary must have at most ${maxSummarySentences} sentences, got ${countSentences(String(issue.input))}`,
  });

/** A money amount as the customer wrote it, with the parsed value. */
export const briefAmountSchema = z.object({
  value: z.number(),
  /** ISO 4217 code when the text names or implies one (`$` reads as USD). */
  currency: z.string().min(1).optional(),
  /** The amount as written, e.g. `49,99 €`. */
  text: z.string().min(1),
});

/** What the customer's messages mention: identifiers an agent would otherwise have to ask for. */
export const briefEntitiesSchema = z.object({
  orderNumbers: z.array(z.string()),
  accountNumbers: z.array(z.string()),
  emails: z.array(z.string()),
  phoneNumbers: z.array(z.string()),
  amounts: z.array(briefAmountSchema),
  dates: z.array(z.string()),
  products: z.array(z.string()),
});

/** Entities mentioned in a conversation. */
export type BriefEntities = z.infer<typeof briefEntitiesSchema>;

/** Why the conversation was handed off, as recorded on the conversation (a `HandoffReason`). */
export const briefReasonSchema = z.object({
  reason: z.enum(escalationReasons),
  source: z.enum(['guard', 'model', 'system']),
  detail: z.string(),
  score: z.number().min(0).max(1).optional(),
  evidence: z.array(z.object({ turn: z.number().int().min(0), text: z.string() })).optional(),
});

/** One turn of the transcript as the agent reads it. */
export const briefTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  /** `user` for the customer; `bot`, `agent` or `system` for assistant turns. */
  author: z.enum(['user', 'bot', 'agent', 'system']),
  content: z.string(),
  /** ISO time the turn was written, when known. */
  at: z.string().optional(),
});

/**
 * The brief an agent receives with a handoff: why, how urgent, who, what they want, what the
 * bot already tried and what is still open, with the recent transcript. The schema is the
 * source of truth; model output is validated against it.
 */
export const handoffBriefSchema = z
  .object({
    conversationId: z.string().min(1),
    createdAt: z.iso.datetime({ offset: true }),
    reasons: z.array(briefReasonSchema),
    urgency: z.enum(urgencies),
    customer: z
      .object({ id: z.string().optional(), name: z.string().optional(), email: z.string().optional() })
      .nullable(),
    /** BCP 47 language tag of the customer's messages (`en`, `pt-BR`). */
    language: z.string().min(2).max(35),
    /** What the customer wants, as a short snake_case id or phrase (`refund`, `billing_dispute`). */
    intent: z.string().trim().min(1).max(80),
    entities: briefEntitiesSchema,
    sentiment: z.object({
      score: z.number().min(-1).max(1),
      trend: z.enum(['improving', 'stable', 'worsening']),
    }),
    /** At most five sentences. */
    summary: summarySchema,
    /** What the bot already tried or answered. */
    botAttempts: z.array(z.string()),
    /** Customer questions nobody has answered yet. */
    openQuestions: z.array(z.string()),
    suggestedTeam: z.string().nullable(),
    skills: z.array(z.string()),
    /** The latest turns (20 by default), oldest first. */
    transcript: z.array(briefTurnSchema),
    /** How many turns the whole conversation has. */
    transcriptTurns: z.number().int().min(0),
    /** Whether a model wrote the summary fields or they were extracted from the transcript. */
    source: z.enum(['model', 'extractive']),
  })
  .refine((brief) => brief.transcript.length <= brief.transcriptTurns, {
    error: 'transcript cannot have more turns than transcriptTurns',
    path: ['transcript'],
  });

/** The brief an agent receives with a handoff. */
export type HandoffBrief = z.infer<typeof handoffBriefSchema>;

/**
 * What the brief model must produce. Everything else (reasons, transcript, identity) the
 * writer fills in from what it already knows, so the model never copies the transcript.
 */
export const briefModelOutputSchema = z.object({
  summary: summarySchema.describe('What happened and what the customer needs, in at most five sentences.'),
  intent: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .describe('What the customer wants, as a short snake_case id such as refund or billing_dispute.'),
  openQuestions: z.array(z.string()).describe('Customer questions the assistant has not answered.'),
  botAttempts: z.array(z.string()).describe('What the assistant already tried or answered, one short item each.'),
  entities: briefEntitiesSchema.partial().optional().describe('Identifiers the customer mentioned.'),
});

/** What the brief model produces. */
export type BriefModelOutput = z.infer<typeof briefModelOutputSchema>;
