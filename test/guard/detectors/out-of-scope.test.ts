import { describe, expect, it } from 'vitest';
import { createOutOfScopeDetector } from '../../../src/guard/detectors/out-of-scope.js';

const utterances = [
  'what is my account balance',
  'how much money do I have in checking',
  'show my balance please',
  'transfer money to my savings account',
  'move 100 dollars from checking to savings',
  'send money between my accounts',
  'when is my credit card bill due',
  'what is the due date of my card payment',
  'how do I change my pin',
  'I want a new pin for my debit card',
  'what is the interest rate on my savings',
  'what apr does my credit card have',
  'order new checks',
  'I need more checks for my checking account',
  'what is my credit limit',
  'can you raise my credit limit',
];
const detector = createOutOfScopeDetector({ utterances });
const fires = (text: string) => detector([{ role: 'user', content: text }], { phase: 'input' }).length > 0;

describe('createOutOfScopeDetector', () => {
  it('derives a threshold from the scope', () => {
    expect(detector.threshold).toBeGreaterThan(0);
    expect(detector.threshold).toBeLessThan(1);
  });

  it('fires far from the scope and not inside it', () => {
    expect(fires('what is the best dog food for puppies')).toBe(true);
    expect(fires('how do I unclog a drain')).toBe(true);
    expect(fires('how much money is in my checking account')).toBe(false);
    expect(fires('please change the pin of my card')).toBe(false);
  });

  it('never fires on smalltalk', () => {
    for (const text of ['hi', 'thanks!', 'ok', 'good morning', 'bye', 'merci', 'gracias'])
      expect(fires(text)).toBe(false);
  });

  it('scores in 0.5..1 when it fires', () => {
    const [signal] = detector([{ role: 'user', content: 'who won the football world cup' }], { phase: 'input' });
    expect(signal?.score).toBeGreaterThanOrEqual(0.5);
    expect(signal?.score).toBeLessThanOrEqual(1);
  });
});

describe('createOutOfScopeDetector with follow-ups', () => {
  const shop = createOutOfScopeDetector({
    utterances: [
      'do you ship to canada',
      'which countries do you ship to',
      'how long does shipping take',
      'how much does delivery cost',
      'can I return a jacket',
      'how do I return an item',
      'what are your opening hours',
      'are you open on sundays',
      'which payment methods do you accept',
      'can I pay with paypal',
      'where is my order',
      'how do I track my parcel',
    ],
  });
  const user = (content: string) => ({ role: 'user' as const, content });
  const bot = (content: string) => ({ role: 'assistant' as const, content });
  const firesIn = (...transcript: Array<{ role: 'user' | 'assistant'; content: string }>) =>
    shop(transcript, { phase: 'input' }).length > 0;

  it('judges a chain of short follow-ups with the question the chain started from', () => {
    const answer = bot('Yes, we do.');
    // Alone, and read only with the follow-up before it, "and Belize?" says nothing about the shop.
    expect(firesIn(user('and Belize?'))).toBe(true);
    expect(firesIn(user('and Peru?'), answer, user('and Belize?'))).toBe(true);
    expect(firesIn(user('Do you ship to Peru?'), answer, user('and Chile?'), answer, user('and Belize?'))).toBe(false);
  });

  it('reads a follow-up with earlier turns only when the bot answered in between', () => {
    expect(firesIn(user('Do you ship to Peru?'), user('and Belize?'))).toBe(true);
  });
});
