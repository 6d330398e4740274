import { z } from 'zod';
import data from '../../../data/knowledge-base.json' with { type: 'json' };

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One FAQ entry: the questions it answers, the answer, and tags that help retrieval. */
export const knowledgeBaseEntrySchema = z.object({
  /** Stable kebab-case id, cited as `[kb:<id>]`. */
  id: z.string().regex(kebabCase, 'id must be kebab-case (e.g. "shipping-costs")'),
  title: z.string().trim().min(1),
  /** Two to twelve ways a customer might ask: short and long forms, everyday wording, common typos. */
  questions: z
    .array(z.string().trim().min(1))
    .min(2, 'give at least 2 questions a customer might ask')
    .max(12, 'give at most 12 questions; split the entry if it answers more'),
  answer: z.string().trim().min(1),
  tags: z.array(z.string().trim().min(1)),
});

/** A whole knowledge base: a non-empty list of entries with unique ids. */
export const knowledgeBaseSchema = z
  .array(knowledgeBaseEntrySchema)
  .min(1)
  .superRefine((entries, context) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.id)) {
        context.addIssue({ code: 'custom', message: `duplicate id "${entry.id}"`, path: [index, 'id'] });
      }
      seen.add(entry.id);
    });
  });

export type KnowledgeBaseEntry = z.infer<typeof knowledgeBaseEntrySchema>;
export type KnowledgeBase = z.infer<typeof knowledgeBaseSchema>;

/**
 * Validates parsed JSON as a knowledge base.
 *
 * @throws Error naming every invalid field (e.g. `✖ id must be kebab-case → at [3].id`) when the data is malformed.
 */
export function loadKnowledgeBase(json: unknown): KnowledgeBase {
  const result = knowledgeBaseSchema.safeParse(json);
  if (!result.success) {
    throw new Error(`Invalid knowledge base:\n${z.prettifyError(result.error)}`, { cause: result.error });
  }
  return result.data;
}

/** The Northwind Outfitters FAQ shipped in `data/knowledge-base.json`, validated at import. */
export const defaultKnowledgeBase: KnowledgeBase = loadKnowledgeBase(data);
