import type { ModelMessage } from 'ai';
import type { Transcript } from '../guard/types.js';

/** How much of the conversation the model sees on each turn. */
export interface ModelContextOptions {
  /** Most recent messages (user and assistant) sent as they are. @default 24 */
  maxMessages?: number;
  /** Longest summary of the earlier messages, in characters. @default 1200 */
  summaryChars?: number;
}

/** What the model is sent: the recent messages, and a summary of the ones left out. */
export interface ModelContext {
  messages: ModelMessage[];
  /** Appended to the system prompt when earlier messages were left out; absent otherwise. */
  earlierSummary?: string;
}

const defaultMaxMessages = 24;
const defaultSummaryChars = 1200;
/** Each earlier user message contributes at most this much to the summary. */
const perMessageChars = 160;

/**
 * The model's view of a conversation: the last `maxMessages` messages, starting at a user
 * message, and a running summary of what the user said before them (their earlier messages,
 * each shortened, newest kept when the summary is full). The token cost of a turn stays bounded
 * however long the conversation grows; the brief still reads the whole transcript.
 */
export function boundModelContext(transcript: Transcript, options: ModelContextOptions = {}): ModelContext {
  const maxMessages = Math.max(1, options.maxMessages ?? defaultMaxMessages);
  const summaryChars = Math.max(0, options.summaryChars ?? defaultSummaryChars);
  let start = Math.max(0, transcript.length - maxMessages);
  // Begin the window at a user message: providers expect the conversation to start with one.
  while (start > 0 && start < transcript.length - 1 && transcript[start]?.role !== 'user') start++;
  const messages = transcript.slice(start).map(toModelMessage);
  if (start === 0) return { messages };
  const said = transcript
    .slice(0, start)
    .filter((turn) => turn.role === 'user' && turn.content.trim())
    .map((turn) => shorten(turn.content.replace(/\s+/g, ' ').trim(), perMessageChars));
  const kept: string[] = [];
  let length = 0;
  for (let index = said.length - 1; index >= 0; index--) {
    const line = `- ${said[index]}`;
    if (length + line.length + 1 > summaryChars) break;
    kept.unshift(line);
    length += line.length + 1;
  }
  const earlierSummary = [
    `Earlier in this conversation (${start} messages not shown), the user wrote:`,
    ...(kept.length < said.length ? [`- (${said.length - kept.length} earlier messages left out)`] : []),
    ...kept,
  ].join('\n');
  return { messages, earlierSummary };
}

function toModelMessage(turn: Transcript[number]): ModelMessage {
  return turn.role === 'user' ? { role: 'user', content: turn.content } : { role: 'assistant', content: turn.content };
}

function shorten(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}
