/**
 * Handrail: Hono middleware that wraps an AI SDK chat loop with escalation to a human that
 * is enforced, briefed, routed and measured.
 *
 * @packageDocumentation
 */

export { computeHandoffMetrics, type HandoffMetrics } from './agent/handoff-metrics.js';
// The handoff: brief, routing, lifecycle, metrics
export {
  type BriefInput,
  type BriefWriter,
  buildExtractiveBrief,
  createBriefWriter,
  extractEntities,
  type HandoffBrief,
  handoffBriefSchema,
} from './brief/index.js';
export { type ChatTurn, type ChatTurnContext, type ChatTurnResult, runChatTurn } from './chat/chat-turn.js';
export {
  type ConversationState,
  conversationStates,
  type HandoffPartData,
  type HandoffReason,
  type HandrailMessageMetadata,
  type HandrailUIMessage,
} from './chat/conversation.js';
export { createEscalateTool, type EscalateInput, escalateInputSchema, escalateToolName } from './chat/escalate-tool.js';
export { messageText, toTranscript } from './chat/transcript.js';
/**
 * Agent desks: Slack (two-way threads) and Chatwoot (Agent Bot), and the `AgentDesk` interface for
 * more (Zendesk, Intercom, Freshdesk). Their contract suite is `testAgentDesk` in `handrail/testing`.
 */
export * from './desks/index.js';
export * from './errors/index.js';
// The evals (no file access here; `handrail/evals` adds the dataset loaders, replay and Langfuse)
export type { CaseOutcome, CaseResult, CaseRunner } from './evals/case-result.js';
export { caseOutcomeRecords, compareRuns, type RunComparison } from './evals/compare-runs.js';
export { type EvalCase, evalCaseSchema } from './evals/eval-case.js';
export { createGuardRunner, type GuardLike } from './evals/guard-runner.js';
export { renderHtmlReport } from './evals/html-report.js';
export { renderJunitReport } from './evals/junit-report.js';
export { computeMetrics, type EvalReport } from './evals/metrics.js';
export { createPipelineRunner } from './evals/pipeline-runner.js';
export { type RunEvalOptions, runEval } from './evals/run-eval.js';
export { renderTextReport } from './evals/text-report.js';
// The guard
export * from './guard/index.js';
export { createHandoffService, type HandoffServiceOptions } from './handoff/create-handoff-service.js';
// The middleware and its engine
export type { ConversationStateChange, HandoffHookEvent, HandrailHooks } from './handoff/handoff-hooks.js';
export type { AgentIdentity, HandoffOutcome, HandoffRequest, HandoffService } from './handoff/handoff-service.js';
// The handoff as data: its phases, events and transition table, and the pure function that applies an event
export {
  applyHandoffEvent,
  type HandoffPhase,
  type HandoffTransitionEvent,
  handoffPhaseOf,
  handoffPhases,
  renderTransitionTable,
  type TransitionResult,
  type TransitionRule,
  transitionTable,
} from './handoff/index.js';
export { createHandrailEngine, type HandrailEnv, handrail, publicConversation } from './handrail.js';
export {
  type AgentCredential,
  type ConversationAuthHook,
  type HandrailOptions,
  handrailOptionsSchema,
  type PreHandoffQuestionOption,
  type RateLimitRule,
  type RateLimitSettings,
  validateHandrailOptions,
} from './handrail-options.js';
export { conversationTokenHeader } from './http/conversation-token.js';
export { type NodeServerOptions, type NodeServerTimeouts, nodeServerOptions } from './http/node-server-options.js';
export {
  type ClientAddressOptions,
  clientAddress,
  createMemoryRateLimitStore,
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  type RateLimitHit,
  type RateLimitOptions,
  type RateLimitResult,
  type RateLimitStore,
  rateLimit,
  rateLimitedError,
  rateLimitHeaders,
  type TrustProxy,
} from './http/rate-limit.js';
export { createConsoleLogger, type Logger, type LogLevel, silentLogger } from './logger.js';
export * from './model/index.js';
export * from './notify/index.js';
export * from './routing/index.js';
// Stores, notifications, models, tracing, errors
export * from './store/index.js';
export { updateConversation } from './store/update-conversation.js';
export * from './tracing/index.js';
