import type {
  JSONObject,
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4FinishReason,
  LanguageModelV4GenerateResult,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4Usage,
} from '@ai-sdk/provider';
import { type AnswerSelector, createAnswerSelector } from './answer-selection.js';
import { assistantTexts, userTexts } from './conversation-texts.js';
import { followUpContext, isFollowUp } from './follow-up.js';
import { declineAnswers, readInstructionOverride } from './instruction-override.js';
import { defaultKnowledgeBase, type KnowledgeBase, type KnowledgeBaseEntry } from './knowledge-base.js';
import { createKnowledgeBaseRetriever } from './knowledge-base-retriever.js';
import { chunkCharacters, chunkWords, streamParts } from './offline-stream.js';
import { detectSmallTalk } from './small-talk.js';

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
  /** `decline`: a request the bot never grants (its instructions, another role, an exception to the rules). */
  kind: 'answer' | 'small-talk' | 'fallback' | 'escalation' | 'acknowledgement' | 'decline';
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
  const selector = createAnswerSelector(createKnowledgeBaseRetriever(knowledgeBase), minConfidence);
  const response = () => ({ id: generateId(), timestamp: now(), modelId });

  return {
    specificationVersion: 'v4',
    provider: 'handrail',
    modelId,
    supportedUrls: {},

    async doGenerate(call) {
      call.abortSignal?.throwIfAborted();
      return generateResult(call.prompt, reply(call, selector, generateId), response());
    },

    async doStream(call) {
      call.abortSignal?.throwIfAborted();
      const parts = streamResultParts(call.prompt, reply(call, selector, generateId), response(), wordsPerChunk);
      return { stream: streamParts(parts, chunkDelayMs, call.abortSignal) };
    },
  };
}

/** Id the model reports in its responses. */
const modelId = 'offline-retrieval';

/**
 * The model's reply to a call, in order: the acknowledgement after the escalation tool ran, a decline of a
 * request it never grants, small talk, an answer from the knowledge base, and otherwise an escalation (when
 * the tool is offered) or the fallback text.
 */
function reply(call: LanguageModelV4CallOptions, selector: AnswerSelector, generateId: () => string): Reply {
  if (escalationToolRan(call.prompt)) return acknowledgementReply;
  const questions = userTexts(call.prompt);
  const override = readInstructionOverride(questions.at(-1) ?? '');
  if (override?.decline) return textReply(declineAnswers[override.decline], 'decline');
  if (override) questions[questions.length - 1] = override.question;
  const question = questions.at(-1) ?? '';
  const smallTalk = smallTalkReply(question);
  if (smallTalk) return smallTalk;

  const lastCited = assistantTexts(call.prompt)
    .at(-1)
    ?.match(/\[kb:([\w-]+)\]/)?.[1];
  const candidates = selector.rank(question, followUpContext(questions), lastCited);
  const followUp = questions.length > 1 && isFollowUp(question);
  const chosen = selector.choose(call.prompt, candidates, question, followUp);
  if (chosen) {
    return {
      type: 'text',
      text: `${chosen.answer}\n\n(Source: ${chosen.entry.title} [kb:${chosen.entry.id}])`,
      source: chosen.entry,
      metadata: { confidence: round(chosen.confidence), citation: chosen.entry.id, fallback: false, kind: 'answer' },
    };
  }
  const best = candidates[0];
  if (mayCallEscalationTool(call)) return escalationReply(question, best, generateId);
  return {
    type: 'text',
    text: fallbackText,
    metadata: { confidence: round(best?.confidence ?? 0), fallback: true, kind: 'fallback' },
  };
}

/** True when the last message is the result of the escalation tool. */
function escalationToolRan(prompt: LanguageModelV4Prompt): boolean {
  const last = prompt.at(-1);
  return (
    last?.role === 'tool' &&
    last.content.some((part) => part.type === 'tool-result' && part.toolName === escalationToolName)
  );
}

const acknowledgementReply: Reply = {
  type: 'text',
  text: "I've passed your question to our customer service team. A member of the team will pick up this conversation and reply here as soon as possible.",
  metadata: { confidence: 1, fallback: false, kind: 'acknowledgement' },
};

const fallbackText =
  "I'm sorry, I don't have information about that. You can contact our customer service team by email at support@northwind-outfitters.example; a person is available Monday to Friday from 9:00 to 17:00 (Europe/Berlin time).";

/** A text reply the model is sure of (small talk, a decline). */
function textReply(text: string, kind: OfflineAnswerMetadata['kind']): Reply {
  return { type: 'text', text, metadata: { confidence: 1, fallback: false, kind } };
}

/** The reply to an empty message, a greeting, praise or thanks; undefined for anything else. */
function smallTalkReply(question: string): Reply | undefined {
  const smallTalk = detectSmallTalk(question);
  if (question.trim() === '' || smallTalk === 'greeting') {
    return textReply('Hello! Welcome to Northwind Outfitters. How can I help you today?', 'small-talk');
  }
  if (smallTalk === 'praise') {
    return textReply("That's great to hear, thank you! Is there anything else I can help you with?", 'small-talk');
  }
  if (smallTalk === 'thanks')
    return textReply("You're welcome! Is there anything else I can help you with?", 'small-talk');
  return undefined;
}

/** The `escalate_to_human` call for a question no entry answers, naming the closest entry. */
function escalationReply(
  question: string,
  best: { entry: KnowledgeBaseEntry; confidence: number } | undefined,
  generateId: () => string,
): Reply {
  const confidence = round(best?.confidence ?? 0);
  const closest = best ? ` The closest knowledge base entry was "${best.entry.title}" (confidence ${confidence}).` : '';
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

/** What `doGenerate` returns for a reply. */
function generateResult(
  prompt: LanguageModelV4Prompt,
  answer: Reply,
  response: { id: string; timestamp: Date; modelId: string },
): LanguageModelV4GenerateResult {
  const content: LanguageModelV4Content[] = [];
  if (answer.type === 'text') {
    content.push({ type: 'text', text: answer.text });
    if (answer.source) content.push(sourcePart(answer.source));
  } else {
    content.push({ type: 'tool-call', toolCallId: answer.toolCallId, toolName: answer.toolName, input: answer.input });
  }
  return {
    content,
    finishReason: finishReason(answer),
    usage: usage(prompt, answer),
    providerMetadata: { handrail: toJson(answer.metadata) },
    response,
    warnings: [],
  };
}

/** The stream parts of a reply: text in chunks of `wordsPerChunk` words, a tool call's input in 24 characters. */
function streamResultParts(
  prompt: LanguageModelV4Prompt,
  answer: Reply,
  response: { id: string; timestamp: Date; modelId: string },
  wordsPerChunk: number,
): LanguageModelV4StreamPart[] {
  const parts: LanguageModelV4StreamPart[] = [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', ...response },
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
    usage: usage(prompt, answer),
    providerMetadata: { handrail: toJson(answer.metadata) },
  });
  return parts;
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

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function truncate(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}
