import type { Guard, GuardState, TranscriptTurn } from '../src/guard/index.js';
import { newAnswer, newQuestions } from './new-texts.js';
import { percentile } from './stats.js';

/** Result of {@link measureLongMessage}. */
export interface LongMessageResult {
  characters: number;
  conversations: number;
  /** Conversations run first whose later turns are not timed (V8 compiling on first runs). */
  warmupConversations?: number;
  /** The guard on the long message itself, the first time it sees it (ms). */
  longMessageP50Ms: number;
  longMessageMaxMs: number;
  /** The turns after it (ms): what one long message costs the rest of its conversation. */
  laterTurns: number;
  laterTurnP50Ms: number;
  laterTurnP99Ms: number;
}

/**
 * A benign message of the longest size a request may carry (distinct words, CJK, emoji; different
 * in every conversation), then `laterTurns` ordinary new questions: the guard's time on the long
 * message and on each later turn, the guard's state of the conversation kept from turn to turn
 * (`checkIncremental`): what one long message costs the rest of its conversation.
 */
export function measureLongMessage(
  guard: Guard,
  groups: readonly (readonly string[])[],
  {
    conversations = 20,
    laterTurns = 10,
    characters = 8000,
    warmup = 5,
  }: { conversations?: number; laterTurns?: number; characters?: number; warmup?: number } = {},
): LongMessageResult {
  const questions = newQuestions(groups, 41);
  const first: number[] = [];
  const later: number[] = [];
  let answers = 0;
  // The first `warmup` conversations are not timed after their long message: V8 compiles the guard's
  // code and patterns on their first runs (tens of ms, once per process), which is not what a long
  // message costs. The long messages themselves are all timed, the first (cold) one included.
  for (let conversation = -warmup; conversation < conversations; conversation++) {
    const transcript: TranscriptTurn[] = [{ role: 'user', content: longMessage(conversation + warmup, characters) }];
    let started = performance.now();
    let state: GuardState = guard.checkIncremental(transcript, 'input').state;
    first.push(performance.now() - started);
    for (let turn = 0; turn < laterTurns; turn++) {
      transcript.push({ role: 'assistant', content: newAnswer(++answers), confidence: 0.95 });
      transcript.push({ role: 'user', content: questions.next() });
      started = performance.now();
      state = guard.checkIncremental(transcript, 'input', state).state;
      if (conversation >= 0) later.push(performance.now() - started);
    }
  }
  return {
    characters,
    conversations,
    warmupConversations: warmup,
    longMessageP50Ms: percentile(first, 0.5),
    longMessageMaxMs: Math.max(...first),
    laterTurns: later.length,
    laterTurnP50Ms: percentile(later, 0.5),
    laterTurnP99Ms: percentile(later, 0.99),
  };
}

/** An ordinary (not adversarial) long message, new for each `variant`: words, CJK and emoji. */
export function longMessage(variant: number, characters: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < characters; index++) {
    const part =
      index % 17 === 5
        ? '我想查询一下账户余额。'
        : index % 23 === 7
          ? '🙏👍'
          : `word${(variant * 7919 + index).toString(36)} order ${index} arrived`;
    parts.push(part);
    length += part.length + 1;
  }
  return parts.join(' ').slice(0, characters);
}
