import type { LanguageModelV4GenerateResult } from '@ai-sdk/provider';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { buildExtractiveBrief, createBriefWriter, handoffBriefSchema } from '../../src/brief/index.js';
import { billingInput } from './fixtures.js';

function textResult(text: string): LanguageModelV4GenerateResult {
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: {
      inputTokens: { total: 100, noCache: 100, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: 50, text: 50, reasoning: 0 },
    },
    warnings: [],
  };
}

const modelOutput = {
  summary:
    'The customer was charged $49.99 twice for order 12345. The bot said duplicate charges are refunded in 5 to 7 days but could not say when the second charge disappears. The customer is frustrated and asked for a person.',
  intent: 'billing_dispute',
  openQuestions: ['When will the second charge be removed?'],
  botAttempts: ['Explained refunds for duplicate charges take 5 to 7 days.'],
  entities: { products: ['Premium Plan'] },
};

describe('createBriefWriter', () => {
  it('merges the model fields over the extractive brief', async () => {
    const model = new MockLanguageModelV4({ doGenerate: textResult(JSON.stringify(modelOutput)) });
    const writer = createBriefWriter({ model });
    const result = await writer.write(billingInput());

    expect(result.source).toBe('model');
    expect(result.error).toBeUndefined();
    expect(result.prompt?.name).toBe('brief');
    expect(handoffBriefSchema.safeParse(result.brief).success).toBe(true);
    expect(result.brief.source).toBe('model');
    expect(result.brief.summary).toBe(modelOutput.summary);
    expect(result.brief.intent).toBe('billing_dispute');
    expect(result.brief.openQuestions).toEqual(['When will the second charge be removed?']);
    // Fields the model does not write come from the extractive brief.
    expect(result.brief.reasons.map((reason) => reason.reason)).toEqual(['explicit_request', 'negative_sentiment']);
    expect(result.brief.transcriptTurns).toBe(5);
    expect(result.brief.entities.orderNumbers).toEqual(['12345']);
    expect(result.brief.entities.products).toEqual(['Premium Plan']);
  });

  it('sends the transcript and reasons in the prompt, asking for JSON', async () => {
    const model = new MockLanguageModelV4({ doGenerate: textResult(JSON.stringify(modelOutput)) });
    await createBriefWriter({ model }).write(billingInput());
    const call = model.doGenerateCalls[0];
    expect(call?.responseFormat?.type).toBe('json');
    const promptText = JSON.stringify(call?.prompt);
    expect(promptText).toContain('[4] customer: This is ridiculous. I want to talk to a person.');
    expect(promptText).toContain('explicit_request (guard): asked for a person');
  });

  it('uses the extractive brief when the model throws', async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new Error('rate limited');
      },
    });
    const result = await createBriefWriter({ model }).write(billingInput());
    expect(result.source).toBe('extractive');
    expect(result.error).toMatch(/rate limited/);
    expect(result.brief).toEqual(buildExtractiveBrief(billingInput()));
  });

  it('stops waiting for a model that hangs past the timeout and aborts it', async () => {
    let aborted = false;
    const model = new MockLanguageModelV4({
      doGenerate: ({ abortSignal }) =>
        new Promise<never>(() => {
          abortSignal?.addEventListener('abort', () => {
            aborted = true;
          });
        }),
    });
    const result = await createBriefWriter({ model, timeoutMs: 20 }).write(billingInput());
    expect(result.source).toBe('extractive');
    expect(result.error).toMatch(/within 20 ms/);
    expect(aborted).toBe(true);
    expect(handoffBriefSchema.safeParse(result.brief).success).toBe(true);
  });

  it('uses the extractive brief when the model returns text that is not JSON', async () => {
    const model = new MockLanguageModelV4({ doGenerate: textResult('Sure! Here is the brief: {summary: oops') });
    const result = await createBriefWriter({ model }).write(billingInput());
    expect(result.source).toBe('extractive');
    expect(result.error).toMatch(/^model output invalid/);
    expect(result.brief.source).toBe('extractive');
  });

  it('uses the extractive brief when the JSON breaks the schema', async () => {
    const model = new MockLanguageModelV4({
      doGenerate: textResult(JSON.stringify({ summary: 'Fine.', intent: 42, openQuestions: 'none' })),
    });
    const result = await createBriefWriter({ model }).write(billingInput());
    expect(result.source).toBe('extractive');
    expect(result.error).toMatch(/^model output invalid/);
    expect(result.brief).toEqual(buildExtractiveBrief(billingInput()));
  });

  it('rejects a summary longer than five sentences', async () => {
    const summary = 'One. Two. Three. Four. Five. Six.';
    const model = new MockLanguageModelV4({ doGenerate: textResult(JSON.stringify({ ...modelOutput, summary })) });
    const result = await createBriefWriter({ model }).write(billingInput());
    expect(result.source).toBe('extractive');
    expect(result.error).toMatch(/model output invalid.*at most 5 sentences/s);
  });

  it('writes an extractive brief without a model, with no error', async () => {
    const result = await createBriefWriter().write(billingInput());
    expect(result).toEqual({ brief: buildExtractiveBrief(billingInput()), source: 'extractive' });
  });

  it('rejects a timeout that is not a positive number at construction', () => {
    expect(() => createBriefWriter({ timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});
