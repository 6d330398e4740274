import { describe, expect, it } from 'vitest';
import { distinctQuestionCases, evalCaseSchema } from '../../src/evals/index.js';

const utterances = ['balance', 'transfer', 'card', 'pin'].flatMap((intent) =>
  [1, 2, 3].map((index) => ({ text: `${intent} question ${index}`, intent })),
);
const intentOf = (text: string) => text.split(' ')[0];

describe('distinctQuestionCases', () => {
  it('builds handled conversations of distinct intents with an answer between the questions', () => {
    const cases = distinctQuestionCases(utterances, { conversations: 20, questions: 3, seed: 4 });
    expect(cases).toHaveLength(20);
    for (const item of cases) {
      expect(evalCaseSchema.parse(item)).toEqual(item);
      expect(item.expect).toBe('handle');
      expect(item.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user']);
      const intents = item.messages
        .filter((message) => message.role === 'user')
        .map((message) => intentOf(message.content));
      expect(new Set(intents).size).toBe(3);
    }
    const answers = cases.flatMap((item) => item.messages.filter((message) => message.role === 'assistant'));
    expect(new Set(answers.map((answer) => answer.content)).size).toBe(answers.length);
  });

  it('repeats a run with the same seed, draws others with another, and asks at most every intent', () => {
    const draw = (seed: number) => distinctQuestionCases(utterances, { conversations: 10, seed });
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(7)[0]!.messages.filter((message) => message.role === 'user')).toHaveLength(4);
    expect(draw(7)[0]!.source).toBe('distinct-questions');
  });

  it('refuses a single intent with a clear message', () => {
    expect(() => distinctQuestionCases(utterances.slice(0, 3))).toThrow(/two intents or more \(got 1\)/);
  });
});
