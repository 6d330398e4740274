import { describe, expect, it } from 'vitest';
import { citationFromProviderMetadata, confidenceFromProviderMetadata } from '../../src/model/confidence.js';

describe('confidenceFromProviderMetadata', () => {
  it('reads handrail.confidence, clamped to 0..1', () => {
    expect(confidenceFromProviderMetadata({ handrail: { confidence: 0.42 } })).toBe(0.42);
    expect(confidenceFromProviderMetadata({ handrail: { confidence: 3 } })).toBe(1);
  });

  it('turns OpenAI chat logprobs into exp(mean token logprob)', () => {
    const metadata = {
      openai: {
        logprobs: [
          { token: 'Yes', logprob: Math.log(0.9), top_logprobs: [] },
          { token: '.', logprob: Math.log(0.4), top_logprobs: [] },
        ],
      },
    };
    expect(confidenceFromProviderMetadata(metadata)).toBeCloseTo(Math.sqrt(0.9 * 0.4), 10);
  });

  it('reads the completion model logprobs shape too', () => {
    expect(
      confidenceFromProviderMetadata({ openai: { logprobs: { tokens: ['a'], token_logprobs: [Math.log(0.5)] } } }),
    ).toBeCloseTo(0.5, 10);
  });

  it('returns undefined when nothing was reported or the data is malformed', () => {
    expect(confidenceFromProviderMetadata(undefined)).toBeUndefined();
    expect(confidenceFromProviderMetadata({ openai: {} })).toBeUndefined();
    expect(confidenceFromProviderMetadata({ openai: { logprobs: [] } })).toBeUndefined();
    expect(confidenceFromProviderMetadata({ handrail: { confidence: 'high' } })).toBeUndefined();
    expect(confidenceFromProviderMetadata('nonsense')).toBeUndefined();
  });
});

describe('citationFromProviderMetadata', () => {
  it('reads handrail.citation', () => {
    expect(citationFromProviderMetadata({ handrail: { confidence: 0.9, citation: 'shipping-costs' } })).toBe(
      'shipping-costs',
    );
    expect(citationFromProviderMetadata({ handrail: { confidence: 0.1 } })).toBeUndefined();
    expect(citationFromProviderMetadata(undefined)).toBeUndefined();
  });
});
