import type { LangfuseScore } from '../tracing/langfuse-score-client.js';
import type { CaseResult } from './case-result.js';
import type { EvalCaseScore, LangfuseDatasetRunError } from './langfuse-dataset-run.js';
import type { HttpOutcome } from './langfuse-http.js';

/** One event of Langfuse's ingestion API. */
export interface IngestionEvent {
  id: string;
  type: 'trace-create' | 'score-create';
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
 * turn, evidence) and a `score-create` event per score, in that order.
 */
export function caseIngestionEvents(
  result: CaseResult,
  scores: readonly EvalCaseScore[],
  context: CaseEventContext,
): IngestionEvent[] {
  const { traceId, timestamp, environment, randomUUID } = context;
  const trace: IngestionEvent = { id: randomUUID(), type: 'trace-create', timestamp, body: traceBody(result, context) };
  const scoreEvents: IngestionEvent[] = scores.map((score) => {
    const body: LangfuseScore = {
      id: `${traceId}-${score.name}`,
      traceId,
      name: score.name,
      value: score.value,
      dataType: 'BOOLEAN',
      comment: score.comment,
      ...(environment === undefined ? {} : { environment }),
    };
    return { id: randomUUID(), type: 'score-create', timestamp, body };
  });
  return [trace, ...scoreEvents];
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

/** Splits events into batches under both limits, keeping each case's events together. */
export function batchEvents(
  groups: readonly IngestionEvent[][],
  maxEvents: number,
  maxBytes: number,
): IngestionEvent[][] {
  const batches: IngestionEvent[][] = [];
  let current: IngestionEvent[] = [];
  let bytes = 0;
  for (const group of groups) {
    const groupBytes = group.reduce((sum, event) => sum + JSON.stringify(event).length + 1, 0);
    if (current.length > 0 && (current.length + group.length > maxEvents || bytes + groupBytes > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(...group);
    bytes += groupBytes;
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
