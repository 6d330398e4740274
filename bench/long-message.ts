import type { Guard } from '../src/guard/index.js';
import type { TranscriptTurn } from '../src/guard/types.js';
import { newAnswer, newQuestions } from './new-texts.js';
import { percentile } from './stats.js';

/** Result of {@link measureLongMessage}. */
export interface LongMessageResult {
  characters: number;
  conversations: number;
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
 * message and on each later turn, which re-reads the transcript the long message is in.
 */
export function measureLongMessage(
  guard: Guard,
  groups: readonly (readonly string[])[],
  {
    conversations = 20,
    laterTurns = 10,
    characters = 8000,
  }: { conversations?: number; laterTurns?: number; characters?: number } = {},
): LongMessageResult {
  const questions = newQuestions(groups, 41);
  const first: number[] = [];
  const later: number[] = [];
  let answers = 0;
  for (let conversation = 0; conversation < conversations; conversation++) {
    const transcript: TranscriptTurn[] = [{ role: 'user', content: longMessage(conversation, characters) }];
    let started = performance.now();
    guard.check(transcript, 'input');
    first.push(performance.now() - started);
    for (let turn = 0; turn < laterTurns; turn++) {
      transcript.push({ role: 'assistant', content: newAnswer(++answers), confidence: 0.95 });
      transcript.push({ role: 'user', content: questions.next() });
      started = performance.now();
      guard.check(transcript, 'input');
      later.push(performance.now() - started);
    }
  }
  return {
    characters,
    conversations,
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
