/**
 * Confidence in 0..1 that a model reported for an answer, read from the provider metadata of a step or a
 * stream's `finish` part:
 * - `handrail.confidence`, set by the offline model (retrieval confidence);
 * - otherwise `openai.logprobs` (Chat Completions with `providerOptions.openai.logprobs`): the geometric
 *   mean of the token probabilities, `exp(mean(logprob))`.
 *
 * Accepts any value (`providerMetadata` is typed loosely in places); returns `undefined` when the model
 * reported neither.
 */
export function confidenceFromProviderMetadata(metadata: unknown): number | undefined {
  const handrail = asRecord(asRecord(metadata)?.handrail);
  const reported = handrail?.confidence;
  if (typeof reported === 'number' && Number.isFinite(reported)) return clamp(reported);

  const logprobs = tokenLogprobs(asRecord(asRecord(metadata)?.openai)?.logprobs);
  if (logprobs.length === 0) return undefined;
  const mean = logprobs.reduce((total, logprob) => total + logprob, 0) / logprobs.length;
  return clamp(Math.exp(mean));
}

/** Id of the knowledge base entry an answer cited (`handrail.citation`), if any. */
export function citationFromProviderMetadata(metadata: unknown): string | undefined {
  const citation = asRecord(asRecord(metadata)?.handrail)?.citation;
  return typeof citation === 'string' && citation !== '' ? citation : undefined;
}

/**
 * Token log probabilities in either shape `@ai-sdk/openai` reports: the chat model's
 * `[{ token, logprob, top_logprobs }]` or the completion model's `{ tokens, token_logprobs }`.
 */
function tokenLogprobs(value: unknown): number[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const logprob = asRecord(item)?.logprob;
      return typeof logprob === 'number' && Number.isFinite(logprob) ? [logprob] : [];
    });
  }
  const tokenLogprobList = asRecord(value)?.token_logprobs;
  if (Array.isArray(tokenLogprobList)) {
    return tokenLogprobList.filter(
      (logprob): logprob is number => typeof logprob === 'number' && Number.isFinite(logprob),
    );
  }
  return [];
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
