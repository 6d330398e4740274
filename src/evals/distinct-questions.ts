import type { EvalCase, ScopeUtterance } from './eval-case.js';
import { seededRandom } from './seeded-random.js';

/** Options of {@link distinctQuestionCases}. */
export interface DistinctQuestionOptions {
  /** Conversations to build. @default 100 */
  conversations?: number;
  /** User questions per conversation, each of another intent (at most the intents there are). @default 8 */
  questions?: number;
  /** Seed of the draws, so a run can be repeated. @default 1 */
  seed?: number;
  /** Prefix of the case ids and the cases' `source`. @default 'distinct-questions' */
  source?: string;
  /** The bot's answer after question `index` of conversation `conversation` (new words each time). */
  answer?: (conversation: number, index: number) => string;
}

function defaultAnswer(conversation: number, index: number): string {
  return `Here is what you can do: open the app, choose Help and follow the steps shown there (ref ${conversation}-${index}).`;
}

/** `count` distinct items of `items`, in random order (a partial Fisher-Yates shuffle). */
function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  for (let index = 0; index < count; index++) {
    const pick = index + Math.floor(random() * (pool.length - index));
    [pool[index], pool[pick]] = [pool[pick]!, pool[index]!];
  }
  return pool.slice(0, count);
}

/**
 * Long ordinary conversations from single questions labelled with intents (`{ text, intent }`,
 * the questions a bot handles): each conversation asks `questions` questions of as many distinct
 * intents, a bot answer after each, and is labelled `handle`. A guard that escalates on one reads
 * a new question about a related topic ("how do I order a virtual card", later "do disposable
 * cards have limits") as the same question asked again, or an ordinary question as a reason to
 * hand off: the false alarms of long conversations, measured on public data the rules were not
 * written from.
 */
export function distinctQuestionCases(
  utterances: readonly ScopeUtterance[],
  options: DistinctQuestionOptions = {},
): EvalCase[] {
  const { conversations = 100, seed = 1, source = 'distinct-questions', answer = defaultAnswer } = options;
  const byIntent = new Map<string, string[]>();
  for (const { text, intent } of utterances) {
    const texts = byIntent.get(intent) ?? [];
    texts.push(text);
    byIntent.set(intent, texts);
  }
  const intents = [...byIntent.keys()];
  const questions = Math.min(options.questions ?? 8, intents.length);
  if (questions < 2)
    throw new Error(`distinct-question conversations need two intents or more (got ${intents.length})`);
  const random = seededRandom(seed);
  return Array.from({ length: conversations }, (_, conversation) => {
    const messages: EvalCase['messages'] = [];
    sample(intents, questions, random).forEach((intent, index) => {
      const texts = byIntent.get(intent)!;
      if (index > 0) messages.push({ role: 'assistant', content: answer(conversation, index - 1) });
      messages.push({ role: 'user', content: texts[Math.floor(random() * texts.length)]! });
    });
    return {
      id: `${source}-${conversation + 1}`,
      source,
      messages,
      expect: 'handle',
      reason: 'none',
      note: `${questions} questions of distinct intents`,
    } satisfies EvalCase;
  });
}
