import type { CaseResult } from './case-result.js';
import type { LangfuseDatasetRunError } from './langfuse-dataset-run.js';
import type { HttpOutcome } from './langfuse-http.js';

/**
 * One event of Langfuse's ingestion API. Only traces go this way: scores are sent to
 * `POST /api/public/scores` (see `langfuse-scores.ts`).
 */
export interface IngestionEvent {
  id: string;
  type: 'trace-create';
  timestamp: string;
  body: unknown;
}

/** The case an event was sent for, and its type. */
export interface EventCase {
  caseId: string;
  type: IngestionEvent['type'];
}

/** What the events of a case are sent with. */
export interface CaseEventContext {
  datasetName: string;
  runName: string;
  environment?: string;
  traceId: string;
  timestamp: string;
  randomUUID: () => string;
}

/**
 * The `trace-create` event of a case (input: the messages; output: escalated, fired reason,
 * turn, evidence), with the case's stable trace id.
 */
export function caseTraceEvent(result: CaseResult, context: CaseEventContext): IngestionEvent {
  return {
    id: context.randomUUID(),
    type: 'trace-create',
    timestamp: context.timestamp,
    body: traceBody(result, context),
  };
}

function traceBody(result: CaseResult, { datasetName, runName, environment, traceId, timestamp }: CaseEventContext) {
  const { case: evalCase } = result;
  const correct = result.escalated === (evalCase.expect === 'escalate');
  const verdict = correct ? 'correct' : evalCase.expect === 'escalate' ? 'missed' : 'false-escalation';
  return {
    id: traceId,
    timestamp,
    name: 'eval-case',
    input: evalCase.messages,
    output: {
      escalated: result.escalated,
      firedReason: result.firedReason,
      escalatedAtTurn: result.escalatedAtTurn,
      evidence: result.evidence,
      ...(result.error === undefined ? {} : { error: result.error }),
    },
    metadata: {
      caseId: evalCase.id,
      source: evalCase.source ?? null,
      note: evalCase.note ?? null,
      expect: evalCase.expect,
      expectedReason: evalCase.reason,
      latencyMs: result.latencyMs,
      datasetName,
      runName,
    },
    tags: ['handrail-eval', `expect:${evalCase.expect}`, verdict],
    ...(environment === undefined ? {} : { environment }),
  };
}

/** Splits events into batches of at most `maxEvents` events and `maxBytes` bytes (an event larger than that goes alone). */
export function batchEvents(
  events: readonly IngestionEvent[],
  maxEvents: number,
  maxBytes: number,
): IngestionEvent[][] {
  const batches: IngestionEvent[][] = [];
  let current: IngestionEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    const eventBytes = JSON.stringify(event).length + 1;
    if (current.length > 0 && (current.length + 1 > maxEvents || bytes + eventBytes > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += eventBytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** What the answer to one ingestion batch says: the events accepted, and an error per event rejected. */
export interface BatchReading {
  accepted: EventCase[];
  errors: LangfuseDatasetRunError[];
}

/**
 * Reads the answer to an ingestion batch. A failed request is one error for the batch; a
 * successful one (207) lists the events Langfuse rejected instead of failing the request.
 * Events not in `eventCase` are left out.
 */
export function readIngestionOutcome(
  batch: readonly IngestionEvent[],
  outcome: HttpOutcome,
  eventCase: ReadonlyMap<string, EventCase>,
): BatchReading {
  if (!outcome.ok) {
    const cases = [...new Set(batch.map((event) => eventCase.get(event.id)?.caseId))];
    const error: LangfuseDatasetRunError = {
      step: 'ingestion',
      ...(outcome.status === undefined ? {} : { status: outcome.status }),
      message: `${outcome.message} (batch of ${batch.length} events, cases ${cases.join(', ')})`,
    };
    return { accepted: [], errors: [error] };
  }
  const rejected = rejectedEvents(outcome.body);
  const reading: BatchReading = { accepted: [], errors: [] };
  for (const event of batch) {
    const known = eventCase.get(event.id);
    if (!known) continue;
    const error = rejected.get(event.id);
    if (!error) {
      reading.accepted.push(known);
      continue;
    }
    const detail = error.message ?? (typeof error.error === 'string' ? error.error : JSON.stringify(error.error));
    reading.errors.push({
      step: 'ingestion',
      caseId: known.caseId,
      ...(typeof error.status === 'number' ? { status: error.status } : {}),
      message: `${event.type} rejected${detail ? `: ${detail}` : ''}`,
    });
  }
  return reading;
}

type RejectedEvent = { id?: string; status?: number; message?: string; error?: unknown };

/** The events an ingestion answer's `errors` lists, by event id. */
function rejectedEvents(body: unknown): Map<string, RejectedEvent> {
  const rejected = new Map<string, RejectedEvent>();
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (Array.isArray(errors)) {
    for (const error of errors as RejectedEvent[]) {
      if (typeof error.id === 'string') rejected.set(error.id, error);
    }
  }
  return rejected;
}
