import { type Bm25Options, createBm25Index } from './bm25.js';
import type { KnowledgeBase, KnowledgeBaseEntry } from './knowledge-base.js';

/** A knowledge base entry ranked for a query. */
export interface RetrievedEntry {
  entry: KnowledgeBaseEntry;
  /** Calibrated confidence in 0..1 that the entry answers the query. */
  confidence: number;
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
 * by how closely the query's words, stop words included, match one of the entry's questions, so that
 * "Where is my order?" prefers the entry that asks exactly that over one that merely mentions orders.
 */
export function createKnowledgeBaseRetriever(
  knowledgeBase: KnowledgeBase,
  options: KnowledgeBaseRetrieverOptions = {},
): KnowledgeBaseRetriever {
  const { answerWeight = 0.5, ...bm25Options } = options;
  const index = createBm25Index(
    knowledgeBase.map((entry) => [
      { text: [...entry.questions, entry.title, ...entry.tags].join('\n') },
      { text: entry.answer, weight: answerWeight },
    ]),
    bm25Options,
  );
  const questionWords = knowledgeBase.map((entry) => entry.questions.map(words));

  return {
    retrieve(query, limit = 5) {
      const queryWords = words(query);
      return index
        .search(query, Math.max(limit, 10))
        .map((hit) => {
          const phrase = Math.max(0, ...(questionWords[hit.index] ?? []).map((question) => dice(queryWords, question)));
          return { hit, rank: hit.score + phraseWeight * phrase };
        })
        .sort((left, right) => right.rank - left.rank)
        .slice(0, limit)
        .map(({ hit }) => ({ entry: knowledgeBase[hit.index] as KnowledgeBaseEntry, confidence: hit.score }));
    },
  };
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Sørensen-Dice overlap of two word sets, 0..1. */
function dice(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return (2 * shared) / (left.size + right.size);
}
