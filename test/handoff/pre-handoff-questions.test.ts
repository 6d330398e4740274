import { describe, expect, it } from 'vitest';
import { nextPreHandoffQuestion, type PreHandoffField } from '../../src/handoff/pre-handoff-questions.js';

const required: PreHandoffField[] = [
  { field: 'orderNumber', question: 'What is your order number?', entity: 'orderNumbers' },
  { field: 'email', question: 'What is your email?' },
  { field: 'name', question: 'What is your name?' },
];

describe('nextPreHandoffQuestion', () => {
  it('asks for the first missing field', () => {
    const transcript = [{ role: 'user' as const, content: 'I want a refund' }];
    expect(nextPreHandoffQuestion({ required, transcript, asked: [], urgency: 'normal' })).toEqual({
      field: 'orderNumber',
      question: 'What is your order number?',
    });
  });

  it('skips a field the transcript already contains', () => {
    const transcript = [{ role: 'user' as const, content: 'Refund order #55512 please' }];
    expect(nextPreHandoffQuestion({ required, transcript, asked: [], urgency: 'normal' })?.field).toBe('email');
    const withEmail = [...transcript, { role: 'user' as const, content: 'it is ana@example.com' }];
    expect(nextPreHandoffQuestion({ required, transcript: withEmail, asked: [], urgency: 'normal' })?.field).toBe(
      'name',
    );
  });

  it('reads only the customer turns', () => {
    const transcript = [
      { role: 'assistant' as const, content: 'Your order #99999 shipped.' },
      { role: 'user' as const, content: 'no it did not' },
    ];
    expect(nextPreHandoffQuestion({ required, transcript, asked: [], urgency: 'normal' })?.field).toBe('orderNumber');
  });

  it('never asks the same field twice, even unanswered, and asks at most two questions', () => {
    const transcript = [{ role: 'user' as const, content: 'I do not know it' }];
    expect(nextPreHandoffQuestion({ required, transcript, asked: ['orderNumber'], urgency: 'normal' })?.field).toBe(
      'email',
    );
    expect(
      nextPreHandoffQuestion({ required, transcript, asked: ['orderNumber', 'email'], urgency: 'normal' }),
    ).toBeNull();
    expect(
      nextPreHandoffQuestion({ required, transcript, asked: ['orderNumber'], urgency: 'normal', maxQuestions: 1 }),
    ).toBeNull();
  });

  it('asks nothing when urgency is critical', () => {
    expect(nextPreHandoffQuestion({ required, transcript: [], asked: [], urgency: 'critical' })).toBeNull();
  });

  it('uses a custom pattern, even one with the global flag, more than once', () => {
    const fields: PreHandoffField[] = [{ field: 'plate', question: 'Plate?', pattern: /\b[A-Z]{2}-\d{2}-[A-Z]{2}\b/g }];
    const transcript = [{ role: 'user' as const, content: 'my car AB-12-CD broke' }];
    for (let run = 0; run < 3; run += 1) {
      expect(nextPreHandoffQuestion({ required: fields, transcript, asked: [], urgency: 'high' })).toBeNull();
    }
  });

  it('recognises a name the customer gave', () => {
    const transcript = [{ role: 'user' as const, content: "Hi, I'm Ana, order 12345, ana@example.com" }];
    expect(nextPreHandoffQuestion({ required, transcript, asked: [], urgency: 'low' })).toBeNull();
  });
});
