import { toTranscript } from '../chat/transcript.js';
import { detectNegativeSentiment, detectRepeatFailure } from '../guard/index.js';
import type { Transcript } from '../guard/types.js';
import type { StoredConversation } from '../store/store.js';

/** Why a conversation the bot kept is worth a reviewer's look, beyond being sampled. */
export interface ReviewSignals {
  /** The customer's last message reads as angry or frustrated, or frustration rose over the last turns. */
  negativeSentiment: boolean;
  /** The customer asked the same thing again, said the answer did not help, or the bot fell back repeatedly. */
  repeatedQuestion: boolean;
  /** The words that fired, quoted from the customer's turns. */
  evidence: string[];
}

/**
 * Runs the guard's own sentiment and repeated-failure detectors over the transcript as it ended
 * (up to the customer's last message), as the guard would have judged that message. Stored
 * messages record confidence and fallbacks, not the guard's signals, so they are computed here.
 * Pure: no model, the same answer every time.
 */
export function reviewSignals(conversation: Pick<StoredConversation, 'messages'>): ReviewSignals {
  const transcript = toTranscript(conversation.messages);
  const lastUser = transcript.findLastIndex((turn) => turn.role === 'user');
  if (lastUser < 0) return { negativeSentiment: false, repeatedQuestion: false, evidence: [] };
  const ended: Transcript = transcript.slice(0, lastUser + 1);
  const sentiment = detectNegativeSentiment(ended, { phase: 'input' });
  // Fallbacks after the last question count too: the detector reads the whole transcript for them.
  const repeats = [
    ...detectRepeatFailure(ended, { phase: 'input' }),
    ...detectRepeatFailure(transcript, { phase: 'output' }),
  ];
  const evidence = [...sentiment, ...repeats].flatMap((signal) => signal.evidence.map((item) => item.text));
  return {
    negativeSentiment: sentiment.length > 0,
    repeatedQuestion: repeats.length > 0,
    evidence: [...new Set(evidence)].slice(0, 4),
  };
}
