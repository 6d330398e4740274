/**
 * The load generator of the realistic overhead benchmark, run as a child process (`fork` with
 * tsx) so the server's process measures only its own CPU time. For each `{ run }` message it runs
 * `users` virtual users for `durationSeconds`: each holds conversations of `turns` turns as
 * `useChat` would (the whole history in every request, the conversation token of the first answer
 * sent back on every later turn), every question new, and one conversation in `handoffEvery` asks
 * for a person half-way and ends there. It answers `{ result }` (or `{ error }`); it exits when
 * the parent disconnects.
 */

import { seededRandom } from '../src/evals/seeded-random.js';
import { newQuestions } from './new-texts.js';
import { readSse } from './read-sse.js';

/** One run's instructions. */
export interface ConversationRun {
  url: string;
  users: number;
  turns: number;
  durationSeconds: number;
  handoffEvery: number;
  /** Utterances the questions are made from, one group per intent (see `ordinaryUtterances`). */
  groups: string[][];
  /** Conversation ids start with this, so runs never reuse one. */
  prefix: string;
  seed: number;
}

/** What one run measured. */
export interface ConversationRunResult {
  turns: number;
  turnsPerSecond: number;
  conversations: number;
  handoffs: number;
  /** Handoffs by their first reason (`explicit_request` is the one the users ask for). */
  handoffReasons: Record<string, number>;
  latenciesMs: number[];
  failures: number;
  firstFailure?: string;
}

type UiMessage = { id: string; role: 'user' | 'assistant'; parts: { type: 'text'; text: string }[] };

const handoffRequest = 'I want to talk to a real person';

async function conversation(
  run: ConversationRun,
  id: string,
  handoff: boolean,
  next: (turn: number) => string,
  result: ConversationRunResult,
  deadline: number,
) {
  const messages: UiMessage[] = [];
  let token: string | null = null;
  for (let turn = 0; turn < run.turns && performance.now() < deadline; turn++) {
    const asksForPerson = handoff && turn === Math.floor(run.turns / 2);
    messages.push({
      id: `${id}-u${turn}`,
      role: 'user',
      parts: [{ type: 'text', text: asksForPerson ? handoffRequest : next(turn) }],
    });
    const started = performance.now();
    const response: Response = await fetch(`${run.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-handrail-conversation-token': token } : {}) },
      body: JSON.stringify({ id, messages }),
    });
    token ??= response.headers.get('x-handrail-conversation-token');
    if (response.status !== 200) {
      result.failures++;
      result.firstFailure ??= `${response.status}: ${(await response.text()).slice(0, 200)}`;
      return;
    }
    const events = (await readSse(response)) as { type?: string; delta?: string }[];
    result.latenciesMs.push(performance.now() - started);
    result.turns++;
    const text = events
      .filter((event) => event.type === 'text-delta')
      .map((event) => event.delta ?? '')
      .join('');
    messages.push({ id: `${id}-a${turn}`, role: 'assistant', parts: [{ type: 'text', text }] });
    const handoffEvent = events.find((event) => event.type === 'data-handoff') as
      | { data?: { reasons?: { reason?: string }[] } }
      | undefined;
    if (handoffEvent) {
      result.handoffs++;
      const reason = handoffEvent.data?.reasons?.[0]?.reason ?? 'unknown';
      result.handoffReasons[reason] = (result.handoffReasons[reason] ?? 0) + 1;
      return;
    }
  }
}

/** Runs the virtual users until the run's time is up. */
export async function runConversations(run: ConversationRun): Promise<ConversationRunResult> {
  const result: ConversationRunResult = {
    turns: 0,
    turnsPerSecond: 0,
    conversations: 0,
    handoffs: 0,
    handoffReasons: {},
    latenciesMs: [],
    failures: 0,
  };
  const questions = newQuestions(run.groups, run.seed);
  const random = seededRandom(run.seed);
  // Each conversation asks about a different intent each turn, as a customer with several
  // questions does (the same intent twice is a repeated question, which the guard hands off).
  const intentOrder = () => {
    const order = run.groups.map((_, index) => index);
    for (let index = order.length - 1; index > 0; index--) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other]!, order[index]!];
    }
    return (turn: number) => questions.next(order[turn % order.length]);
  };
  const started = performance.now();
  const deadline = started + run.durationSeconds * 1000;
  let counter = 0;
  await Promise.all(
    Array.from({ length: run.users }, async () => {
      while (performance.now() < deadline) {
        const number = counter++;
        result.conversations++;
        await conversation(
          run,
          `${run.prefix}-${number}`,
          number % run.handoffEvery === 0,
          intentOrder(),
          result,
          deadline,
        );
      }
    }),
  );
  result.turnsPerSecond = result.turns / ((performance.now() - started) / 1000);
  return result;
}

process.on('message', async (message: { run: ConversationRun }) => {
  try {
    process.send?.({ result: await runConversations(message.run) });
  } catch (error) {
    process.send?.({ error: error instanceof Error ? error.message : String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
