import { z } from 'zod';
import { escalationReasons } from '../guard/types.js';
import type { CaseOutcome, CaseRunner } from './case-result.js';
import type { EvalCase } from './eval-case.js';

/** What the pipeline runner needs of an app: a Hono app's `request` fits. */
export interface AppLike {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

const handoffReasonSchema = z.object({
  reason: z.enum(escalationReasons),
  source: z.string(),
  detail: z.string(),
});

/** The JSON answer of `POST /chat` with `Accept: application/json`. */
const chatResponseSchema = z.object({
  conversationId: z.string().optional(),
  messages: z.array(z.looseObject({ id: z.string(), role: z.string() })).optional(),
  handoff: z
    .looseObject({
      status: z.string(),
      reasons: z.array(handoffReasonSchema),
      team: z.string().optional(),
      message: z.string().optional(),
    })
    .nullable(),
});

/** Options of {@link createPipelineRunner}. */
export interface PipelineRunnerOptions {
  /** Builds an app with state of its own (a fresh store); called once per case. */
  createApp: () => AppLike | Promise<AppLike>;
  /** Path of the chat route. @default '/chat' */
  path?: string;
}

interface UserUIMessage {
  id: string;
  role: 'user';
  parts: Array<{ type: 'text'; text: string }>;
}

/**
 * A runner that replays each case's user turns through the real chat endpoint: one
 * `POST /chat` per user turn, same conversation id, sending the messages the server
 * returned so far plus the new user message. The case escalated when a handoff appears;
 * the fired reason is the handoff's first reason. Scripted assistant turns are not sent:
 * the bot writes its own.
 */
export function createPipelineRunner({ createApp, path = '/chat' }: PipelineRunnerOptions): CaseRunner {
  return async (evalCase: EvalCase): Promise<CaseOutcome> => {
    const app = await createApp();
    const conversationId = conversationIdOf(evalCase);
    let history: unknown[] = [];
    let lastReply = '';
    for (const [turn, message] of evalCase.messages.entries()) {
      if (message.role !== 'user') continue;
      const userMessage: UserUIMessage = {
        id: `${conversationId}-u${turn}`,
        role: 'user',
        parts: [{ type: 'text', text: message.content }],
      };
      const messages = [...history, userMessage];
      const response = await app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ id: conversationId, messages }),
      });
      if (!response.ok) {
        throw new Error(`POST ${path} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
      }
      const body = chatResponseSchema.parse(await response.json());
      history = body.messages ?? messages;
      lastReply = lastAssistantText(history);
      if (body.handoff) {
        return {
          escalated: true,
          firedReason: body.handoff.reasons[0]?.reason ?? 'model_decision',
          escalatedAtTurn: turn,
          evidence: body.handoff.reasons.map((reason) => ({
            reason: reason.reason,
            detail: reason.detail,
            source: reason.source,
            turn,
            fired: true,
          })),
        };
      }
    }
    return {
      escalated: false,
      firedReason: null,
      escalatedAtTurn: null,
      evidence: lastReply
        ? [{ reason: 'model_decision', detail: `last bot reply: ${lastReply}`, source: 'bot', fired: false }]
        : [],
    };
  };
}

/** A conversation id the chat route accepts (8 to 128 of letters, digits, _ and -) made from the case id. */
export function conversationIdOf(evalCase: EvalCase): string {
  return `evalcase-${evalCase.id.replace(/[^\w-]/g, '_').slice(0, 100)}`;
}

function lastAssistantText(messages: readonly unknown[]): string {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index] as { role?: unknown; parts?: unknown };
    if (message.role !== 'assistant' || !Array.isArray(message.parts)) continue;
    return message.parts
      .filter((part): part is { type: 'text'; text: string } => part?.type === 'text' && typeof part.text === 'string')
      .map((part) => part.text)
      .join(' ')
      .slice(0, 300);
  }
  return '';
}
