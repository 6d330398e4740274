import type { LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';

const usage: LanguageModelV4Usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

/** A mock model (the AI SDK's own) that streams `text` and reports `confidence`. */
export function textModel(text: string, { confidence = 0.9 }: { confidence?: number } = {}) {
  return new MockLanguageModelV4({
    doStream: async () => ({
      stream: convertArrayToReadableStream<LanguageModelV4StreamPart>([
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
      ]),
    }),
  });
}

/** A mock model that calls `escalate_to_human` (or another tool) with `input`. */
export function toolCallModel(input: unknown, toolName = 'escalate_to_human') {
  return new MockLanguageModelV4({
    doStream: async () => ({
      stream: convertArrayToReadableStream<LanguageModelV4StreamPart>([
        { type: 'stream-start', warnings: [] },
        {
          type: 'tool-call',
          toolCallId: 'call-1',
          toolName,
          input: typeof input === 'string' ? input : JSON.stringify(input),
        },
        { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage },
      ]),
    }),
  });
}

/** A mock model whose call fails. */
export function throwingModel(message = 'provider unavailable') {
  return new MockLanguageModelV4({
    doStream: async () => {
      throw new Error(message);
    },
  });
}

/** A mock model that never answers until aborted. */
export function hangingModel() {
  return new MockLanguageModelV4({
    doStream: ({ abortSignal }) =>
      new Promise((_, reject) => {
        abortSignal?.addEventListener('abort', () => reject(abortSignal.reason ?? new Error('aborted')));
      }),
  });
}
