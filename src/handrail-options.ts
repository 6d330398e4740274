import type { LanguageModel, PrepareStepFunction, StopCondition, ToolSet } from 'ai';
import type { Context, Env } from 'hono';
import { z } from 'zod';
import type { AgentDesk } from './desks/agent-desk.js';
import type { SemanticDetectorOptions } from './guard/detectors/semantic-detector.js';
import type { GuardOptions } from './guard/index.js';
import type { HandrailHooks } from './handoff/handoff-hooks.js';
import type { RateLimitStore } from './http/rate-limit.js';
import type { Logger } from './logger.js';
import type { Notifier } from './notify/index.js';
import { type ReviewOptions, reviewOptionsSchema } from './review/review-options.js';
import type { Team } from './routing/index.js';
import type { Store } from './store/store.js';
import type { Tracer } from './tracing/tracer.js';

/** An agent who may use the agent API, identified by a bearer token. */
export interface AgentCredential {
  /** Bearer token of the agent (at least 16 characters). */
  token: string;
  /** Agent id; matches an agent in `teams[].agents` when routing should count their load. */
  id: string;
  name?: string;
  /** Teams whose conversations the agent may see. Omitted: all teams. */
  teams?: string[];
}

/** A question the bot may ask before handing off, for a field routing needs. */
export interface PreHandoffQuestionOption {
  field: string;
  question: string;
  /** A pattern that finds the field in the transcript; when it matches, the question is skipped. */
  pattern?: RegExp;
  /** An entity of the brief that holds the field (e.g. `orderNumbers`). */
  entity?: 'orderNumbers' | 'accountNumbers' | 'emails' | 'phoneNumbers';
}

/** A rate limit: at most `limit` requests per `windowMs` milliseconds (fixed window). */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/**
 * Rate limits of {@link HandrailOptions.rateLimit}. `E` is the host app's Hono `Env`, so `perIp.key`
 * reads the host's variables typed (`c.get('user')`).
 */
/**
 * The host app's `Env` when it names none: no bindings, no variables (Hono's `BlankEnv`, which
 * `hono/types` exports only from 4.2 on).
 */
// biome-ignore lint/complexity/noBannedTypes: the empty Env, as Hono spells it
export type BlankEnv = {};

export interface RateLimitSettings<E extends Env = BlankEnv> {
  /** Chat turns (`POST /chat`) per conversation id. `false`: off. @default { limit: 60, windowMs: 60000 } */
  perConversation?: RateLimitRule | false;
  /**
   * Requests per client address on the user routes (`/chat`, `/conversations/*`). The key is
   * `clientAddress(c, { trustProxy })` (on Workers `cf-connecting-ip`, on Node the socket, or
   * `X-Forwarded-For` as far as `trustProxy` allows) unless `key` says otherwise; return `undefined` from `key` to let a request through uncounted. `false`: off.
   * @default { limit: 600, windowMs: 60000 }
   */
  perIp?: (RateLimitRule & { key?: (c: Context<E>) => string | undefined }) | false;
  /** Where the counters live. @default createMemoryRateLimitStore() (per process or Workers isolate) */
  store?: RateLimitStore;
}

/**
 * Decides whether a request may read or write a conversation (the host app's own auth). `c` is the
 * request's context in the host app, typed by the host's `Env` `E`: variables its middleware set
 * before `app.route()` (`c.get('user')`) are there, typed.
 */
export type ConversationAuthHook<E extends Env = BlankEnv> = (
  c: Context<E>,
  conversationId: string,
) => boolean | Promise<boolean>;

/**
 * Options of {@link handrail}. `E` is the host app's Hono `Env` (`{ Bindings, Variables }`), the one
 * of the app that mounts Handrail: it types the context the hooks receive (`conversationAuth`,
 * `rateLimit.perIp.key`). @default BlankEnv (no variables)
 */
export interface HandrailOptions<E extends Env = BlankEnv> extends HandrailHooks {
  /** The AI SDK language model that answers the customer. */
  model: LanguageModel;
  /**
   * The system prompt. `{{companyName}}`, `{{scope}}` and `{{businessHours}}` are filled from `promptVariables`.
   * @default the contents of `prompts/system.md`
   */
  system?: string;
  /** Values for the system prompt's variables. */
  promptVariables?: { companyName?: string; scope?: string; businessHours?: string };
  /** The host app's own AI SDK tools, passed to the model beside `escalate_to_human`. */
  tools?: ToolSet;
  /**
   * Most model steps (tool round trips) in one turn: shorthand for `stopWhen: isStepCount(maxSteps)`,
   * and always applied as the ceiling, also beside `stopWhen`. @default 5
   */
  maxSteps?: number;
  /**
   * More conditions that end the model's tool loop (AI SDK `stopWhen`, e.g. `hasToolCall('create_ticket')`):
   * the loop stops when any of them, `maxSteps` or a call of `escalate_to_human` says so.
   */
  stopWhen?: StopCondition<ToolSet> | StopCondition<ToolSet>[];
  /**
   * Settings per model step (AI SDK `prepareStep`): another model, `toolChoice`, `activeTools`,
   * messages. `escalate_to_human` stays among the active tools whatever `activeTools` says.
   */
  prepareStep?: PrepareStepFunction<ToolSet>;
  /**
   * How much of the conversation the model is sent each turn: the last `maxMessages` (default 24)
   * and a summary of what the user wrote before them (at most `summaryChars`, default 1200). The
   * guard and the brief always read the whole conversation.
   */
  modelContext?: { maxMessages?: number; summaryChars?: number };
  /** Conversation state and the notification outbox. @default createMemoryStore() */
  store?: Store;
  /** Current time. @default () => new Date() */
  clock?: () => Date;
  /** Where decisions and failures are logged. @default silentLogger */
  logger?: Logger;
  /** Traces every turn (see `createLangfuseTracer`). @default noopTracer */
  tracer?: Tracer;
  /** Guard thresholds, switches, topics and scope. */
  guard?: GuardOptions;
  /** An optional model-based classifier that runs beside the main generation. */
  classifier?: { model: LanguageModel; timeoutMs?: number };
  /**
   * An optional semantic detector (`createSemanticDetector`) that runs beside the main generation:
   * the user's message is compared, by an embedding model, with exemplar sentences per reason.
   */
  semantic?: SemanticDetectorOptions;
  /** Hold the model's text until the output guard has passed. @default true */
  holdOutput?: boolean;
  /** Deadline of one model call, in milliseconds; past it the user is handed off with reason `error`. @default 30000 */
  modelTimeoutMs?: number;
  /** Request limits. */
  limits?: { maxBodyBytes?: number; maxMessages?: number; maxMessageChars?: number };
  /**
   * Who may read and write a conversation: `token` (a per-conversation token returned in the
   * `x-handrail-conversation-token` header on creation), `none`, or a hook using the host app's auth.
   * @default 'token'
   */
  conversationAuth?: 'token' | 'none' | ConversationAuthHook<E>;
  /**
   * Request rate limits; past one the answer is 429 with `retry-after` and `ratelimit-*` headers
   * and nothing is stored. The agent API (authenticated by bearer token) is not limited. `false`: off.
   * @default { perConversation: { limit: 60, windowMs: 60000 }, perIp: { limit: 600, windowMs: 60000 } }
   */
  rateLimit?: RateLimitSettings<E> | false;
  /**
   * The proxies in front of a Node deployment whose `X-Forwarded-For` says who the client is:
   * the number of hops (`1` behind one load balancer) or their addresses. Unset, the per-address
   * rate limit counts the socket's address and believes no forwarding header (a client could
   * rotate it). On Workers, `cf-connecting-ip` is used either way.
   */
  trustProxy?: number | string[];
  /** Agents allowed on the agent API. */
  agents?: AgentCredential[];
  /** Shorthand for one agent (`id: 'agent'`) who sees every team. */
  agentToken?: string;
  /** Teams that take handoffs. Without teams, every handoff goes to one shared queue. */
  teams?: Team[];
  /** Where handoff notifications go (signed webhook, Slack). */
  notifiers?: Notifier[];
  /**
   * Places where agents already work, connected both ways (`createSlackAgentDesk`,
   * `createChatwootAgentDesk`): each receives the handoff events through the outbox, like a
   * notifier, and is connected to the engine so its `routes` (mounted by the host) can claim,
   * answer, resolve and run chat turns.
   */
  desks?: AgentDesk[];
  /**
   * Retry policy of the notification outbox, and how long an attempt leases its delivery
   * (`leaseMs`, default 30 s: keep it above the notifiers' timeout).
   */
  outbox?: { baseMs?: number; maxMs?: number; maxAttempts?: number; leaseMs?: number };
  /** The handoff brief: the model that writes it (default: `model`; `false` for the extractive brief only) and its deadline. */
  brief?: { model?: LanguageModel | false; timeoutMs?: number };
  /** At most two questions the bot asks before handing off (never when urgency is critical). */
  preHandoffQuestions?: PreHandoffQuestionOption[];
  /** Expected handling time per conversation before there is history. @default 300 */
  defaultHandlingSeconds?: number;
  /** Base URL of the agent console, for links in notifications. */
  consoleUrl?: string;
  /** How often the server-sent event routes look for changes, in milliseconds. @default 500 */
  eventsPollMs?: number;
  /** Runs work after the response (Workers: `executionCtx.waitUntil`). Detected from the request by default. */
  waitUntil?: (promise: Promise<unknown>) => void;
  /** The review loop: the review queue's sample share and window, reviewers, the knowledge base for the gap report. */
  review?: ReviewOptions;
}

const functionSchema = (name: string) =>
  z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', `${name} must be a function`);

const objectWith = (name: string, methods: string[]) =>
  z.custom<object>(
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      methods.every((method) => typeof (value as Record<string, unknown>)[method] === 'function'),
    `${name} must be an object with ${methods.join(', ')}`,
  );

const modelSchema = z.custom<LanguageModel>(
  (value) =>
    typeof value === 'string' ||
    (typeof value === 'object' &&
      value !== null &&
      typeof (value as { doStream?: unknown }).doStream === 'function' &&
      typeof (value as { doGenerate?: unknown }).doGenerate === 'function'),
  'model must be an AI SDK language model (an object with doGenerate and doStream, or a model id string)',
);

const rateLimitRuleSchema = z
  .object({ limit: z.number().int().min(1).max(1_000_000), windowMs: z.number().int().min(1000).max(86_400_000) })
  .strict();

/** The zod schema that validates {@link HandrailOptions} once, when `handrail()` runs. */
export const handrailOptionsSchema = z
  .object({
    model: modelSchema,
    system: z.string().min(1, 'system must not be empty').optional(),
    promptVariables: z
      .object({ companyName: z.string(), scope: z.string(), businessHours: z.string() })
      .partial()
      .strict()
      .optional(),
    tools: z.record(z.string(), z.object({}).loose()).optional(),
    maxSteps: z.number().int().min(1).max(50).optional(),
    stopWhen: z
      .custom<StopCondition<ToolSet> | StopCondition<ToolSet>[]>(
        (value) =>
          typeof value === 'function' ||
          (Array.isArray(value) && value.length > 0 && value.every((condition) => typeof condition === 'function')),
        "stopWhen must be an AI SDK stop condition (a function such as hasToolCall('name')) or a non-empty array of them",
      )
      .optional(),
    prepareStep: functionSchema('prepareStep').optional(),
    modelContext: z
      .object({ maxMessages: z.number().int().min(2).max(1000), summaryChars: z.number().int().min(0).max(20_000) })
      .partial()
      .strict()
      .optional(),
    store: objectWith('store', ['getConversation', 'putConversation', 'listConversations']).optional(),
    clock: functionSchema('clock').optional(),
    logger: objectWith('logger', ['debug', 'info', 'warn', 'error']).optional(),
    tracer: objectWith('tracer', ['startTurn', 'flush']).optional(),
    guard: z.object({}).loose().optional(),
    classifier: z.object({ model: modelSchema, timeoutMs: z.number().int().positive().optional() }).optional(),
    semantic: z
      .object({
        model: z.custom<SemanticDetectorOptions['model']>(
          (value) =>
            typeof value === 'string' ||
            (typeof value === 'object' &&
              value !== null &&
              typeof (value as { doEmbed?: unknown }).doEmbed === 'function'),
          'semantic.model must be an AI SDK embedding model (an object with doEmbed, or a model id string)',
        ),
        exemplars: z.record(z.string(), z.array(z.string().min(1))).optional(),
        threshold: z.number().min(0).max(1).optional(),
        timeoutMs: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
    holdOutput: z.boolean().optional(),
    modelTimeoutMs: z.number().int().positive().max(600_000).optional(),
    limits: z
      .object({
        maxBodyBytes: z.number().int().min(1024).max(10_000_000),
        maxMessages: z.number().int().min(1).max(10_000),
        maxMessageChars: z.number().int().min(1).max(1_000_000),
      })
      .partial()
      .strict()
      .optional(),
    conversationAuth: z.union([z.enum(['token', 'none']), functionSchema('conversationAuth')]).optional(),
    trustProxy: z
      .union([
        z.number().int().min(1, 'trustProxy must be at least 1 hop').max(10),
        z.array(z.string().min(1)).min(1, 'trustProxy needs at least one proxy address'),
      ])
      .optional(),
    rateLimit: z
      .union([
        z.literal(false),
        z
          .object({
            perConversation: z.union([z.literal(false), rateLimitRuleSchema]),
            perIp: z.union([
              z.literal(false),
              rateLimitRuleSchema.extend({ key: functionSchema('rateLimit.perIp.key').optional() }).strict(),
            ]),
            store: objectWith('rateLimit.store', ['increment']),
          })
          .partial()
          .strict(),
      ])
      .optional(),
    agents: z
      .array(
        z.object({
          token: z.string().min(16, 'agent tokens must be at least 16 characters'),
          id: z.string().min(1),
          name: z.string().optional(),
          teams: z.array(z.string()).optional(),
        }),
      )
      .optional(),
    agentToken: z.string().min(16, 'agentToken must be at least 16 characters').optional(),
    teams: z.array(z.object({}).loose()).optional(),
    notifiers: z.array(objectWith('notifier', ['deliver'])).optional(),
    desks: z.array(objectWith('desk', ['deliver', 'connect'])).optional(),
    outbox: z
      .object({
        baseMs: z.number().int().positive(),
        maxMs: z.number().int().positive(),
        maxAttempts: z.number().int().min(1).max(100),
        leaseMs: z.number().int().positive(),
      })
      .partial()
      .strict()
      .optional(),
    brief: z
      .object({ model: z.union([modelSchema, z.literal(false)]), timeoutMs: z.number().int().positive() })
      .partial()
      .strict()
      .optional(),
    preHandoffQuestions: z
      .array(
        z.object({
          field: z.string().min(1),
          question: z.string().min(1),
          // z.custom, not z.instanceof: the published types then need no ZodInstanceOf (zod 4.6+).
          pattern: z.custom<RegExp>((value) => value instanceof RegExp, 'pattern must be a RegExp').optional(),
          entity: z.enum(['orderNumbers', 'accountNumbers', 'emails', 'phoneNumbers']).optional(),
        }),
      )
      .max(2, 'at most two pre-handoff questions')
      .optional(),
    defaultHandlingSeconds: z.number().positive().optional(),
    consoleUrl: z.string().url().optional(),
    eventsPollMs: z.number().int().min(10).max(60_000).optional(),
    waitUntil: functionSchema('waitUntil').optional(),
    onHandoff: functionSchema('onHandoff').optional(),
    onStateChange: functionSchema('onStateChange').optional(),
    review: reviewOptionsSchema.optional(),
  })
  .strict();

/** Validates options and throws one readable error listing every problem. */
export function validateHandrailOptions(options: unknown): HandrailOptions {
  const result = handrailOptionsSchema.safeParse(options);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.map(String).join('.') || 'options'}: ${issue.message}`)
      .join('; ');
    throw new TypeError(`Invalid Handrail options: ${problems}`);
  }
  return options as HandrailOptions;
}
