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
import { declineAnswers, readInstructionOverride } from './instruction-override.js';
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
    const override = readInstructionOverride(questions.at(-1) ?? '');
    if (override?.decline) {
      return {
        type: 'text',
        text: declineAnswers[override.decline],
        metadata: { confidence: 1, fallback: false, kind: 'decline' },
      };
    }
    if (override) questions[questions.length - 1] = override.question;
    const question = questions.at(-1) ?? '';
    const smallTalk = detectSmallTalk(question);
    if (question.trim() === '' || smallTalk === 'greeting') {
      return {
        type: 'text',
        text: 'Hello! Welcome to Northwind Outfitters. How can I help you today?',
        metadata: { confidence: 1, fallback: false, kind: 'small-talk' },
      };
    }
    if (smallTalk === 'praise') {
      return {
        type: 'text',
        text: "That's great to hear, thank you! Is there anything else I can help you with?",
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

    const lastCited = assistantTexts(call.prompt)
      .at(-1)
      ?.match(/\[kb:([\w-]+)\]/)?.[1];
    const candidates = rankedMatches(question, questions.at(-2), lastCited);
    const best = candidates[0];
    const confidence = round(best?.confidence ?? 0);
    const chosen = chooseAnswer(call.prompt, candidates, question, questions.length > 1 && isFollowUp(question));
    if (chosen) {
      return {
        type: 'text',
        text: `${chosen.answer}\n\n(Source: ${chosen.entry.title} [kb:${chosen.entry.id}])`,
        source: chosen.entry,
        metadata: { confidence: round(chosen.confidence), citation: chosen.entry.id, fallback: false, kind: 'answer' },
      };
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
   * The entries that may answer the question, best first. The question is read in several ways (see
   * `readings`); each entry keeps its best reading. A follow-up ("What about Canada?", "Is that still
   * possible?", or any short question that finds nothing alone) is also read together with the previous
   * question: one that points back by a pronoun stays with the entry the previous question found while the
   * two together still lean on it; another takes the joint reading when that answers and is not much
   * weaker than the follow-up alone; when neither answers but the two together point to the entry the
   * previous question found (and still reach 40% of the confidence an answer needs), the follow-up inherits
   * that entry's confidence, discounted.
   */
  function rankedMatches(question: string, previous: string | undefined, lastCited?: string): RetrievedEntry[] {
    const alone = preferConversationEntry(retrieveReadings(question), isFollowUp(question) ? lastCited : undefined);
    const top = alone[0];
    // A short question that finds nothing on its own ("How much is the deposit?" after renting a tent) is
    // read as a follow-up too.
    const unanswered = (top?.confidence ?? 0) < minConfidence && isShortQuestion(question);
    if (previous === undefined || !(isFollowUp(question) || unanswered)) return alone;
    const together = retrieveReadings(`${previous}\n${question}`);
    const [combined] = together;
    const [earlier] = retrieveReadings(previous);
    // Inherit only when the follow-up, read with the previous question, still leans on that entry: "whatever,
    // I won't be around to use it" after "My order is late" points back at the entry only by a stray word.
    const leansOnEarlier =
      earlier !== undefined &&
      earlier.confidence >= minConfidence &&
      combined?.entry.id === earlier.entry.id &&
      combined.confidence >= minConfidence * followUpFloor;
    const inherited = (found: RetrievedEntry, confidence: number, others: readonly RetrievedEntry[]) => [
      { ...found, confidence, rank: confidence },
      ...others.filter((hit) => hit.entry.id !== found.entry.id),
    ];
    // A follow-up that points back ("Is that still possible after an hour?") stays with the entry the
    // previous question found, when read together with it it still does, unless it names a topic of its
    // own in words specific enough ("Can I reserve one for pickup today?" is about click and collect).
    const ownTopic = top !== undefined && top.confidence >= minConfidence && top.evidence >= specificEvidence;
    if (refersBack(question) && !ownTopic && leansOnEarlier && earlier && combined) {
      return inherited(earlier, Math.max(combined.confidence, earlier.confidence * followUpDiscount), together);
    }
    // A follow-up means what it says read with the question before ("And the Boulder store?" after the
    // Denver store hours, "Including Australia?" after international shipping), unless on its own it asks
    // something else much more clearly.
    if (
      combined &&
      combined.confidence >= minConfidence &&
      combined.confidence >= (top?.confidence ?? 0) * followUpShare
    ) {
      return together;
    }
    if (top && top.confidence >= minConfidence) return alone;
    if (leansOnEarlier && earlier) return inherited(earlier, earlier.confidence * followUpDiscount, alone);
    return alone;
  }

  /**
   * Puts first the entry the last answer gave when it fits a follow-up about as well as the best one: "OK,
   * sounds fine. How do I sign up?" after the membership answer is about the membership, not the newsletter.
   */
  function preferConversationEntry(hits: RetrievedEntry[], id: string | undefined): RetrievedEntry[] {
    const [top] = hits;
    const current = hits.find((hit) => hit.entry.id === id);
    if (!top || !current || current === top || current.confidence < top.confidence - followUpTieMargin) return hits;
    return [current, ...hits.filter((hit) => hit !== current)];
  }

  function topicality(text: string): Topicality {
    const hits = retriever.retrieve(text, 10);
    return { confidence: hits[0]?.confidence ?? 0, ids: new Set(hits.map((hit) => hit.entry.id)) };
  }

  function retrieveReadings(question: string): RetrievedEntry[] {
    const best = new Map<string, RetrievedEntry>();
    for (const { text, within } of readings(question, topicality)) {
      for (const hit of retriever.retrieve(text, candidateCount)) {
        if (within && !within.has(hit.entry.id)) continue;
        const known = best.get(hit.entry.id);
        if (!known || hit.rank > known.rank) best.set(hit.entry.id, hit);
      }
    }
    return [...best.values()].sort((left, right) => right.rank - left.rank).slice(0, candidateCount);
  }

  /**
   * The answer to give, or undefined to hand off. An entry not given yet in this conversation is answered
   * whole. An entry already given is never repeated: the next question gets the one clause of it that speaks
   * to it, unless that clause was the whole of an earlier reply, or the question is no follow-up ("I don't
   * have a gift receipt" rather than "And the Boulder store?") and an entry not given yet answers it nearly
   * as well.
   */
  function chooseAnswer(
    prompt: LanguageModelV4Prompt,
    candidates: readonly RetrievedEntry[],
    question: string,
    followUp: boolean,
  ): { entry: KnowledgeBaseEntry; answer: string; confidence: number } | undefined {
    const eligible = candidates.filter((candidate) => candidate.confidence >= minConfidence);
    const [top] = eligible;
    if (!top) return undefined;
    const earlierReplies = assistantTexts(prompt);
    const cited = (entry: KnowledgeBaseEntry) => earlierReplies.some((text) => text.includes(`[kb:${entry.id}]`));
    if (!cited(top.entry)) return { entry: top.entry, answer: top.entry.answer, confidence: top.confidence };
    const fresh = followUp ? undefined : eligible.find((candidate) => !cited(candidate.entry));
    if (fresh && fresh.confidence >= top.confidence * freshEntryShare) {
      return { entry: fresh.entry, answer: fresh.entry.answer, confidence: fresh.confidence };
    }
    for (const candidate of eligible) {
      if (!cited(candidate.entry))
        return { entry: candidate.entry, answer: candidate.entry.answer, confidence: candidate.confidence };
      const answer = focusedAnswer(candidate.entry, question);
      if (answer !== undefined && !earlierReplies.some((text) => text.startsWith(`${answer}\n`))) {
        return { entry: candidate.entry, answer, confidence: candidate.confidence };
      }
    }
    return undefined;
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

/** Entries each reading of a question brings as candidates. */
const candidateCount = 5;

/**
 * Share of the best entry's confidence at which an entry not yet given is preferred to one already given:
 * "I don't have a gift receipt" after the gift options answer is about store credit.
 */
const freshEntryShare = 0.9;

/** How far below the best entry's confidence a follow-up may still mean the entry the last answer gave. */
const followUpTieMargin = 0.05;

/**
 * IDF weight of matched words from which a follow-up names a topic of its own: about two words that only a
 * few entries use ("reserve", "pickup"), where "use ... online" or "after an hour" weigh half as much.
 */
const specificEvidence = 5;

/** Share of its own best confidence a follow-up read with the previous question must reach to be read so. */
const followUpShare = 0.8;

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
 * A short message that leans on the previous one: three words or fewer ("How long?"), "and ...", "what
 * about ...", "including ..." (or "y/e/et/und/en/ed ..." in other languages), one that opens by
 * acknowledging the last answer ("Great, ..."), or one with a pronoun like "it" or "that".
 */
function isFollowUp(question: string): boolean {
  const words = (question.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).map((word) => word.replace(/'.*$/, ''));
  if (words.length === 0 || words.length > 12) return false;
  // "How long?", "¿Y cuánto tarda?", "Quanto tempo tenho?": too short to stand alone.
  if (words.length <= 3) return true;
  const start = words.slice(0, 2).join(' ');
  if (
    /^(?:and|also|but|so|or|plus|including|even|except|only|what about|how about|same for|what if|y|e|et|und|en|ed)\b/.test(
      start,
    )
  ) {
    return true;
  }
  if (acknowledgementWords.has(words[0] ?? '')) return true;
  return refersBack(question);
}

/** A question of at most twelve words. */
function isShortQuestion(question: string): boolean {
  return question.trim().endsWith('?') && (question.match(/[\p{L}\p{N}]+/gu) ?? []).length <= 12;
}

/** A message with a pronoun that points back to what was said before ("Is that still possible?"). */
function refersBack(question: string): boolean {
  const words = (question.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).map((word) => word.replace(/'.*$/, ''));
  return words.length <= 12 && words.some((word) => backReferences.has(word));
}

const backReferences = new Set(['it', 'that', 'this', 'those', 'them', 'there', 'one']);

/** Text of every assistant message of the conversation, oldest first. */
function assistantTexts(prompt: LanguageModelV4Prompt): string[] {
  return prompt.flatMap((message) =>
    message.role === 'assistant'
      ? [message.content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n')]
      : [],
  );
}

/**
 * The ways a question is read: whole; without the acknowledgement that opens it ("Done, it worked.", "Good
 * to know, thanks. One more:", an order number), when that carries no topic of its own ("OK, store credit
 * is fine. Does it expire?" is about store credit); by its questions alone, when what it also states says
 * nothing the knowledge base knows ("I'm off to Patagonia in March. What jacket do you recommend?") or
 * points to the same entry; and, for a policy question, without the product it names.
 */
function readings(question: string, topical: (text: string) => Topicality): Reading[] {
  const sentences = question
    .split(/(?<=[.!?;:])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
  const result: Reading[] = [{ text: question }];
  let start = 0;
  while (
    start < sentences.length - 1 &&
    isAcknowledgement(sentences[start] ?? '') &&
    topical(sentences[start] ?? '').confidence < minTopicality.remark
  ) {
    start++;
  }
  if (start > 0) result.push({ text: sentences.slice(start).join(' ') });
  const asked = sentences.filter((sentence) => sentence.endsWith('?'));
  const stated = sentences.filter((sentence) => !sentence.endsWith('?')).join(' ');
  if (asked.length > 0 && stated !== '') {
    // What the message states must say nothing the knowledge base knows, or point to the entry the
    // question finds: "My travel agent recommended your rain shells. Which one is lightest?" is about rain
    // shells, not sleeping pads.
    const about = topical(stated);
    result.push({ text: asked.join(' '), within: about.confidence < minTopicality.statement ? undefined : about.ids });
  }
  const terms = tokenize(question);
  if (terms.some((term) => policyTerms.has(term)) && terms.some((term) => productTerms.has(term))) {
    result.push({ text: question.replace(/[\p{L}\p{N}'’]+/gu, (word) => (isProductWord(word) ? '' : word)) });
  }
  return result;
}

/** One way to read a question: a text, and the only entries it may find when it is not read whole. */
interface Reading {
  text: string;
  within?: ReadonlySet<string>;
}

/** How strongly a text on its own points to some entry, and the entries it points to. */
interface Topicality {
  confidence: number;
  ids: ReadonlySet<string>;
}

/**
 * Retrieval confidence below which a part of a message carries no topic and may be left out: an opening
 * acknowledgement that mentions something in passing ("Found the video, thanks."), and a statement beside a
 * question, which must say next to nothing the knowledge base knows.
 */
const minTopicality = { remark: 0.5, statement: 0.05 };

/** Words that open an acknowledgement of the previous answer ("Done, it worked.", "Found the video"). */
const acknowledgementOpeners = new Set([
  ...acknowledgementWords,
  'worked',
  'thank',
  'ha',
  'haha',
  'oh',
  'ah',
  'wow',
  'noted',
  'understood',
  'fine',
  'one',
  'see',
]);

/** A short remark without a question that opens with an acknowledgement, or an order number alone. */
function isAcknowledgement(sentence: string): boolean {
  if (sentence.includes('?')) return false;
  const words = (sentence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => word.replace(/'.*$/, ''));
  if (words.length === 0 || words.length > openingRemarkWords) return false;
  return acknowledgementOpeners.has(words[0] ?? '') || /^[a-z]{0,3}-?\d{3,}$/i.test(sentence.replace(/[.!,\s]+$/g, ''));
}

/**
 * Terms of the policies that hold for every product (returns, exchanges, refunds, warranty, repairs,
 * delivery and tracking): a question about one of them names a product only as the case in point, so it is
 * also read without it ("What's the warranty on your stoves?" asks about the warranty, "When will my
 * jacket arrive?" about delivery).
 */
const policyTerms = new Set(tokenize('return exchange refund warranty repair arrive track'));

/** Products and product families a policy question may name. */
const productTerms = new Set(
  tokenize(
    'jacket shell fleece coat trousers pants shirt socks gloves hat base layer boots shoes sneakers footwear ' +
      'tent sleeping bag pad mat stove poles backpack pack filter helmet harness rope gear clothes clothing',
  ),
);

function isProductWord(word: string): boolean {
  const terms = tokenize(word);
  return terms.length > 0 && terms.every((term) => productTerms.has(term));
}

/**
 * Splits a sentence of two main clauses joined by ", and", ", but" or ", so" ("We sell spare igniters ...
 * for our stoves, and a cleaning video is on each stove's product page."), when both parts are clauses of
 * five words or more rather than the last items of a list.
 */
function splitCompoundSentence(sentence: string): string[] {
  const parts = sentence.split(/,\s+(?=(?:and|but|so)\s)/);
  if (parts.length < 2 || parts.some((part) => (part.match(/[\p{L}\p{N}]+/gu) ?? []).length < 5)) return [sentence];
  return parts.map((part, index) => (index === 0 ? part : part.replace(/^(?:and|but|so)\s+/, '')));
}

/** Most words an opening remark has. */
const openingRemarkWords = 5;

/**
 * The clause of an entry's answer (a sentence, or a part of it between semicolons) that shares the most
 * terms with the question (the earlier one on a tie), or undefined when none does. One clause, so the
 * follow-up answer never reads as the same answer again.
 */
function focusedAnswer(entry: KnowledgeBaseEntry, question: string): string | undefined {
  const asked = new Set(tokenize(question));
  const clauses = entry.answer.split(/(?<=[.!?])\s+|;\s+/).flatMap(splitCompoundSentence);
  const ranked = clauses
    .map((clause, position) => ({
      position,
      clause,
      shared: new Set(tokenize(clause).filter((term) => asked.has(term))).size,
    }))
    .filter(({ shared }) => shared > 0)
    .sort((left, right) => right.shared - left.shared || left.position - right.position);
  const best = ranked[0]?.clause;
  if (best === undefined) return undefined;
  const sentence = best.charAt(0).toUpperCase() + best.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
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
