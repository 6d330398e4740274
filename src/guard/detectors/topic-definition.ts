import type { Urgency } from '../types.js';

/**
 * A high-stakes or compliance topic the guard escalates on. A topic matches when any keyword
 * (whole words, case- and accent-insensitive), any pattern (against lower-cased, accent-free
 * text) or an example utterance (by similarity) matches the user's message, and no `exclude`
 * pattern does.
 */
export interface TopicDefinition {
  /** Stable identifier, reported as `Signal.topic` (e.g. `billing_dispute`). */
  id: string;
  /** `crisis` is the built-in self-harm topic's; your own topics are high stakes or compliance. */
  reason: 'high_stakes' | 'compliance' | 'crisis';
  /** Urgency to ask for; `critical` topics can never be disabled. */
  urgency?: Urgency;
  /** Words or phrases matched as whole words. */
  keywords?: string[];
  /** Regular expressions (strings are compiled case-insensitively) matched against normalized text. */
  patterns?: (RegExp | string)[];
  /** Example utterances; a message close enough to one of them matches. */
  examples?: string[];
  /** Minimum similarity (0..1) to an example for a match. @default 0.6 */
  minSimilarity?: number;
  /** Patterns that veto a match ("no complaints"). */
  exclude?: (RegExp | string)[];
  /** Message the user must see when this topic fires (crisis resources). */
  userMessage?: string;
  /**
   * Score of a match in 0..1. Below the reason's threshold (0.5 by default) the topic is reported,
   * for the brief and routing, but does not escalate on its own. @default 0.9
   */
  score?: number;
  /**
   * A request the bot carries out itself when it has the tools (cancelling a subscription under
   * policy): once the bot has acted in the conversation (asked to confirm details, reported an
   * action done), a match scores {@link routineScore} and does not escalate on its own, unless the
   * matched words match `unless` (closing the whole account stays high stakes).
   */
  routine?: { unless?: RegExp | string };
}

/** Score of a routine topic's match once the bot is acting: reported, under the default threshold. */
export const routineScore = 0.45;
