import { type Context, type Env, Hono } from 'hono';
import { createAgentRoutes } from '../agent/agent-routes.js';
import type { BlankEnv, HandrailOptions } from '../handrail-options.js';
import { createTurnStarter } from '../http/begin-turn.js';
import type { ChatRequest } from '../http/chat-request.js';
import { createChatRoutes } from '../http/chat-routes.js';
import { createConversationRoutes } from '../http/conversation-routes.js';
import { handleErrors, notFoundRoute } from '../http/error-handler.js';
import { commitContextOf, createDeskTurnRunner } from './desk-turns.js';
import { buildEngineParts, type EngineParts } from './engine-parts.js';
import { applyRateLimits } from './engine-rate-limits.js';

/**
 * The Hono environment of Handrail's own routes: they set no variables of their own on the
 * host's context. The app `handrail()` returns is typed with the host's `Env` instead.
 */
export type HandrailEnv = { Variables: Record<string, never> };

/**
 * The engine behind `handrail()`: the app plus the functions it calls, for hosts that run the
 * chat loop from their own routes. The composition root: parts from validated options, then the
 * routes by audience (chat, the user's conversation, agents), then the desks. `E` is the host
 * app's Hono `Env`, as for {@link HandrailOptions}.
 */
export function createHandrailEngine<E extends Env = BlankEnv>(rawOptions: HandrailOptions<E>) {
  // The hooks get the request's own context, which is the host's (of Env `E`); the engine only passes it on.
  const parts = buildEngineParts(rawOptions as unknown as HandrailOptions);
  const { store, guard, handoffs, outbox, background, logger } = parts;
  const beginTurn = createTurnStarter({
    commit: commitContextOf(parts),
    access: parts.access,
    turnContext: parts.turnContext,
  });

  const app = new Hono<HandrailEnv>();
  const conversationLimiter = applyRateLimits(app, parts);
  app.use(background.middleware(outbox));
  app.route('/', createChatRoutes({ beginTurn, limits: parts.limits, conversationLimiter, logger }));
  app.route('/', createConversationRoutes({ store, access: parts.access, handoffs, eventsPollMs: parts.eventsPollMs }));
  app.route('/agent', createAgentRoutes(agentRoutesOptions(parts)));
  connectDesks(parts);
  app.onError(handleErrors(logger));
  app.notFound(notFoundRoute);

  return {
    /** The routes, typed with the host's `Env` so `app.route('/api', engine.app)` keeps the host's types. */
    app: app as unknown as Hono<E>,
    store,
    guard,
    handoffs,
    outbox,
    /** Starts a chat turn from the host's own route (no HTTP parsing). */
    startTurn: (c: Context<E>, body: ChatRequest) => beginTurn(c, body),
    /** Delivers due notifications (retries); call it on a timer (Node) or from an alarm (Workers). */
    async flushOutbox() {
      return outbox ? outbox.flush() : { delivered: 0, retried: 0, failed: 0, storeErrors: 0 };
    },
    /** Resolves when all background work (briefs, notifications) started so far is done. */
    idle: background.idle,
  };
}

/** The agent API's options: the agents (named from the teams' rosters), the review loop. */
function agentRoutesOptions(parts: EngineParts) {
  const { options, teams } = parts;
  const agents = [
    ...(options.agents ?? []),
    ...(options.agentToken ? [{ token: options.agentToken, id: 'agent' }] : []),
  ];
  return {
    store: parts.store,
    handoffs: parts.handoffs,
    agents: agents.map((agent) => ({ ...agent, name: agent.name ?? agentName(teams, agent.id) })),
    teams,
    clock: parts.clock,
    eventsPollMs: parts.eventsPollMs,
    reviewLoop: {
      outbox: parts.outbox,
      waitUntil: parts.background.waitUntil,
      ...(options.review ? { review: options.review } : {}),
      ...(options.consoleUrl ? { consoleUrl: options.consoleUrl } : {}),
    },
  };
}

/** Gives each configured desk what it needs, once. */
function connectDesks(parts: EngineParts) {
  const runTurn = createDeskTurnRunner(parts);
  const { store, handoffs, teams, background, clock, logger } = parts;
  for (const desk of parts.options.desks ?? []) {
    desk.connect({
      store,
      handoffs,
      teams,
      runTurn,
      waitUntil: background.waitUntil,
      idle: background.idle,
      clock,
      logger,
    });
  }
}

/** The name an agent has in the teams' rosters, else a neutral label. */
function agentName(teams: EngineParts['teams'], agentId: string): string {
  for (const team of teams) {
    const agent = team.agents.find((candidate) => candidate.id === agentId);
    if (agent) return agent.name;
  }
  return 'Support agent';
}
