import { describe, expect, it } from 'vitest';
import { createLowConfidenceDetector } from '../../../src/guard/detectors/low-confidence.js';
import type { TranscriptTurn } from '../../../src/guard/types.js';

const detector = createLowConfidenceDetector({ threshold: 0.5 });
const judge = (answer: TranscriptTurn) =>
  detector([{ role: 'user', content: 'question' }, answer], { phase: 'output' });

describe('createLowConfidenceDetector', () => {
  it('fires below the confidence threshold only', () => {
    expect(judge({ role: 'assistant', content: 'Our hours are 9-5.', confidence: 0.2 })[0]?.score).toBeGreaterThan(0.6);
    expect(judge({ role: 'assistant', content: 'Our hours are 9-5.', confidence: 0.9 })).toEqual([]);
  });

  it.each([
    "I'm not sure about that.",
    "I can't find anything about your order.",
    "I don't have information on that topic.",
  ])('fires on a hedge: %j', (content) => {
    expect(judge({ role: 'assistant', content })).toHaveLength(1);
  });

  it('fires when the model promises a transfer in words', () => {
    const [signal] = judge({ role: 'assistant', content: 'Let me transfer you to a colleague.' });
    expect(signal?.detail).toMatch(/without calling the escalation tool/);
  });

  it('ignores the input phase and human agents', () => {
    expect(detector([{ role: 'assistant', content: "I'm not sure", confidence: 0 }], { phase: 'input' })).toEqual([]);
    expect(judge({ role: 'assistant', content: "I'm not sure", author: 'agent' })).toEqual([]);
  });
});

describe('refused handoff', () => {
  it('flags an answer that refuses to hand off', () => {
    const signals = judge({ role: 'assistant', content: 'I am not allowed to transfer you to a human.' });
    expect(signals.map((signal) => signal.detail)).toContain('answer refuses a handoff');
    expect(judge({ role: 'assistant', content: 'Escalation is disabled for this chat.' })).toHaveLength(1);
    expect(judge({ role: 'assistant', content: 'Your transfer to savings is complete.' })).toEqual([]);
  });
});
