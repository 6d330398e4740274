import type { TranscriptTurn } from '../types.js';
import { botActs, fallbackText, type TurnFeatures, turnFeatures } from './turn-features.js';

/** How a turn is read: its features, its fallback evidence, whether the bot acts in it. */
export interface TurnReader {
  features(turn: TranscriptTurn): TurnFeatures;
  fallback(turn: TranscriptTurn): string | undefined;
  acts(turn: TranscriptTurn): boolean;
}

/** Reads every turn anew: what the incremental guard uses (it reads each turn once anyway). */
export const directReader: TurnReader = { features: turnFeatures, fallback: fallbackText, acts: botActs };

/** Characters of turn text the memo holds before it is emptied. */
const memoCharacterLimit = 1_000_000;

/**
 * `read` remembered for the turns read lately, by role, author, fallback flag and text. A guard
 * called without its state reads a conversation's earlier turns again on every check: each is
 * read once while the memo holds it (bounded by characters, then emptied), as before the state.
 */
function remembered<T>(read: (turn: TranscriptTurn) => T): (turn: TranscriptTurn) => T {
  const memo = new Map<string, T>();
  let characters = 0;
  return (turn) => {
    const key = `${turn.role === 'user' ? 'u' : turn.author === 'agent' ? 'a' : 'b'}${turn.fallback ? 'f' : ''}:${turn.content}`;
    const known = memo.get(key);
    if (known !== undefined || memo.has(key)) return known as T;
    const value = read(turn);
    characters += key.length;
    if (characters > memoCharacterLimit) {
      memo.clear();
      characters = key.length;
    }
    memo.set(key, value);
    return value;
  };
}

/** Reads turns through process-wide memos: what `guard.check` (no state) uses. */
export const rememberingReader: TurnReader = {
  features: remembered(turnFeatures),
  fallback: remembered(fallbackText),
  acts: remembered(botActs),
};
