import { createUIMessageStreamResponse, generateId as generateAiId, type UIMessageChunk } from 'ai';
import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { createAgentRoutes } from './agent/agent-routes.js';
import { createBriefWriter } from './brief/index.js';
import { type ChatTurnContext, describeError, runChatTurn } from './chat/chat-turn.js';
import type { HandrailUIMessage } from './chat/conversation.js';
import { messageText } from './chat/transcript.js';
import type { DeskTurnInput } from './desks/agent-desk.js';
import { ConversationNotFoundError } from './errors/conversation-not-found-error.js';
import { HandoffStateError } from './errors/handoff-state-error.js';
import { StoreConflictError } from './errors/store-conflict-error.js';
import { StoreUnavailableError } from './errors/store-unavailable-error.js';
import { createGuard, createModelClassifier, createSemanticDetector, type ModelClassifier } from './guard/index.js';
import { createHandoffService } from './handoff/create-handoff-service.js';
import { type HandrailOptions, validateHandrailOptions } from './handrail-options.js';
import { type ChatRequest, chatRequestSchema, defaultLimits, type RequestLimits } from './http/chat-request.js';
import { conversationEventsResponse } from './http/conversation-events.js';
import { conversationTokenHeader, generateToken, hashToken, verifyToken } from './http/conversation-token.js';
import { httpError } from './http/http-error.js';
import { liveEventsHeader } from './http/live-events-header.js';
import {
  clientAddress,
  createMemoryRateLimitStore,
  createRateLimiter,
  type RateLimitResult,
  rateLimit,
  rateLimitedError,
  rateLimitHeaders,
} from './http/rate-limit.js';
import { readJsonBody } from './http/read-json-body.js';
import { silentLogger } from './logger.js';
import { buildHandoffEvent, createOutbox, type Outbox } from './notify/index.js';
import { renderPrompt, renderPromptText } from './prompts/prompt.js';
import type { Team } from './routing/index.js';
import { teamsSchema } from './routing/index.js';
import { createMemoryStore } from './store/memory-store.js';
import { type HandoffRecord, type Store, type StoredConversation, storeMethodNames } from './store/store.js';
import { updateConversation } from './store/update-conversation.js';
import { noopTracer } from './tracing/tracer.js';

/** The Hono environment of Handrail's routes. */
export type HandrailEnv = { Variables: Record<string, never> };

/**
 * Creates Handrail: a Hono app with the chat, conversation and agent routes. Mount it in
 * your app with `app.route('/api', handrail({ model }))`. Options are validated once, here.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { openai } from '@ai-sdk/openai';
 * import { handrail } from 'handrail';
 *
 * const app = new Hono();
 * app.route('/api', handrail({ model: openai('gpt-4o-mini'), agentToken: process.env.HANDRAIL_AGENT_TOKEN }));
 * export default app;
 * ```
 */
export function handrail(options: HandrailOptions): Hono<HandrailEnv> {
  const engine = createHandrailEngine(options);
  return engine.app;
}

/**
 * The engine behind {@link handrail}: the app plus the functions it calls, for hosts that
 * run the chat loop from their own routes.
 */
export function createHandrailEngine(rawOptions: HandrailOptions) {
  const options = validateHandrailOptions(rawOptions);
  const {
    model,
    tools = {},
    maxSteps = 5,
    store: givenStore = createMemoryStore(),
    clock = () => new Date(),
    logger = silentLogger,
    tracer = noopTracer,
    holdOutput = true,
    modelTimeoutMs = 30_000,
    conversationAuth = 'token',
    defaultHandlingSeconds = 300,
    eventsPollMs = 500,
  } = options;
  // Every route answers 503 when the store fails, the agent API and the handoff service included.
  const store = reportStoreFailures(givenStore);
  const limits: RequestLimits = { ...defaultLimits, ...options.limits };
  const chatSchema = chatRequestSchema(limits);
  const teams: Team[] = options.teams ? parseTeams(options.teams) : [];
  const guard = createGuard(options.guard);
  const variables = {
    companyName: options.promptVariables?.companyName ?? 'our company',
    scope: options.promptVariables?.scope ?? 'questions about our products, orders and services',
    businessHours: options.promptVariables?.businessHours ?? 'Monday to Friday, 9:00 to 17:00',
  };
  const systemPrompt = options.system
    ? { text: renderPromptText(options.system, variables), prompt: undefined }
    : (() => {
        const rendered = renderPrompt('system', variables);
        return { text: rendered.text, prompt: { name: rendered.name, file: rendered.file, hash: rendered.hash } };
      })();
  // A desk receives the handoff events like a notifier: through the outbox, with its retries.
  const notifiers = [...(options.notifiers ?? []), ...(options.desks ?? [])];
  const outbox =
    notifiers.length > 0
      ? createOutbox({
          store,
          notifiers,
          clock,
          logger,
          ...(options.outbox ? { backoff: backoffOf(options.outbox) } : {}),
          ...(options.outbox?.leaseMs !== undefined ? { leaseMs: options.outbox.leaseMs } : {}),
        })
      : null;
  let lastOutboxFlush = 0;
  const briefModel = options.brief?.model === false ? null : (options.brief?.model ?? model);
  const briefWriter = briefModel
    ? createBriefWriter({
        model: briefModel,
        ...(options.brief?.timeoutMs ? { timeoutMs: options.brief.timeoutMs } : {}),
      })
    : null;
  const generateId = () => generateAiId();

  // Background work (model briefs, notifications) is tracked here; on Workers every request
  // hands the pending work to its own executionCtx.waitUntil before it returns.
  const pending = new Set<Promise<unknown>>();
  const waitUntil = (promise: Promise<unknown>) => {
    const tracked: Promise<unknown> = promise.catch(() => {}).finally(() => pending.delete(tracked));
    pending.add(tracked);
    options.waitUntil?.(tracked);
  };
  const idle = async () => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };

  const handoffs = createHandoffService({
    store,
    clock,
    logger,
    generateId,
    teams,
    outbox,
    briefWriter,
    preHandoffQuestions: options.preHandoffQuestions ?? [],
    defaultHandlingSeconds,
    ...(options.consoleUrl ? { consoleUrl: options.consoleUrl } : {}),
    waitUntil,
  });

  const turnContext: ChatTurnContext = {
    model,
    system: systemPrompt.text,
    tools,
    maxSteps,
    ...(options.stopWhen ? { stopWhen: [options.stopWhen].flat() } : {}),
    ...(options.prepareStep ? { prepareStep: options.prepareStep } : {}),
    ...(options.modelContext ? { modelContext: options.modelContext } : {}),
    store,
    clock,
    logger,
    tracer,
    guard,
    ...besideGeneration(options, variables.scope),
    holdOutput,
    modelTimeoutMs,
    handoffs,
    generateId,
    ...(systemPrompt.prompt ? { prompt: systemPrompt.prompt } : {}),
  };

  /** Checks that the request may use the conversation; answers 404 for an unknown id. */
  async function authorize(c: Context, conversation: StoredConversation | null, conversationId: string) {
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

  /** Stores the new user message (creating the conversation) and starts the turn. */
  function startTurn(c: Context, body: ChatRequest) {
    return beginTurn(c, body);
  }

  /** {@link startTurn}, with `admit` run after authorization and before anything is written. */
  async function beginTurn(c: Context, body: ChatRequest, admit?: (conversationId: string) => Promise<void>) {
    const conversationId = body.id ?? generateToken().slice(0, 22);
    const last = body.messages.at(-1) as unknown as HandrailUIMessage;
    const text = messageText(last);
    const existing = await store.getConversation(conversationId);
    let token: string | undefined;
    let tokenHash: string | undefined;
    if (existing) {
      await authorize(c, existing, conversationId);
    } else if (conversationAuth === 'token') {
      // A token the client chose for the conversation it creates (see clientToken) lets it retry a
      // first turn whose answer never arrived; without one, the server makes one up.
      token = clientToken(c) ?? generateToken();
      tokenHash = await hashToken(token);
    } else if (typeof conversationAuth === 'function' && !(await conversationAuth(c, conversationId))) {
      throw httpError(403, 'forbidden', 'You may not create this conversation.');
    }
    await admit?.(conversationId);
    const at = clock().toISOString();
    const userMessage: HandrailUIMessage = {
      id: typeof last.id === 'string' && last.id ? last.id : generateId(),
      role: 'user',
      parts: [{ type: 'text', text }],
      metadata: { createdAt: at },
    };
    const created = newConversation(conversationId, at, {
      ...(tokenHash ? { tokenHash } : {}),
      ...(body.identity ? { identity: body.identity } : {}),
    });
    const { conversation } = await appendUserMessage(created, userMessage, (current) => {
      if (current && existing === null) {
        // Someone created the conversation between our read and this write: they own it.
        throw httpError(403, 'invalid_conversation_token', 'This conversation belongs to another client.');
      }
    });
    // A client listening to the conversation's events has the agents' messages already.
    const repeatAgentMessages = c.req.header(liveEventsHeader) === undefined;
    return { conversation, token, turn: runChatTurn(turnContext, conversation, { repeatAgentMessages }) };
  }

  /**
   * Appends the user's message to the stored conversation (or to `created`, when there is none).
   * While people have the conversation, the message is announced (`user_message.created`, for the
   * desks that mirror it) in the same write. A message stored already (a retry) is not added twice
   * (`added: false`).
   */
  async function appendUserMessage(
    created: StoredConversation,
    userMessage: HandrailUIMessage,
    check?: (current: StoredConversation | null) => void,
  ): Promise<{ conversation: StoredConversation; added: boolean }> {
    const at = userMessage.metadata?.createdAt ?? clock().toISOString();
    let announced = false;
    let added = false;
    let conversation: StoredConversation | null;
    try {
      conversation = await updateConversation(
        store,
        created.id,
        (current) => {
          check?.(current);
          added = false;
          if (current?.messages.some((message) => message.id === userMessage.id)) return null;
          added = true;
          const base = current ?? created;
          return { ...base, messages: [...base.messages, userMessage], updatedAt: at };
        },
        {
          deliveries: async (next) => {
            const deliveries = outbox ? await userMessageDeliveries(outbox, next, userMessage) : [];
            announced = deliveries.length > 0;
            return deliveries;
          },
        },
      );
    } catch (error) {
      if (error instanceof HTTPException) throw error;
      throw new StoreUnavailableError({ cause: error });
    }
    if (!conversation) throw new StoreUnavailableError({ message: 'The conversation could not be stored.' });
    if (announced && outbox) waitUntil(outbox.flush());
    return { conversation, added };
  }

  /** Stores a message a desk received from the customer and runs its turn (see `AgentDeskContext.runTurn`). */
  async function runDeskTurn(input: DeskTurnInput) {
    const at = clock().toISOString();
    const userMessage: HandrailUIMessage = {
      id: input.messageId,
      role: 'user',
      parts: [{ type: 'text', text: input.text.slice(0, limits.maxMessageChars) }],
      metadata: { createdAt: at },
    };
    const created = newConversation(input.conversationId, at, input.identity ? { identity: input.identity } : {});
    const { conversation, added } = await appendUserMessage(created, userMessage);
    // A webhook delivered again is one message and one answer.
    if (!added) return null;
    const turn = runChatTurn(turnContext, conversation);
    await drain(turn.stream);
    return turn.result;
  }

  // Rate limits: per client address on the user routes, per conversation on chat turns (counted after authorization).
  const rateLimits = options.rateLimit === false ? {} : (options.rateLimit ?? {});
  const rateLimitStore = rateLimits.store ?? createMemoryRateLimitStore();
  const perConversationRule = rateLimits.perConversation ?? { limit: 60, windowMs: 60_000 };
  const perIpRule = rateLimits.perIp ?? { limit: 600, windowMs: 60_000 };
  const conversationLimiter =
    options.rateLimit === false || perConversationRule === false
      ? null
      : createRateLimiter({ ...perConversationRule, store: rateLimitStore, prefix: 'conversation:', clock });

  const app = new Hono<HandrailEnv>();

  if (options.rateLimit !== false && perIpRule !== false) {
    const limitByAddress = rateLimit({
      limit: perIpRule.limit,
      windowMs: perIpRule.windowMs,
      key: perIpRule.key ?? ((c) => clientAddress(c, { trustProxy: options.trustProxy })),
      store: rateLimitStore,
      prefix: 'ip:',
      clock,
    });
    app.use('/chat', limitByAddress);
    app.use('/conversations/*', limitByAddress);
  }

  app.use(async (c, next) => {
    await next();
    // Retries of notifications ride on traffic too (at most once a second); hosts also call flushOutbox() on a timer or alarm.
    if (outbox && Date.now() - lastOutboxFlush > 1000) {
      lastOutboxFlush = Date.now();
      waitUntil(outbox.flush());
    }
    if (pending.size > 0) {
      let executionContext: { waitUntil(promise: Promise<unknown>): void } | undefined;
      try {
        executionContext = c.executionCtx;
      } catch {
        // Not on Workers: the process lives on, and idle() awaits the work at shutdown.
      }
      executionContext?.waitUntil(idle());
    }
  });

  app.post('/chat', async (c) => {
    const body = await readJsonBody(c, chatSchema, limits.maxBodyBytes);
    let limited = null as RateLimitResult | null;
    // Counted only once the request may use the conversation, so nobody can use up another's turns.
    const { conversation, token, turn } = await beginTurn(c, body, async (conversationId) => {
      if (!conversationLimiter) return;
      limited = await conversationLimiter.check(conversationId);
      if (!limited.allowed) throw rateLimitedError(limited);
    });
    const headers: Record<string, string> = { 'x-handrail-conversation-id': conversation.id };
    if (token) headers[conversationTokenHeader] = token;
    if (limited) Object.assign(headers, rateLimitHeaders(limited));
    const wantsJson = (c.req.header('accept') ?? '').includes('application/json');
    if (wantsJson) {
      await drain(turn.stream);
      let result: Awaited<typeof turn.result>;
      try {
        result = await turn.result;
      } catch (error) {
        logger.error('store-unavailable', { conversationId: conversation.id, error: describeError(error) });
        // The user message may be stored by now: the token lets the client retry the same message.
        return c.json({ error: { code: 'store_unavailable', message: storeUnavailableMessage } }, 503, headers);
      }
      return c.json(
        { conversationId: conversation.id, messages: result.conversation.messages, handoff: result.handoff },
        200,
        headers,
      );
    }
    return createUIMessageStreamResponse({ stream: turn.stream, headers });
  });

  app.get('/conversations/:id', async (c) => {
    const id = c.req.param('id');
    const conversation = await store.getConversation(id);
    await authorize(c, conversation, id);
    return c.json(publicConversation(conversation!));
  });

  app.post('/conversations/:id/contact', async (c) => {
    const id = c.req.param('id');
    const conversation = await store.getConversation(id);
    await authorize(c, conversation, id);
    const contact = await readJsonBody(c, contactSchema, 4096);
    const outcome = await handoffs.submitContact(id, contact);
    return c.json({ conversationId: id, handoff: outcome.part });
  });

  app.get('/conversations/:id/events', async (c) => {
    const id = c.req.param('id');
    const conversation = await store.getConversation(id);
    await authorize(c, conversation, id);
    return conversationEventsResponse(c, {
      store,
      conversationId: id,
      pollMs: eventsPollMs,
      afterMessageId: c.req.query('after'),
      audience: 'user',
    });
  });

  app.route(
    '/agent',
    createAgentRoutes({
      store,
      handoffs,
      agents: [
        ...(options.agents ?? []),
        ...(options.agentToken ? [{ token: options.agentToken, id: 'agent' }] : []),
      ].map((agent) => ({ ...agent, name: agent.name ?? agentName(teams, agent.id) })),
      teams,
      clock,
      eventsPollMs,
      reviewLoop: {
        outbox,
        waitUntil,
        ...(options.review ? { review: options.review } : {}),
        ...(options.consoleUrl ? { consoleUrl: options.consoleUrl } : {}),
      },
    }),
  );

  for (const desk of options.desks ?? []) {
    desk.connect({ store, handoffs, teams, runTurn: runDeskTurn, waitUntil, idle, clock, logger });
  }

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (ConversationNotFoundError.isInstance(error)) {
      return c.json({ error: { code: 'conversation_not_found', message: error.message } }, 404);
    }
    if (HandoffStateError.isInstance(error)) {
      return c.json({ error: { code: error.code, message: error.message } }, 409);
    }
    if (StoreUnavailableError.isInstance(error)) {
      logger.error('store-unavailable', { error: describeError(error.cause ?? error) });
      return c.json({ error: { code: 'store_unavailable', message: storeUnavailableMessage } }, 503);
    }
    logger.error('unexpected-error', { error: describeError(error) });
    return c.json({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } }, 500);
  });

  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `No route ${c.req.method} ${c.req.path}.` } }, 404),
  );

  return {
    app,
    store,
    guard,
    handoffs,
    outbox,
    /** Starts a chat turn from the host's own route (no HTTP parsing). */
    startTurn,
    /** Delivers due notifications (retries); call it on a timer (Node) or from an alarm (Workers). */
    async flushOutbox() {
      return outbox ? outbox.flush() : { delivered: 0, retried: 0, failed: 0, storeErrors: 0 };
    },
    /** Resolves when all background work (briefs, notifications) started so far is done. */
    idle,
  };
}

/** A conversation not stored yet, with the bot, created at `at`. */
function newConversation(
  id: string,
  at: string,
  extra: Pick<StoredConversation, 'tokenHash' | 'identity'>,
): StoredConversation {
  return { id, version: 0, state: 'bot', createdAt: at, updatedAt: at, ...extra, messages: [], handoff: null };
}

const withPeople = new Set(['queued', 'assigned', 'human']);

/**
 * The `user_message.created` deliveries of a message written while people have the conversation
 * (its handoff announced and not collecting details), for the desks that mirror the conversation.
 */
async function userMessageDeliveries(outbox: Outbox, next: StoredConversation, message: HandrailUIMessage) {
  const handoff = next.handoff;
  if (!handoff || !withPeople.has(next.state) || !handoff.routedAt || handoff.collecting) return [];
  return outbox.build(
    buildHandoffEvent({
      type: 'user_message.created',
      conversationId: next.id,
      handoff,
      message: { id: message.id, text: messageText(message), createdAt: message.metadata?.createdAt ?? next.updatedAt },
    }),
  );
}

/** A client-chosen conversation token: 32 to 256 base64url characters. */
const clientTokenPattern = /^[A-Za-z0-9_-]{32,256}$/;

const storeUnavailableMessage = 'The conversation store is unavailable. Try again shortly.';

const storeMethods = new Set<PropertyKey>(storeMethodNames);

/**
 * The store, with each failure of its methods other than a version conflict rethrown as a
 * `StoreUnavailableError` (answered 503). Other properties of the store pass through.
 */
function reportStoreFailures(store: Store): Store {
  // One wrapper per method, made on first use, not a new closure on every call.
  const wrapped = new Map<PropertyKey, { method: unknown; wrapper: (...args: unknown[]) => Promise<unknown> }>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (!storeMethods.has(property) || typeof value !== 'function') return value;
      const cached = wrapped.get(property);
      if (cached && cached.method === value) return cached.wrapper;
      const wrapper = async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (error) {
          if (StoreConflictError.isInstance(error) || StoreUnavailableError.isInstance(error)) throw error;
          throw new StoreUnavailableError({ message: `The store failed: ${describeError(error)}`, cause: error });
        }
      };
      wrapped.set(property, { method: value, wrapper });
      return wrapper;
    },
  });
}

const contactSchema = z.object({ name: z.string().min(1).max(200).optional(), email: z.email().max(320) }).strict();

function parseTeams(teams: unknown): Team[] {
  const result = teamsSchema.safeParse(teams);
  if (!result.success) {
    throw new TypeError(
      `Invalid Handrail options: ${result.error.issues.map((issue) => `teams.${issue.path.map(String).join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return result.data;
}

/** The name an agent has in the teams' rosters, else a neutral label. */
function agentName(teams: Team[], agentId: string): string {
  for (const team of teams) {
    const agent = team.agents.find((candidate) => candidate.id === agentId);
    if (agent) return agent.name;
  }
  return 'Support agent';
}

/**
 * A conversation as the user's side may see it: the messages, the state and what the handoff
 * means for the user (why, which team, how long, what happened to it). Never the token hash nor
 * the agents' side of the handoff: the brief (with its error, which may quote the provider),
 * skills, urgency, scores and evidence, or which agent has it.
 */
export function publicConversation(conversation: StoredConversation) {
  const { tokenHash: _tokenHash, handoff, ...rest } = conversation;
  return { ...rest, handoff: handoff ? publicHandoff(handoff) : null };
}

function publicHandoff(handoff: HandoffRecord) {
  return {
    id: handoff.id,
    createdAt: handoff.createdAt,
    reasons: handoff.reasons.map(({ reason, source, detail }) => ({ reason, source, detail })),
    team: handoff.team,
    ...(handoff.etaSeconds !== undefined ? { etaSeconds: handoff.etaSeconds } : {}),
    ...(handoff.collecting ? { collecting: true } : {}),
    ...(handoff.awaitingContact ? { awaitingContact: true } : {}),
    ...(handoff.claimedAt ? { claimedAt: handoff.claimedAt } : {}),
    ...(handoff.resolvedAt ? { resolvedAt: handoff.resolvedAt, resolution: handoff.resolution } : {}),
    ...(handoff.ticket ? { ticket: handoff.ticket } : {}),
  };
}

async function drain(stream: ReadableStream<UIMessageChunk>) {
  const reader = stream.getReader();
  while (!(await reader.read()).done) {}
}

/**
 * The optional detectors that run beside the generation (the model classifier, the semantic
 * detector), as one function whose signals the chat loop adds to the guard's.
 */
function besideGeneration(options: HandrailOptions, scope: string): { classifier?: ModelClassifier } {
  const detectors: ModelClassifier[] = [];
  if (options.classifier) {
    detectors.push(
      createModelClassifier({
        model: options.classifier.model,
        scope,
        ...(options.classifier.timeoutMs ? { timeoutMs: options.classifier.timeoutMs } : {}),
      }),
    );
  }
  if (options.semantic) detectors.push(createSemanticDetector(options.semantic));
  if (detectors.length === 0) return {};
  const [only] = detectors;
  if (detectors.length === 1) return { classifier: only! };
  return {
    classifier: async (transcript, abortSignal) =>
      (await Promise.all(detectors.map((detect) => detect(transcript, abortSignal)))).flat(),
  };
}

/** The retry schedule part of the `outbox` option. */
function backoffOf({ leaseMs: _leaseMs, ...backoff }: NonNullable<HandrailOptions['outbox']>) {
  return backoff;
}
