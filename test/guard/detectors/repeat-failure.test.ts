import { describe, expect, it } from 'vitest';
import { detectRepeatFailure } from '../../../src/guard/detectors/repeat-failure.js';
import type { Transcript } from '../../../src/guard/types.js';

describe('detectRepeatFailure', () => {
  it('fires when the user asks the same thing again after an answer', () => {
    const transcript: Transcript = [
      { role: 'user', content: 'How do I reset my online banking password?' },
      { role: 'assistant', content: 'You can find our branches on the map.' },
      { role: 'user', content: 'I asked how to reset the password for online banking' },
    ];
    const [signal] = detectRepeatFailure(transcript, { phase: 'input' });
    expect(signal?.reason).toBe('repeat_failure');
    expect(signal?.evidence.map((item) => item.turn)).toEqual([2, 0]);
  });

  it('does not fire on a different follow-up question', () => {
    const transcript: Transcript = [
      { role: 'user', content: 'How do I reset my online banking password?' },
      { role: 'assistant', content: 'Use the "forgot password" link.' },
      { role: 'user', content: 'and where can I see my card limit?' },
    ];
    expect(detectRepeatFailure(transcript, { phase: 'input' })).toEqual([]);
  });

  it.each([
    "that doesn't help",
    "you're not understanding me",
    'I already told you that',
    'this is not what I asked',
    'eso no me ayuda',
    'isso não ajuda',
    'ça ne m’aide pas',
    'das hilft mir nicht',
  ])('fires when the user says the answer did not help: %j', (text) => {
    const transcript: Transcript = [
      { role: 'user', content: 'where is my parcel' },
      { role: 'assistant', content: 'Parcels arrive in 3 days.' },
      { role: 'user', content: text },
    ];
    expect(detectRepeatFailure(transcript, { phase: 'input' }).length).toBeGreaterThan(0);
  });

  it('fires when the bot fell back twice, not once', () => {
    const once: Transcript = [
      { role: 'user', content: 'what are your opening hours' },
      { role: 'assistant', content: "Sorry, I don't know.", fallback: true },
      { role: 'user', content: 'do you deliver to Canada' },
    ];
    expect(detectRepeatFailure(once, { phase: 'input' })).toEqual([]);
    const twice: Transcript = [
      ...once,
      { role: 'assistant', content: "I'm not sure about that, I can't find it in my knowledge." },
    ];
    const [signal] = detectRepeatFailure(twice, { phase: 'output' });
    expect(signal?.detail).toMatch(/fell back 2 times/);
    expect(signal?.evidence.map((item) => item.turn)).toEqual([1, 3]);
  });
});
