import type { Telemetry } from 'ai';
import type { GuardDecision } from '../guard/types.js';
import type { HandoffRecord } from '../store/store.js';

/** What a turn trace records. Implementations must never throw into the chat loop. */
export interface TurnTrace {
  /** Telemetry settings to pass to the AI SDK call (`telemetry`), when the tracer wants generations. */
  readonly telemetry?: {
    isEnabled: boolean;
    functionId?: string;
    metadata?: Record<string, string>;
    /** AI SDK 7 telemetry integrations that record the generation under this turn's trace. */
    integrations?: Telemetry[];
  };
  /** Records one guard phase: every detector's signals and the policy decision, with evidence. */
  guard(phase: 'input' | 'output', decision: GuardDecision, durationMs: number): void;
  /** Records a handoff as an event, tagged with its reasons, urgency and team, with the brief attached. */
  handoff(record: HandoffRecord): void;
  /** Records which prompt file and hash ran. */
  prompt(prompt: { name: string; file: string; hash: string }): void;
  /** Ends the turn with its outcome (`answered`, `escalated`, `human`), adding escalation scores. */
  end(outcome: { outcome: 'answered' | 'escalated' | 'human' | 'error'; output?: string }): void;
}

/** Creates one trace per chat turn, grouped by conversation id as the session. */
export interface Tracer {
  startTurn(input: { conversationId: string; userText: string; turnIndex: number }): TurnTrace;
  /** Sends buffered spans. On Workers pass the promise to `waitUntil`; on Node call it at shutdown. */
  flush(): Promise<void>;
}

const noopTurn: TurnTrace = {
  guard() {},
  handoff() {},
  prompt() {},
  end() {},
};

/** The tracer used when tracing is off: it records nothing and allocates nothing per turn. */
export const noopTracer: Tracer = {
  startTurn: () => noopTurn,
  flush: async () => {},
};
