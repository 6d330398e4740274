import { z } from 'zod';

/** Limits applied to every request. */
export interface RequestLimits {
  maxBodyBytes: number;
  maxMessages: number;
  maxMessageChars: number;
}

export const defaultLimits: RequestLimits = { maxBodyBytes: 256 * 1024, maxMessages: 200, maxMessageChars: 8000 };

const partSchema = z.object({ type: z.string().min(1).max(64) }).loose();

/** The body that the AI SDK's `useChat` sends: `{ id, messages }`, plus fields Handrail ignores. */
export function chatRequestSchema(limits: RequestLimits) {
  const messageSchema = z
    .object({
      id: z.string().min(1).max(128),
      role: z.enum(['user', 'assistant', 'system']),
      parts: z.array(partSchema).max(100),
      metadata: z.unknown().optional(),
    })
    .loose();
  return z
    .object({
      id: z
        .string()
        .min(8, 'the conversation id must be at least 8 characters')
        .max(128)
        .regex(/^[\w-]+$/, 'the conversation id may contain letters, digits, _ and - only')
        .optional(),
      messages: z
        .array(messageSchema)
        .min(1, 'messages must not be empty')
        .max(limits.maxMessages, `at most ${limits.maxMessages} messages`),
      identity: z
        .object({ id: z.string().max(200), name: z.string().max(200), email: z.email().max(320) })
        .partial()
        .optional(),
    })
    .loose()
    .superRefine((body, context) => {
      const last = body.messages.at(-1);
      if (last?.role !== 'user') {
        context.addIssue({ code: 'custom', path: ['messages'], message: 'the last message must be from the user' });
        return;
      }
      const textParts = last.parts.filter((part) => part.type === 'text');
      if (textParts.some((part) => typeof part.text !== 'string')) {
        context.addIssue({ code: 'custom', path: ['messages'], message: 'a text part must have a string text' });
        return;
      }
      // Joined as the stored message will be (messageText), so the limit counts what is kept.
      const text = textParts.map((part) => part.text as string).join('\n');
      if (!text.trim()) {
        context.addIssue({ code: 'custom', path: ['messages'], message: 'the last message has no text' });
      }
      if (text.length > limits.maxMessageChars) {
        context.addIssue({
          code: 'too_big',
          origin: 'string',
          maximum: limits.maxMessageChars,
          inclusive: true,
          path: ['messages', body.messages.length - 1],
          message: `a message may have at most ${limits.maxMessageChars} characters`,
        });
      }
    });
}

export type ChatRequest = z.infer<ReturnType<typeof chatRequestSchema>>;
