import type { Transcript } from '../types.js';
import { guardPattern } from './guard-pattern.js';
import { normalizeText } from './normalize-text.js';

/**
 * What a bot's turn does in a task conversation: asks the user for details or a confirmation,
 * reports an action done, or reports one that failed. Detectors use it to tell a bot at work
 * (confirmations, lookups, bookings) from one that fails the user.
 */

/** Closing offers and clarification requests: questions that ask the user for nothing specific. */
const notARequest = guardPattern(
  /\b(?:anything else|something else|else (?:i|we) can|how else|help (?:you )?with (?:anything|something)|any (?:other|more|further) (?:questions?|help|assistance)|more (?:help|assistance)|further assistance|else today|rephrase|another way|(?:didn'?t|did not|don'?t|do not) (?:catch|understand|follow)|not sure (?:i|what you) (?:understand|mean)|what do you mean|clarify)\b/,
);
const requestPrompt = guardPattern(
  /\b(?:please (?:confirm|provide|enter|share|send|tell me|give me|choose|select|pick)|i can (?:reserve|book|make|schedule|order|buy|purchase|add|set|send|transfer)|(?:shall|should) i|(?:would|do) you (?:like|want) me to|just to (?:make sure|confirm)|to confirm|let me (?:check|confirm|make sure|verify) (?:if|that|whether)|is (?:that|this|everything) (?:correct|right)|(?:can|could) you (?:confirm|provide|give|tell|share|send|check|double-check|verify))\b/,
);

/**
 * The bot asking the user for details or a confirmation (a question that is not a closing offer
 * or a request to rephrase): the user's next message answers it, so repeating details there is
 * not asking the same question again. Any language: a sentence ending in a question mark.
 */
export function asksForDetails(answer: string): boolean {
  const normalized = normalizeText(answer);
  if (requestPrompt.test(normalized)) return true;
  for (const sentence of normalized.split(/(?<=[?？])/)) {
    if (/[?？]\s*$/.test(sentence) && !notARequest.test(sentence)) return true;
  }
  return false;
}

/** The bot reporting that an action it tried failed ("I was unable to book", "the reservation can't be made"). */
export const actionFailed = guardPattern(
  /\b(?:(?:was|were|am|is|'m) (?:not able|unable) to|(?:couldn'?t|could not|can'?t|cannot|can not|wasn'?t able to) (?:book|make|complete|reserve|process|place|schedule|find|locate|change|cancel|transfer|buy|purchase|add|update|be (?:booked|made|completed|processed|reserved))|(?:was|were) (?:not|n't) (?:successful|able)|(?:failed|did not go through|didn'?t go through|was declined|could not be (?:completed|processed|made)))\b/,
);

/** The bot reporting an action it carried out ("I've cancelled your plan", "your refund has been issued", "booking ID"). */
export const actionDone = guardPattern(
  /\b(?:i'?ve|i have|i'?ve just|we'?ve|we have|has been|have been|was|were|is now|are now|successfully) (?:(?!not\b|never\b|yet\b)\w+ )?(?:cancel\w*|book\w*|refund\w*|issu\w*|process\w*|chang\w*|updat\w*|reserv\w*|schedul\w*|order\w*|submit\w*|confirm\w*|appl\w*|add\w*|remov\w*|transferr\w*|sent|placed|completed|done)\b|\b(?:confirmation|booking|reservation|reference|order|ticket|case) (?:number|code|id|#)\b|\b(?:you'?re|you are) all set\b|\b(?:transfer|payment|booking|reservation|order|appointment|purchase) (?:has been|was|is) (?:made|successful|complete|completed|confirmed|placed|done)\b/,
);

/**
 * True when the bot has been acting in the conversation before turn `before`: it asked for
 * details or a confirmation, or reported an action. A refund or cancellation asked for then is
 * one the bot is carrying out, not a matter for a person by itself.
 */
export function botHasActed(transcript: Transcript, before: number): boolean {
  for (let index = 0; index < before; index++) {
    const turn = transcript[index]!;
    if (turn.role !== 'assistant' || turn.author === 'agent') continue;
    if (asksForDetails(turn.content) || actionDone.test(normalizeText(turn.content))) return true;
  }
  return false;
}
