import type {
  JSONObject,
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4FinishReason,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from '@ai-sdk/provider';
import { defaultKnowledgeBase, type KnowledgeBase, type KnowledgeBaseEntry } from './knowledge-base.js';
import { createKnowledgeBaseRetriever, type RetrievedEntry } from './knowledge-base-retriever.js';
import { detectSmallTalk } from './small-talk.js';
import { tokenize } from './tokenize.js';

/**
 * Confidence from which the offline model answers by default: the guard's default `confidenceThreshold`, so
 * the model's own answer-or-escalate decision and the output guard agree.
 */
export const defaultMinConfidence = 0.5;

/** Name of the tool the offline model calls when it cannot answer. */
const escalationToolName = 'escalate_to_human';

/** Options of {@link createOfflineModel}. */
export interface OfflineModelOptions {
  /**
   * FAQ entries to answer from.
   * @default defaultKnowledgeBase (Northwind Outfitters)
   */
  knowledgeBase?: KnowledgeBase;
  /**
   * Below this retrieval confidence the model does not answer: it calls `escalate_to_human` when the tool
   * is offered, and otherwise says it does not know. It answers exactly when the confidence it reports is at
   * least this, so set it to the guard's `confidenceThreshold` and the guard never holds one of its answers
   * for low confidence.
   * @default 0.5 (the guard's default `confidenceThreshold`)
   */
  minConfidence?: number;
  /**
   * Pause between streamed chunks, to look like a real model in demos.
   * @default 0
   */
  chunkDelayMs?: number;
  /**
   * Words per streamed text chunk.
   * @default 4
   */
  wordsPerChunk?: number;
  /** Clock for response timestamps. @default () => new Date() */
  now?: () => Date;
  /** Id generator for responses and tool calls. @default crypto.randomUUID */
  generateId?: () => string;
}

/** What the model reports about an answer in `providerMetadata.handrail`. */
export interface OfflineAnswerMetadata {
  /** Retrieval confidence in 0..1. */
  confidence: number;
  /** Id of the knowledge base entry the answer cites. */
  citation?: string;
  /** True when the model said it does not know. */
  fallback: boolean;
  kind: 'answer' | 'small-talk' | 'fallback' | 'escalation' | 'acknowledgement';
}

type Reply =
  | { type: 'text'; text: string; source?: KnowledgeBaseEntry; metadata: OfflineAnswerMetadata }
  | { type: 'tool-call'; toolCallId: string; toolName: string; input: string; metadata: OfflineAnswerMetadata };

/**
 * A language model that needs no network: it answers from a FAQ knowledge base ranked with BM25, cites the
 * entry it used, reports its confidence, and calls `escalate_to_human` (when offered) for questions the
 * knowledge base does not cover. It implements the AI SDK provider spec, so `streamText`, `generateText`
 * and tool loops treat it like any hosted model. Used by the demo, tests and evals when no API key is set.
 *
 * @example
 * const result = streamText({ model: createOfflineModel(), prompt: 'How long does delivery take?' });
 * for await (const text of result.textStream) process.stdout.write(text);
 */
export function createOfflineModel(options: OfflineModelOptions = {}): LanguageModelV4 {
  const {
    knowledgeBase = defaultKnowledgeBase,
    minConfidence = defaultMinConfidence,
    chunkDelayMs = 0,
    wordsPerChunk = 4,
    now = () => new Date(),
    generateId = () => crypto.randomUUID(),
  } = options;
  if (!(minConfidence >= 0 && minConfidence <= 1)) throw new Error('minConfidence must be between 0 and 1');
  if (!(chunkDelayMs >= 0)) throw new Error('chunkDelayMs must be 0 or more');
  if (!(Number.isInteger(wordsPerChunk) && wordsPerChunk > 0))
    throw new Error('wordsPerChunk must be a positive integer');
  const retriever = createKnowledgeBaseRetriever(knowledgeBase);
  const modelId = 'offline-retrieval';

  function reply(call: LanguageModelV4CallOptions): Reply {
    const last = call.prompt.at(-1);
    if (
      last?.role === 'tool' &&
      last.content.some((part) => part.type === 'tool-result' && part.toolName === escalationToolName)
    ) {
      return {
        type: 'text',
        text: "I've passed your question to our customer service team. A member of the team will pick up this conversation and reply here as soon as possible.",
        metadata: { confidence: 1, fallback: false, kind: 'acknowledgement' },
      };
    }

    const questions = userTexts(call.prompt);
    const question = questions.at(-1) ?? '';
    const smallTalk = detectSmallTalk(question);
    if (question.trim() === '' || smallTalk === 'greeting') {
      return {
        type: 'text',
        text: 'Hello! Welcome to Northwind Outfitters. How can I help you today?',
        metadata: { confidence: 1, fallback: false, kind: 'small-talk' },
      };
    }
    if (smallTalk === 'thanks') {
      return {
        type: 'text',
        text: "You're welcome! Is there anything else I can help you with?",
        metadata: { confidence: 1, fallback: false, kind: 'small-talk' },
      };
    }

    const best = bestMatch(question, questions.at(-2));
    const confidence = round(best?.confidence ?? 0);
    if (best && best.confidence >= minConfidence) {
      // Never repeat an entry already given in this conversation: answer with the sentences of it that
      // speak to the new question, or, when none does, admit the entry has nothing more and hand off.
      const answer = alreadyCited(call.prompt, best.entry.id) ? focusedAnswer(best.entry, question) : best.entry.answer;
      if (answer !== undefined) {
        return {
          type: 'text',
          text: `${answer}\n\n(Source: ${best.entry.title} [kb:${best.entry.id}])`,
          source: best.entry,
          metadata: { confidence, citation: best.entry.id, fallback: false, kind: 'answer' },
        };
      }
    }

    if (mayCallEscalationTool(call)) {
      const closest = best
        ? ` The closest knowledge base entry was "${best.entry.title}" (confidence ${confidence}).`
        : '';
      return {
        type: 'tool-call',
        toolCallId: `call_${generateId()}`,
        toolName: escalationToolName,
        input: JSON.stringify({
          reason: 'low_confidence',
          summary: `Customer asked: "${truncate(question, 300)}". No knowledge base entry answers this.${closest}`,
          urgency: 'normal',
        }),
        metadata: { confidence, fallback: false, kind: 'escalation' },
      };
    }
    return {
      type: 'text',
      text: "I'm sorry, I don't have information about that. You can contact our customer service team by email at support@northwind-outfitters.example; a person is available Monday to Friday from 9:00 to 17:00 (Europe/Berlin time).",
      metadata: { confidence, fallback: true, kind: 'fallback' },
    };
  }

  /**
   * The best entry for the question. A follow-up ("What about Canada?", "Is that still possible?") that
   * matches nothing on its own is read together with the previous question; when that points to the entry
   * the previous question found (and the two together still reach 40% of the confidence an answer needs), the follow-up inherits its confidence, discounted.
   */
  function bestMatch(question: string, previous: string | undefined): RetrievedEntry | undefined {
    const [alone] = retriever.retrieve(question, 1);
    if ((alone && alone.confidence >= minConfidence) || previous === undefined || !isFollowUp(question)) return alone;
    const [combined] = retriever.retrieve(`${previous}\n${question}`, 1);
    if (combined && combined.confidence >= minConfidence) return combined;
    const [earlier] = retriever.retrieve(previous, 1);
    // Inherit only when the follow-up, read with the previous question, still leans on that entry: "whatever,
    // I won't be around to use it" after "My order is late" points back at the entry only by a stray word.
    if (
      earlier &&
      earlier.confidence >= minConfidence &&
      combined?.entry.id === earlier.entry.id &&
      combined.confidence >= minConfidence * followUpFloor
    ) {
      return { entry: earlier.entry, confidence: earlier.confidence * followUpDiscount };
    }
    return alone;
  }

  return {
    specificationVersion: 'v4',
    provider: 'handrail',
    modelId,
    supportedUrls: {},

    async doGenerate(call) {
      call.abortSignal?.throwIfAborted();
      const answer = reply(call);
      const content: LanguageModelV4Content[] = [];
      if (answer.type === 'text') {
        content.push({ type: 'text', text: answer.text });
        if (answer.source) content.push(sourcePart(answer.source));
      } else {
        content.push({
          type: 'tool-call',
          toolCallId: answer.toolCallId,
          toolName: answer.toolName,
          input: answer.input,
        });
      }
      return {
        content,
        finishReason: finishReason(answer),
        usage: usage(call.prompt, answer),
        providerMetadata: { handrail: toJson(answer.metadata) },
        response: { id: generateId(), timestamp: now(), modelId },
        warnings: [],
      };
    },

    async doStream(call) {
      call.abortSignal?.throwIfAborted();
      const answer = reply(call);
      const parts: LanguageModelV4StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'response-metadata', id: generateId(), timestamp: now(), modelId },
      ];
      if (answer.type === 'text') {
        const id = 'text-0';
        parts.push({ type: 'text-start', id });
        for (const delta of chunkWords(answer.text, wordsPerChunk)) parts.push({ type: 'text-delta', id, delta });
        parts.push({ type: 'text-end', id });
        if (answer.source) parts.push(sourcePart(answer.source));
      } else {
        const id = answer.toolCallId;
        parts.push({ type: 'tool-input-start', id, toolName: answer.toolName });
        for (const delta of chunkCharacters(answer.input, 24)) parts.push({ type: 'tool-input-delta', id, delta });
        parts.push({ type: 'tool-input-end', id });
        parts.push({ type: 'tool-call', toolCallId: id, toolName: answer.toolName, input: answer.input });
      }
      parts.push({
        type: 'finish',
        finishReason: finishReason(answer),
        usage: usage(call.prompt, answer),
        providerMetadata: { handrail: toJson(answer.metadata) },
      });
      return { stream: streamParts(parts, chunkDelayMs, call.abortSignal) };
    },
  };
}

/** Share of the previous answer's confidence a follow-up question inherits. */
const followUpDiscount = 0.75;

/** Share of `minConfidence` the follow-up read together with the previous question must still reach to inherit. */
const followUpFloor = 0.4;

/** Words that open a reply to the bot's previous answer ("Great, can I get the tracking number?"). */
const acknowledgementWords = new Set([
  'great',
  'nice',
  'cool',
  'ok',
  'okay',
  'awesome',
  'perfect',
  'good',
  'yes',
  'yeah',
  'right',
  'sure',
  'alright',
  'got',
  'found',
  'done',
  'thanks',
]);

/**
 * A short message that leans on the previous one: "and ...", "what about ...", one that opens by
 * acknowledging the last answer ("Great, ..."), or one with a pronoun like "it" or "that".
 */
function isFollowUp(question: string): boolean {
  const words = (question.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).map((word) => word.replace(/'.*$/, ''));
  if (words.length === 0 || words.length > 12) return false;
  const start = words.slice(0, 2).join(' ');
  if (/^(?:and|also|but|so|what about|how about|same for)\b/.test(start)) return true;
  if (acknowledgementWords.has(words[0] ?? '')) return true;
  return words.some((word) => ['it', 'that', 'this', 'those', 'them', 'there', 'one'].includes(word));
}

/** True when an earlier assistant message of the conversation cited the entry. */
function alreadyCited(prompt: LanguageModelV4Prompt, id: string): boolean {
  const citation = `[kb:${id}]`;
  return prompt.some(
    (message) =>
      message.role === 'assistant' &&
      message.content.some((part) => part.type === 'text' && part.text.includes(citation)),
  );
}

/**
 * The sentence of an entry's answer that shares the most terms with the question (the earlier one on a tie),
 * or undefined when none does. One sentence, so the follow-up answer never reads as the same answer again.
 */
function focusedAnswer(entry: KnowledgeBaseEntry, question: string): string | undefined {
  const asked = new Set(tokenize(question));
  const sentences = entry.answer.split(/(?<=[.!?])\s+/);
  const ranked = sentences
    .map((sentence, position) => ({
      position,
      sentence,
      shared: new Set(tokenize(sentence).filter((term) => asked.has(term))).size,
    }))
    .filter(({ shared }) => shared > 0)
    .sort((left, right) => right.shared - left.shared || left.position - right.position);
  return ranked[0]?.sentence;
}

/** Text of every user message, oldest first. */
function userTexts(prompt: LanguageModelV4Prompt): string[] {
  const texts: string[] = [];
  for (const message of prompt) {
    if (message.role !== 'user') continue;
    const text = message.content
      .flatMap((part) => (part.type === 'text' ? [part.text] : []))
      .join('\n')
      .trim();
    if (text !== '') texts.push(text);
  }
  return texts;
}

function mayCallEscalationTool(call: LanguageModelV4CallOptions): boolean {
  const offered = (call.tools ?? []).some((tool) => tool.type === 'function' && tool.name === escalationToolName);
  const choice = call.toolChoice;
  if (!offered || choice?.type === 'none') return false;
  return choice?.type !== 'tool' || choice.toolName === escalationToolName;
}

function sourcePart(entry: KnowledgeBaseEntry): LanguageModelV4Content & { type: 'source' } {
  return { type: 'source', sourceType: 'document', id: `kb:${entry.id}`, mediaType: 'text/plain', title: entry.title };
}

function finishReason(answer: Reply): LanguageModelV4FinishReason {
  return answer.type === 'tool-call' ? { unified: 'tool-calls', raw: 'tool_calls' } : { unified: 'stop', raw: 'stop' };
}

/** Rough token counts (four characters a token), so usage-based budgets and traces have numbers. */
function usage(prompt: LanguageModelV4Prompt, answer: Reply): LanguageModelV4Usage {
  const inputTokens = estimateTokens(JSON.stringify(prompt));
  const outputTokens = estimateTokens(answer.type === 'text' ? answer.text : answer.input);
  return {
    inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: 0 },
  };
}

function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function toJson(metadata: OfflineAnswerMetadata): JSONObject {
  const { citation, ...rest } = metadata;
  return citation === undefined ? { ...rest } : { ...rest, citation };
}

/** Splits text into chunks of `size` words, each chunk keeping the whitespace that follows it. */
function chunkWords(text: string, size: number): string[] {
  const words = text.match(/\S+\s*/g) ?? [text];
  const chunks: string[] = [];
  for (let start = 0; start < words.length; start += size) chunks.push(words.slice(start, start + size).join(''));
  return chunks;
}

function chunkCharacters(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size) chunks.push(text.slice(start, start + size));
  return chunks;
}

function streamParts(
  parts: LanguageModelV4StreamPart[],
  delayMs: number,
  abortSignal: AbortSignal | undefined,
): ReadableStream<LanguageModelV4StreamPart> {
  let position = 0;
  return new ReadableStream<LanguageModelV4StreamPart>({
    async pull(controller) {
      try {
        abortSignal?.throwIfAborted();
        // Pause before each text or tool-input chunk after the first, like tokens arriving from a server.
        const part = parts[position];
        if (delayMs > 0 && position > 2 && (part?.type === 'text-delta' || part?.type === 'tool-input-delta')) {
          await sleep(delayMs, abortSignal);
        }
        if (part === undefined) {
          controller.close();
          return;
        }
        position++;
        controller.enqueue(part);
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

function sleep(milliseconds: number, abortSignal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (abortSignal?.aborted) {
      reject(abortSignal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortSignal?.reason);
    };
    const timer = setTimeout(() => {
      abortSignal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    abortSignal?.addEventListener('abort', onAbort, { once: true });
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function truncate(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}
