import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { createModelClassifier } from '../../../src/guard/detectors/model-classifier.js';
import type { Transcript } from '../../../src/guard/types.js';

const transcript: Transcript = [{ role: 'user', content: 'my landlord is evicting me, what are my rights?' }];

function modelAnswering(json: unknown) {
  return new MockLanguageModelV4({
    doGenerate: async () => ({
      content: [{ type: 'text', text: JSON.stringify(json) }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: {
        inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: 10, text: 10, reasoning: undefined },
      },
      warnings: [],
    }),
  });
}

describe('createModelClassifier', () => {
  it('turns a structured answer into signals and renders the prompt', async () => {
    const model = modelAnswering({
      escalate: true,
      reason: 'compliance',
      confidence: 0.8,
      crisis: false,
      evidence: 'what are my rights',
    });
    const classify = createModelClassifier({ model, scope: 'banking questions' });
    const signals = await classify(transcript);
    expect(signals).toEqual([
      expect.objectContaining({ reason: 'compliance', score: 0.8, detector: 'model-classifier' }),
    ]);
    const prompt = JSON.stringify(model.doGenerateCalls[0]?.prompt);
    expect(prompt).toContain('banking questions');
    expect(prompt).toContain('evicting me');
  });

  it('reports a crisis as a critical self-harm signal', async () => {
    const classify = createModelClassifier({
      model: modelAnswering({ escalate: true, reason: 'high_stakes', confidence: 0.9, crisis: true, evidence: 'x' }),
    });
    const signals = await classify(transcript);
    expect(signals[0]).toMatchObject({ topic: 'self_harm', urgency: 'critical' });
    expect(signals[0]?.userMessage).toMatch(/emergency/);
  });

  it('returns [] when the model says no, fails, answers garbage or is aborted', async () => {
    const no = createModelClassifier({
      model: modelAnswering({ escalate: false, reason: 'none', confidence: 0.9, crisis: false, evidence: '' }),
    });
    expect(await no(transcript)).toEqual([]);
    const failing = createModelClassifier({
      model: new MockLanguageModelV4({
        doGenerate: async () => {
          throw new Error('provider down');
        },
      }),
    });
    expect(await failing(transcript)).toEqual([]);
    expect(await createModelClassifier({ model: modelAnswering({ nonsense: true }) })(transcript)).toEqual([]);
    const controller = new AbortController();
    controller.abort();
    const aborted = createModelClassifier({ model: modelAnswering({ escalate: true }) });
    expect(await aborted(transcript, controller.signal)).toEqual([]);
  });
});
