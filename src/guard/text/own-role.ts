import { guardPattern } from './guard-pattern.js';

/**
 * Saying what one is, just before the words (normalized text): "I'm a lawyer", "I work as a
 * nurse", "we are a law firm", "soy abogada", "sou advogado", "je suis avocat", "ich
 * bin Anwalt", "sono avvocato", "ik ben advocaat"; one word may come between ("I'm a retired
 * lawyer"). Anchored at the end of the text before the words.
 */
const roleBefore = guardPattern(
  /(?:^|[\s,.;:!?])(?:(?:i'?m|i am|im|we'?re|we are|i work as|i worked as|working as|i'?ve been|i have been)\s+an?|(?:soy|trabajo como|sou|trabalho como|je suis|ich bin|sono|lavoro come|ik ben|jestem)(?:\s+(?:un|una|um|uma|une|ein|eine|een))?)\s+(?:[\p{L}'-]+\s+)?$/u,
);

/** True when the words starting at `start` of the normalized text name what the writer is, not what they threaten or ask for. */
export function isOwnRole(text: string, start: number): boolean {
  return roleBefore.test(text.slice(Math.max(0, start - 40), start));
}
