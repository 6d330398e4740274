import { words as splitWords } from '../../text/words.js';
import { type Bm25Options, createBm25Index } from './bm25.js';
import { contextTerms } from './context-words.js';
import type { KnowledgeBase, KnowledgeBaseEntry } from './knowledge-base.js';
import { tokenize } from './tokenize.js';

/** A knowledge base entry ranked for a query. */
export interface RetrievedEntry {
  entry: KnowledgeBaseEntry;
  /** Calibrated confidence in 0..1 that the entry answers the query. */
  confidence: number;
  /** Ranking score: the confidence plus a small bonus for wording close to one of the entry's questions. */
  rank: number;
  /** IDF weight of the query words the entry contains (see `Bm25Hit.evidence`). */
  evidence: number;
}

/** Finds the knowledge base entries that answer a question. */
export interface KnowledgeBaseRetriever {
  /** Entries sharing words with the query, best first. */
  retrieve(query: string, limit?: number): RetrievedEntry[];
}

/** Options of {@link createKnowledgeBaseRetriever}: the BM25 tuning, and how much the answer text counts. */
export interface KnowledgeBaseRetrieverOptions extends Bm25Options {
  /**
   * Weight of the answer text beside the questions, title and tags (which count fully): a query word found
   * only in the answer earns this share of a full match. 0 leaves answers out of the index.
   * @default 0.5
   */
  answerWeight?: number;
}

/** Weight of the whole-question word overlap that breaks near-ties between BM25 hits. */
const phraseWeight = 0.1;

/**
 * Ranks knowledge base entries with BM25F over each entry's questions, title and tags, and at a lower weight
 * its answer (so a question about a fact the answer states still finds it). Near-ties are broken
 * by how closely the query's words, stop words included, and its terms match one of the entry's questions,
 * so that "Where is my order?" (and "¿Dónde está mi pedido?", whose only term is the same) prefers the
 * entry that asks exactly that over one that merely mentions orders.
 */
export function createKnowledgeBaseRetriever(
  knowledgeBase: KnowledgeBase,
  options: KnowledgeBaseRetrieverOptions = {},
): KnowledgeBaseRetriever {
  const { answerWeight = 0.5, contextTerms: sceneTerms = contextTerms, ...bm25Options } = options;
  const index = createBm25Index(
    knowledgeBase.map((entry) => [
      { text: [...entry.questions, entry.title, ...entry.tags].join('\n') },
      { text: entry.answer, weight: answerWeight },
    ]),
    { ...bm25Options, contextTerms: sceneTerms },
  );
  const entryQuestionWords = knowledgeBase.map((entry) => entry.questions.map(words));
  const questionTerms = knowledgeBase.map((entry) => entry.questions.map((question) => new Set(tokenize(question))));

  return {
    retrieve(query, limit = 5) {
      const queryWords = words(query);
      const queryTerms = new Set(tokenize(query));
      return index
        .search(query, Math.max(limit, 10))
        .map((hit) => {
          const questions = entryQuestionWords[hit.index] ?? [];
          const terms = questionTerms[hit.index] ?? [];
          const phrase = Math.max(
            0,
            ...questions.map((question, position) => {
              const termOverlap = dice(queryTerms, terms[position] ?? new Set());
              return (dice(queryWords, question) + termOverlap / 2) / 1.5;
            }),
          );
          return { hit, rank: hit.score + phraseWeight * phrase };
        })
        .sort((left, right) => right.rank - left.rank)
        .slice(0, limit)
        .map(({ hit, rank }) => ({
          entry: knowledgeBase[hit.index] as KnowledgeBaseEntry,
          confidence: hit.score,
          rank,
          evidence: hit.evidence,
        }));
    },
  };
}

/** Question words of Spanish, Portuguese, French, German, Italian and Dutch, for the phrase tie-break. */
const questionWords = new Map(
  Object.entries({
    where: 'donde onde ou wo dove dov waar',
    when: 'cuando quando quand wann wanneer',
    how: 'como comment wie come hoe',
    what: 'que qual quel quelle quoi was cosa wat',
    which: 'cual quais quels quelles welche welcher welches quale quali welke',
  }).flatMap(([english, forms]) => forms.split(' ').map((form) => [form, english] as const)),
);

/** The words of a text, accent-folded, with the question words of other languages in English. */
function words(text: string): Set<string> {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return new Set(splitWords(folded, { apostrophes: 'split' }).map((word) => questionWords.get(word) ?? word));
}

/** Sørensen-Dice overlap of two word sets, 0..1. */
function dice(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return (2 * shared) / (left.size + right.size);
}
