export { type CommittedEvent, commitHandoffEvent, type HandoffCommitContext } from './commit-handoff-event.js';
export { contactFromText } from './contact-from-text.js';
export { createHandoffService, type HandoffServiceOptions } from './create-handoff-service.js';
export {
  type HandoffPhase,
  handoffPhaseOf,
  handoffPhases,
  hasOpenHandoff,
  openHandoffPhases,
} from './handoff-phase.js';
export type { AgentIdentity, HandoffOutcome, HandoffRequest, HandoffService } from './handoff-service.js';
export {
  type AcceptedTransition,
  type HandoffRouting,
  type HandoffTransitionEvent,
  type HandoffTransitionEventType,
  isRejected,
  type RejectedTransition,
  type TransitionResult,
} from './handoff-transition-event.js';
export {
  isAllowedFrom,
  matchingRules,
  renderTransitionTable,
  type TransitionRule,
  transitionTable,
} from './transition-table.js';
export { applyHandoffEvent } from './transitions.js';
