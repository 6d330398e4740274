import type { Detector } from '../detector.js';
import { stateFor } from '../state/guard-state.js';
import { scoreSentiment } from '../text/sentiment-score.js';
import type { Signal, Transcript } from '../types.js';

export { scoreSentiment };

/** Direction of the user's mood over the conversation. */
export type SentimentDirection = 'improving' | 'stable' | 'worsening';

/** Sentiment of the user's latest messages and its direction. */
export interface SentimentTrend {
  /** Sentiment of the latest user message, -1..1. */
  score: number;
  trend: SentimentDirection;
  /** Per-user-turn scores, oldest first, with their turn index. */
  turns: { turn: number; score: number }[];
}

/** Sentiment of every user turn, the latest score, and whether it is improving or worsening (last five turns). */
export function sentimentTrend(transcript: Transcript): SentimentTrend {
  const turns: { turn: number; score: number }[] = [];
  transcript.forEach((turn, index) => {
    if (turn.role === 'user') turns.push({ turn: index, score: scoreSentiment(turn.content) });
  });
  const window = turns.slice(-5);
  const last = window[window.length - 1];
  if (!last) return { score: 0, trend: 'stable', turns };
  let slope = 0;
  if (window.length >= 2) {
    const meanX = (window.length - 1) / 2;
    const meanY = window.reduce((sum, item) => sum + item.score, 0) / window.length;
    let numerator = 0;
    let denominator = 0;
    window.forEach((item, index) => {
      numerator += (index - meanX) * (item.score - meanY);
      denominator += (index - meanX) ** 2;
    });
    slope = numerator / denominator;
  }
  const trend: SentimentDirection = slope <= -0.08 ? 'worsening' : slope >= 0.08 ? 'improving' : 'stable';
  return { score: last.score, trend, turns };
}

/**
 * Negative sentiment: fires on a clearly angry or frustrated last user message, or on frustration
 * rising over several user turns even when no single turn is strong enough on its own. Reads the
 * last four user turns' scores, which the guard's state keeps (`context.state`).
 */
export const detectNegativeSentiment: Detector = (transcript, context): Signal[] => {
  if (context.phase !== 'input' || transcript.length === 0) return [];
  const turns = stateFor(transcript, context.state).userSentiment;
  const last = turns[turns.length - 1];
  if (!last || transcript[transcript.length - 1]?.role !== 'user') return [];
  const signals: Signal[] = [];
  if (last.score < 0) {
    signals.push({
      reason: 'negative_sentiment',
      score: Math.min(1, -last.score),
      detector: 'negative-sentiment',
      evidence: [{ turn: last.turn, text: transcript[last.turn]!.content.slice(0, 200) }],
      detail: `user message sentiment ${last.score.toFixed(2)}`,
    });
  }
  const window = turns.slice(-3);
  if (window.length >= 3) {
    const mean = window.reduce((sum, item) => sum + item.score, 0) / window.length;
    const first = turns[Math.max(0, turns.length - 4)]!;
    const drop = first.score - last.score;
    const negativeTurns = window.filter((item) => item.score <= -0.15).length;
    if (mean < 0 && negativeTurns >= 2) {
      const score = Math.min(1, -mean + Math.max(0, drop) * 0.5 + (negativeTurns === 3 ? 0.1 : 0));
      signals.push({
        reason: 'negative_sentiment',
        score,
        detector: 'negative-sentiment',
        evidence: window.map((item) => ({ turn: item.turn, text: transcript[item.turn]!.content.slice(0, 120) })),
        detail: `frustration over ${window.length} user turns (mean ${mean.toFixed(2)}, drop ${drop.toFixed(2)})`,
      });
    }
  }
  return signals;
};
