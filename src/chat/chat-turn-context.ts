import type { LanguageModel, PrepareStepFunction, StopCondition, ToolSet } from 'ai';
import type { Guard } from '../guard/index.js';
import type { Signal, Transcript } from '../guard/types.js';
import type { HandoffService } from '../handoff/handoff-service.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { Tracer } from '../tracing/tracer.js';
import type { ModelContextOptions } from './model-context.js';

/** Everything one chat turn needs; built once by `handrail()` or `createHandrailEngine()`. */
export interface ChatTurnContext {
  model: LanguageModel;
  system: string;
  tools: ToolSet;
  /** The ceiling of model steps in a turn (`isStepCount`). */
  maxSteps: number;
  /** The host's own stop conditions, beside `maxSteps` and a call of `escalate_to_human`. */
  stopWhen?: StopCondition<ToolSet>[];
  /** The host's `prepareStep`; `escalate_to_human` stays active whatever it returns. */
  prepareStep?: PrepareStepFunction<ToolSet>;
  /** How much history the model sees (the brief and the guard see all of it). */
  modelContext?: ModelContextOptions;
  store: Store;
  clock: () => Date;
  logger: Logger;
  tracer: Tracer;
  guard: Guard;
  classifier?: (transcript: Transcript, abortSignal?: AbortSignal) => Promise<Signal[]>;
  holdOutput: boolean;
  modelTimeoutMs: number;
  handoffs: HandoffService;
  generateId: () => string;
  prompt?: { name: string; file: string; hash: string };
}
