import type { BriefInput } from '../../src/brief/index.js';

/** A billing conversation the brief tests share. */
export function billingInput(overrides: Partial<BriefInput> = {}): BriefInput {
  return {
    conversationId: 'conv-1',
    createdAt: new Date('2025-03-07T23:00:00Z'),
    transcript: [
      { role: 'user', content: 'Hi, I was charged $49.99 twice for order #12345 yesterday.' },
      { role: 'assistant', content: 'I can see order 12345. Refunds for duplicate charges take 5 to 7 days.' },
      { role: 'user', content: 'When will the second charge be removed? My email is ana@example.com.' },
      { role: 'assistant', content: "I'm not sure, I don't know when the bank releases it." },
      { role: 'user', content: 'This is ridiculous. I want to talk to a person.' },
    ],
    reasons: [
      {
        reason: 'explicit_request',
        source: 'guard',
        detail: 'asked for a person',
        score: 0.97,
        evidence: [{ turn: 4, text: 'talk to a person' }],
      },
      { reason: 'negative_sentiment', source: 'guard', detail: 'frustration', score: 0.7 },
    ],
    urgency: 'high',
    ...overrides,
  };
}
