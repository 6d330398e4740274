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
  reason: 'high_stakes' | 'compliance';
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
}
