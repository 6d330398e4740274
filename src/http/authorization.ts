import type { Context, MiddlewareHandler } from 'hono';
import type { AgentIdentity } from '../handoff/handoff-service.js';
import type { AgentCredential, ConversationAuthHook } from '../handrail-options.js';
import type { StoredConversation } from '../store/store.js';
import {
  conversationTokenHeader,
  generateToken,
  hashToken,
  timingSafeEqual,
  verifyToken,
} from './conversation-token.js';
import { httpError } from './http-error.js';

/**
 * Who may do what, in one place: the user's side proves a conversation is theirs (its token,
 * or the host's hook), an agent proves who they are (a bearer token) and sees only their teams.
 */

/** How the user's routes check access to a conversation (the `conversationAuth` option). */
export type ConversationAuth = 'token' | 'none' | ConversationAuthHook;

/** The user's side of the access rules. */
export interface ConversationAccess {
  /** Checks that the request may use the conversation; answers 404 for an unknown id, 403 otherwise. */
  authorize(c: Context, conversation: StoredConversation | null, conversationId: string): Promise<void>;
  /**
   * Admits a request that creates a conversation: with token auth, the token it will hold (the
   * client's own, see below, else a new one) and its hash to store; with a hook, the hook's verdict.
   */
  admitNew(c: Context, conversationId: string): Promise<{ token?: string; tokenHash?: string }>;
}

/** A client-chosen conversation token: 32 to 256 base64url characters. */
const clientTokenPattern = /^[A-Za-z0-9_-]{32,256}$/;

/** Creates the user's side of the access rules for `conversationAuth`. */
export function createConversationAccess(conversationAuth: ConversationAuth): ConversationAccess {
  return {
    async authorize(c, conversation, conversationId) {
      if (!conversation) throw httpError(404, 'conversation_not_found', `No conversation with id ${conversationId}.`);
      if (conversationAuth === 'none') return;
      if (typeof conversationAuth === 'function') {
        if (!(await conversationAuth(c, conversationId))) {
          throw httpError(403, 'forbidden', 'You may not access this conversation.');
        }
        return;
      }
      const token = c.req.header(conversationTokenHeader) ?? c.req.query('token');
      if (!(await verifyToken(token, conversation.tokenHash))) {
        throw httpError(
          403,
          'invalid_conversation_token',
          `Send the conversation's token in the ${conversationTokenHeader} header.`,
        );
      }
    },

    async admitNew(c, conversationId) {
      if (conversationAuth === 'token') {
        // A token the client chose for the conversation it creates lets it retry a first turn
        // whose answer never arrived; without one, the server makes one up.
        const token = clientToken(c) ?? generateToken();
        return { token, tokenHash: await hashToken(token) };
      }
      if (typeof conversationAuth === 'function' && !(await conversationAuth(c, conversationId))) {
        throw httpError(403, 'forbidden', 'You may not create this conversation.');
      }
      return {};
    },
  };
}

/**
 * The token a client sends with the first message of a conversation it creates: at least 32
 * base64url characters (192 random bits) it keeps, so that a retry of that first turn, after
 * an answer lost on the way, proves it is the same client. A malformed one is refused (400)
 * rather than silently replaced, which would lock the client out.
 */
function clientToken(c: Context): string | undefined {
  const sent = c.req.header(conversationTokenHeader);
  if (sent === undefined) return undefined;
  if (!clientTokenPattern.test(sent)) {
    throw httpError(
      400,
      'invalid_conversation_token',
      `A new conversation's ${conversationTokenHeader} must be 32 to 256 characters of A-Z, a-z, 0-9, - and _.`,
    );
  }
  return sent;
}

/** The Hono environment of the agent routes: the authenticated agent. */
export type AgentEnv = { Variables: { agent: AgentIdentity } };

/**
 * Authenticates an agent by `Authorization: Bearer <token>` (401 without a valid one) and sets
 * `c.var.agent`. EventSource cannot set headers: the events route also takes `?token=`.
 */
export function agentAuthentication(agents: AgentCredential[]): MiddlewareHandler<AgentEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    const token = match?.[1]?.trim() ?? (c.req.path.endsWith('/events') ? c.req.query('token') : undefined);
    const agent = token ? agents.find((candidate) => timingSafeEqual(candidate.token, token)) : undefined;
    if (!agent) {
      // The header goes on the exception's own response: headers set on the context are dropped with it.
      throw httpError(401, 'unauthorized', 'Send a valid agent token as Authorization: Bearer <token>.', undefined, {
        'www-authenticate': 'Bearer realm="handrail-agent"',
      });
    }
    c.set('agent', {
      id: agent.id,
      ...(agent.name ? { name: agent.name } : {}),
      ...(agent.teams ? { teams: agent.teams } : {}),
    });
    await next();
  };
}

/** True when the agent may see a handoff of `team` (an agent without teams sees all). */
export function agentCanSee(agent: AgentIdentity, team: string | null | undefined): boolean {
  return !agent.teams || (team != null && agent.teams.includes(team));
}

/** Checks that the agent may act on the conversation: 404 when it was never handed off, 403 for another team's. */
export function authorizeAgent(
  agent: AgentIdentity,
  conversation: StoredConversation | null,
  conversationId: string,
): asserts conversation is StoredConversation {
  if (!conversation?.handoff) {
    throw httpError(404, 'conversation_not_found', `No handed-off conversation with id ${conversationId}.`);
  }
  if (!agentCanSee(agent, conversation.handoff.team)) {
    throw httpError(403, 'forbidden_team', 'This conversation belongs to a team you are not in.');
  }
}
