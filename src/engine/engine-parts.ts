import { generateId as generateAiId, type LanguageModel } from 'ai';
import { type BriefWriter, createBriefWriter } from '../brief/index.js';
import type { ChatTurnContext } from '../chat/chat-turn.js';
import { createGuard, createModelClassifier, createSemanticDetector, type ModelClassifier } from '../guard/index.js';
import { createHandoffService } from '../handoff/create-handoff-service.js';
import type { HandoffService } from '../handoff/handoff-service.js';
import { type HandrailOptions, validateHandrailOptions } from '../handrail-options.js';
import { type ConversationAccess, createConversationAccess } from '../http/authorization.js';
import { defaultLimits, type RequestLimits } from '../http/chat-request.js';
import { type Logger, silentLogger } from '../logger.js';
import { createOutbox, type Outbox } from '../notify/index.js';
import { renderPrompt, renderPromptText } from '../prompts/prompt.js';
import { type Team, teamsSchema } from '../routing/index.js';
import { createMemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import { noopTracer } from '../tracing/tracer.js';
import { type BackgroundWork, createBackgroundWork } from './background-work.js';
import { observeCommits } from './engine-hooks.js';
import { reportStoreFailures } from './report-store-failures.js';

/** The parts of an engine, built once from validated options. */
export interface EngineParts {
  options: HandrailOptions;
  /** The host's store, with its failures reported as `StoreUnavailableError` (answered 503). */
  store: Store;
  clock: () => Date;
  logger: Logger;
  limits: RequestLimits;
  teams: Team[];
  guard: ChatTurnContext['guard'];
  /** Null when no notifier or desk is configured. */
  outbox: Outbox | null;
  background: BackgroundWork;
  generateId: () => string;
  handoffs: HandoffService;
  turnContext: ChatTurnContext;
  access: ConversationAccess;
  eventsPollMs: number;
}

/** Validates the options (throwing a plain error on a mistake) and builds every part of the engine. */
export function buildEngineParts(rawOptions: HandrailOptions): EngineParts {
  const options = validateHandrailOptions(rawOptions);
  const { clock = () => new Date(), logger = silentLogger } = options;
  const background = createBackgroundWork(options.waitUntil);
  // Every route answers 503 when the store fails, the agent API and the handoff service included.
  const store = storeOf(options, logger, background);
  const teams: Team[] = options.teams ? parseTeams(options.teams) : [];
  const guard = createGuard(options.guard);
  const outbox = outboxOf(options, store, clock, logger);
  const generateId = () => generateAiId();
  const handoffs = createHandoffService({
    store,
    clock,
    logger,
    generateId,
    teams,
    outbox,
    briefWriter: briefWriterOf(options),
    preHandoffQuestions: options.preHandoffQuestions ?? [],
    defaultHandlingSeconds: options.defaultHandlingSeconds ?? 300,
    ...(options.consoleUrl ? { consoleUrl: options.consoleUrl } : {}),
    waitUntil: background.waitUntil,
  });
  const base = { store, clock, logger, guard, handoffs, generateId };
  return {
    options,
    ...base,
    limits: { ...defaultLimits, ...options.limits },
    teams,
    outbox,
    background,
    turnContext: turnContextOf(options, base),
    access: createConversationAccess(options.conversationAuth ?? 'token'),
    eventsPollMs: options.eventsPollMs ?? 500,
  };
}

/** The host's store with its failures reported, and the hooks called after each commit when there are any. */
function storeOf(options: HandrailOptions, logger: Logger, background: BackgroundWork): Store {
  const store = reportStoreFailures(options.store ?? createMemoryStore());
  const { onHandoff, onStateChange } = options;
  if (!onHandoff && !onStateChange) return store;
  return observeCommits(store, {
    hooks: { ...(onHandoff ? { onHandoff } : {}), ...(onStateChange ? { onStateChange } : {}) },
    logger,
    waitUntil: background.waitUntil,
    ...(options.consoleUrl ? { consoleUrl: options.consoleUrl } : {}),
  });
}

/** What one chat turn needs, from the options and the parts built already. */
function turnContextOf(
  options: HandrailOptions,
  parts: Pick<ChatTurnContext, 'store' | 'clock' | 'logger' | 'guard' | 'handoffs' | 'generateId'>,
): ChatTurnContext {
  const variables = {
    companyName: options.promptVariables?.companyName ?? 'our company',
    scope: options.promptVariables?.scope ?? 'questions about our products, orders and services',
    businessHours: options.promptVariables?.businessHours ?? 'Monday to Friday, 9:00 to 17:00',
  };
  const system = systemPromptOf(options, variables);
  return {
    model: options.model,
    system: system.text,
    tools: options.tools ?? {},
    maxSteps: options.maxSteps ?? 5,
    ...(options.stopWhen ? { stopWhen: [options.stopWhen].flat() } : {}),
    ...(options.prepareStep ? { prepareStep: options.prepareStep } : {}),
    ...(options.modelContext ? { modelContext: options.modelContext } : {}),
    ...parts,
    tracer: options.tracer ?? noopTracer,
    ...besideGeneration(options, variables.scope),
    holdOutput: options.holdOutput ?? true,
    modelTimeoutMs: options.modelTimeoutMs ?? 30_000,
    ...(system.prompt ? { prompt: system.prompt } : {}),
  };
}

/** The host's system prompt with its variables filled in, else the packaged one (named and hashed, for traces). */
function systemPromptOf(options: HandrailOptions, variables: Record<string, string>) {
  if (options.system) return { text: renderPromptText(options.system, variables), prompt: undefined };
  const rendered = renderPrompt('system', variables);
  return { text: rendered.text, prompt: { name: rendered.name, file: rendered.file, hash: rendered.hash } };
}

/** The outbox, when a notifier or a desk is configured: a desk receives the handoff events like a notifier, with its retries. */
function outboxOf(options: HandrailOptions, store: Store, clock: () => Date, logger: Logger): Outbox | null {
  const notifiers = [...(options.notifiers ?? []), ...(options.desks ?? [])];
  if (notifiers.length === 0) return null;
  const { leaseMs, ...backoff } = options.outbox ?? {};
  return createOutbox({
    store,
    notifiers,
    clock,
    logger,
    ...(options.outbox ? { backoff } : {}),
    ...(leaseMs !== undefined ? { leaseMs } : {}),
  });
}

/** The brief writer: the brief's own model, else the chat model; none with `brief.model: false`. */
function briefWriterOf(options: HandrailOptions): BriefWriter | null {
  const model: LanguageModel | null = options.brief?.model === false ? null : (options.brief?.model ?? options.model);
  if (!model) return null;
  return createBriefWriter({ model, ...(options.brief?.timeoutMs ? { timeoutMs: options.brief.timeoutMs } : {}) });
}

function parseTeams(teams: unknown): Team[] {
  const result = teamsSchema.safeParse(teams);
  if (!result.success) {
    throw new TypeError(
      `Invalid Handrail options: ${result.error.issues.map((issue) => `teams.${issue.path.map(String).join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return result.data;
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
