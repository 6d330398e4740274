import type { LangfuseScore } from '../tracing/langfuse-score-client.js';
import type { EvalCaseScore } from './langfuse-dataset-run.js';

/** One request of the scores step: the body of `POST /api/public/scores` and the case it scores. */
export interface CaseScoreRequest {
  caseId: string;
  score: LangfuseScore;
}

/**
 * The bodies of `POST /api/public/scores` (the request shape of the chat tracer's score client)
 * for the scores of one case, on its trace: `BOOLEAN`, with the stable id `<traceId>-<name>` so
 * that recording the same run again updates each score instead of adding one.
 */
export function caseScoreRequests(
  caseId: string,
  scores: readonly EvalCaseScore[],
  traceId: string,
  environment?: string,
): CaseScoreRequest[] {
  return scores.map((score) => ({
    caseId,
    score: {
      id: `${traceId}-${score.name}`,
      traceId,
      name: score.name,
      value: score.value,
      dataType: 'BOOLEAN',
      comment: score.comment,
      ...(environment === undefined ? {} : { environment }),
    },
  }));
}
