import type { Context } from 'hono';
import { appendUserMessage, newConversation } from '../chat/append-user-message.js';
import { type ChatTurn, type ChatTurnContext, runChatTurn } from '../chat/chat-turn.js';
import type { HandrailUIMessage } from '../chat/conversation.js';
import { messageText } from '../chat/transcript.js';
import type { HandoffCommitContext } from '../handoff/commit-handoff-event.js';
import type { StoredConversation } from '../store/store.js';
import type { ConversationAccess } from './authorization.js';
import type { ChatRequest } from './chat-request.js';
import { generateToken } from './conversation-token.js';
import { httpError } from './http-error.js';
import { liveEventsHeader } from './live-events-header.js';

/** What starting a turn from a request needs. */
export interface TurnStarterOptions {
  commit: HandoffCommitContext;
  access: ConversationAccess;
  turnContext: ChatTurnContext;
}

/** A started turn: the conversation with the user's message stored, the new token (if any) and the running turn. */
export interface StartedTurn {
  conversation: StoredConversation;
  token: string | undefined;
  turn: ChatTurn;
}

/**
 * Stores the new user message of a chat request (creating the conversation) and starts the turn.
 * `admit` runs after authorization and before anything is written (the per-conversation rate limit).
 */
export type BeginTurn = (
  c: Context,
  body: ChatRequest,
  admit?: (conversationId: string) => Promise<void>,
) => Promise<StartedTurn>;

/** Creates {@link BeginTurn} over the engine's parts. */
export function createTurnStarter({ commit, access, turnContext }: TurnStarterOptions): BeginTurn {
  return async (c, body, admit) => {
    const conversationId = body.id ?? generateToken().slice(0, 22);
    const last = body.messages.at(-1) as unknown as HandrailUIMessage;
    const existing = await commit.store.getConversation(conversationId);
    let admitted: { token?: string; tokenHash?: string } = {};
    if (existing) await access.authorize(c, existing, conversationId);
    else admitted = await access.admitNew(c, conversationId);
    await admit?.(conversationId);
    const at = commit.clock().toISOString();
    const userMessage: HandrailUIMessage = {
      id: typeof last.id === 'string' && last.id ? last.id : commit.generateId(),
      role: 'user',
      parts: [{ type: 'text', text: messageText(last) }],
      metadata: { createdAt: at },
    };
    const created = newConversation(conversationId, at, {
      ...(admitted.tokenHash ? { tokenHash: admitted.tokenHash } : {}),
      ...(body.identity ? { identity: body.identity } : {}),
    });
    const { conversation } = await appendUserMessage(commit, created, userMessage, (current) => {
      if (current && existing === null) {
        // Someone created the conversation between our read and this write: they own it.
        throw httpError(403, 'invalid_conversation_token', 'This conversation belongs to another client.');
      }
    });
    // A client listening to the conversation's events has the agents' messages already.
    const repeatAgentMessages = c.req.header(liveEventsHeader) === undefined;
    return {
      conversation,
      token: admitted.token,
      turn: runChatTurn(turnContext, conversation, { repeatAgentMessages }),
    };
  };
}
