import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import { assistantTexts } from './conversation-texts.js';
import { focusedAnswer } from './focused-answer.js';
import { isFollowUp, isShortQuestion, refersBack } from './follow-up.js';
import type { KnowledgeBaseEntry } from './knowledge-base.js';
import type { KnowledgeBaseRetriever, RetrievedEntry } from './knowledge-base-retriever.js';
import { readings, type Topicality } from './question-readings.js';

/** An entry chosen to answer, with the text to give (the whole answer, or the one clause that speaks to it). */
export interface ChosenAnswer {
  entry: KnowledgeBaseEntry;
  answer: string;
  confidence: number;
}

/** Ranks the knowledge base entries for a question in its conversation, and picks the answer to give. */
export interface AnswerSelector {
  /**
   * The entries that may answer `question`, best first; `previous` is what the follow-up leans on (the
   * question before, or the chain of questions it continues) and `lastCited` the entry the last answer gave.
   */
  rank(question: string, previous: string | undefined, lastCited?: string): RetrievedEntry[];
  /** The answer to give from `candidates`, or undefined to hand off. */
  choose(
    prompt: LanguageModelV4Prompt,
    candidates: readonly RetrievedEntry[],
    question: string,
    followUp: boolean,
  ): ChosenAnswer | undefined;
}

/**
 * Builds the answer selection of the offline model over `retriever`: an entry answers when its confidence
 * reaches `minConfidence`.
 */
export function createAnswerSelector(retriever: KnowledgeBaseRetriever, minConfidence: number): AnswerSelector {
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
    if (refersBack(askedPart(question)) && !ownTopic && leansOnEarlier && earlier && combined) {
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
    const top = hits[0]?.entry.id;
    return {
      confidence: hits[0]?.confidence ?? 0,
      ids: new Set(hits.map((hit) => hit.entry.id)),
      ...(top ? { top } : {}),
    };
  }

  function retrieveReadings(question: string): RetrievedEntry[] {
    const best = new Map<string, RetrievedEntry>();
    for (const { text, within, about } of readings(question, topicality)) {
      const hits = retriever.retrieve(text, candidateCount);
      // The statement beside a question restricts it only when the two are about the same thing: the question
      // finds what the statement points to most, or its own best entry is one the statement points to. "I'm
      // going to Patagonia in March" names a brand, but "What jacket do you recommend?" asks for advice.
      const related =
        within !== undefined &&
        (hits.some((hit) => hit.entry.id === about) || (hits[0] !== undefined && within.has(hits[0].entry.id)));
      for (const hit of hits) {
        if (related && !within.has(hit.entry.id)) continue;
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
  ): ChosenAnswer | undefined {
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
  return { rank: rankedMatches, choose: chooseAnswer };
}

/**
 * The questions of a message without what it states around them ("Done, it worked. When will the refund show
 * up?" asks the second sentence, whose "it" would not point back), or the whole message when it asks none.
 */
function askedPart(question: string): string {
  const asked = question
    .split(/(?<=[.!?;:])\s+|\n+/)
    .filter((sentence) => sentence.trim().endsWith('?'))
    .join(' ');
  return asked === '' ? question : asked;
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
