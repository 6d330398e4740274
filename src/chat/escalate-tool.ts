import { tool } from 'ai';
import { z } from 'zod';
import { escalationReasons, urgencies } from '../guard/types.js';

/** Name of the tool the model calls to hand the conversation to a person. */
export const escalateToolName = 'escalate_to_human';

/** Input the model gives when it calls `escalate_to_human`. */
export const escalateInputSchema = z.object({
  reason: z.enum(escalationReasons).describe('Why a person must take over.'),
  summary: z.string().max(2000).describe('One or two sentences for the human agent: what the customer needs.'),
  urgency: z.enum(urgencies).default('normal').describe('How urgent the case is; critical for danger to a person.'),
});

export type EscalateInput = z.infer<typeof escalateInputSchema>;

/**
 * The `escalate_to_human` tool. Its execution only acknowledges the call: Handrail's
 * chat loop stops on it (`hasToolCall`) and performs the handoff itself, so the handoff
 * is stored, routed and announced even if the model says nothing more.
 */
export function createEscalateTool() {
  return tool({
    description:
      'Hand the conversation to a human support agent. Call it when the customer asks for a person, when the topic is high-stakes (billing disputes, refunds, cancellations, complaints, legal, fraud, personal data requests, medical or financial advice, self-harm), when the customer is upset, when your answers are not helping, or when you cannot answer confidently.',
    inputSchema: escalateInputSchema,
    execute: async (input: EscalateInput) => ({ status: 'handoff-requested' as const, reason: input.reason }),
  });
}
