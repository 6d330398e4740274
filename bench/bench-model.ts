import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';

/** The fixed answer every benchmark model streams: an ordinary, confident, in-scope banking answer. */
export const benchAnswer =
  'You can see your balance in the app under Accounts, and transfers between your own accounts arrive ' +
  'within a minute. Card payments show as pending for up to three days before they are booked.';

/** Confidence the benchmark model reports: well above the output guard's default threshold of 0.5. */
export const benchConfidence = 0.95;

const usage: LanguageModelV4Usage = {
  inputTokens: { total: 40, noCache: 40, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 40, text: 40, reasoning: 0 },
};

/** Options of {@link createBenchModel}. */
export interface BenchModelOptions {
  /** Text streamed word by word. @default benchAnswer */
  answer?: string;
  /** Confidence reported in `providerMetadata.handrail.confidence`. @default benchConfidence */
  confidence?: number;
  /** Delay before each stream part, in milliseconds; 0 streams without timers. @default 0 */
  chunkDelayMs?: number;
  /**
   * End each answer with a new reference number, so no two answers are the same (a conversation
   * of repeated answers is one the guard hands off). @default false
   */
  numberAnswers?: boolean;
}

/**
 * The deterministic model both sides of a comparison use: the AI SDK's `MockLanguageModelV4`
 * streaming a fixed answer word by word, with a reported confidence. It forgets its recorded
 * calls so a long load test does not grow the heap.
 */
export function createBenchModel({
  answer = benchAnswer,
  confidence = benchConfidence,
  chunkDelayMs = 0,
  numberAnswers = false,
}: BenchModelOptions = {}): MockLanguageModelV4 {
  let calls = 0;
  const partsOf = (text: string): LanguageModelV4StreamPart[] => [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't1' },
    ...text.split(/(?<= )/).map((delta) => ({ type: 'text-delta' as const, id: 't1', delta })),
    { type: 'text-end', id: 't1' },
    {
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage,
      providerMetadata: { handrail: { confidence } },
    },
  ];
  const fixed = partsOf(answer);
  const model: MockLanguageModelV4 = new MockLanguageModelV4({
    doStream: async () => {
      model.doStreamCalls.length = 0;
      const parts = numberAnswers ? partsOf(`${answer} Reference ${++calls}.`) : fixed;
      return {
        stream:
          chunkDelayMs > 0
            ? simulateReadableStream({ chunks: parts, initialDelayInMs: chunkDelayMs, chunkDelayInMs: chunkDelayMs })
            : convertArrayToReadableStream(parts),
      };
    },
  });
  return model;
}
