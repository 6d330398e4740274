import { TfIdfIndex } from '../guard/text/tfidf-index.js';
import type { KnowledgeBaseRetriever } from '../model/offline/knowledge-base-retriever.js';

/** Why a handoff counts as one the bot caused. */
export const gapCauses = ['low_confidence', 'out_of_scope', 'repeat_failure', 'needless'] as const;
export type GapCause = (typeof gapCauses)[number];

/** A handoff the bot caused, with the customer's triggering question. */
export interface GapHandoff {
  conversationId: string;
  handoffId: string;
  question: string;
  /** ISO time of the handoff. */
  at: string;
  causes: GapCause[];
}

/** The knowledge-base entry that came closest to a topic's central question. */
export interface ClosestEntry {
  id: string;
  title: string;
  confidence: number;
  /** Whether the retriever is confident enough that the entry answers the question. */
  answers: boolean;
}

/** A group of similar handoffs. */
export interface HandoffTopic {
  /** The most central question of the group (highest mean similarity to the others). */
  name: string;
  count: number;
  /** Handoffs in the last 7 days, and the 7 days before. */
  thisWeek: number;
  lastWeek: number;
  trend: 'rising' | 'falling' | 'steady';
  causes: Partial<Record<GapCause, number>>;
  /** Up to three other questions of the group, most central first. */
  examples: string[];
  conversationIds: string[];
  /** Null when no knowledge base is known or no entry shares a word. */
  closestEntry: ClosestEntry | null;
}

/** Options of {@link clusterHandoffTopics}. */
export interface ClusterTopicsOptions {
  now: Date;
  /** Mean similarity (0..1) a question needs to the questions of a group to join it. @default 0.15 */
  threshold?: number;
  retriever?: KnowledgeBaseRetriever;
  /** Retriever confidence from which an entry counts as answering. @default 0.5 */
  minConfidence?: number;
}

/**
 * The pairwise similarity of texts with the guard's own TF-IDF vectors (stemmed words, their
 * bigrams and character 3- and 4-grams), symmetrised.
 */
export function similarityMatrix(texts: readonly string[]): number[][] {
  const index = new TfIdfIndex(texts);
  const matrix = texts.map(() => new Array<number>(texts.length).fill(0));
  texts.forEach((text, row) => {
    for (const { document, similarity } of index.search(text, texts.length)) matrix[row]![document] = similarity;
  });
  for (let row = 0; row < texts.length; row++) {
    matrix[row]![row] = 1;
    for (let column = row + 1; column < texts.length; column++) {
      const mean = (matrix[row]![column]! + matrix[column]![row]!) / 2;
      matrix[row]![column] = mean;
      matrix[column]![row] = mean;
    }
  }
  return matrix;
}

/**
 * Groups handoffs by topic: questions in order of centrality (mean similarity to all) join the
 * first group whose members they resemble on average at least `threshold`, or start a new one (0.15 by default: the word and character n-gram cosine of paraphrases of one short question is mostly 0.15 to 0.6, of unrelated ones under 0.06).
 * Each group is named by its most central question and carries counts, the week-on-week trend,
 * examples and the closest knowledge-base entry. Largest groups first. Pure and deterministic.
 */
export function clusterHandoffTopics(items: readonly GapHandoff[], options: ClusterTopicsOptions): HandoffTopic[] {
  if (items.length === 0) return [];
  const { threshold = 0.15 } = options;
  const matrix = similarityMatrix(items.map((item) => item.question));
  const centrality = matrix.map((row) => row.reduce((sum, value) => sum + value, 0));
  const order = items.map((_, index) => index).sort((a, b) => centrality[b]! - centrality[a]! || a - b);
  const groups: number[][] = [];
  for (const index of order) {
    let best: number[] | undefined;
    let bestScore = threshold;
    for (const group of groups) {
      const score = group.reduce((sum, member) => sum + matrix[index]![member]!, 0) / group.length;
      if (score >= bestScore) {
        best = group;
        bestScore = score;
      }
    }
    if (best) best.push(index);
    else groups.push([index]);
  }
  return groups
    .map((group) => describeTopic(group, items, matrix, options))
    .sort((a, b) => b.count - a.count || b.thisWeek - a.thisWeek || a.name.localeCompare(b.name));
}

function describeTopic(
  group: number[],
  items: readonly GapHandoff[],
  matrix: number[][],
  { now, retriever, minConfidence = 0.5 }: ClusterTopicsOptions,
): HandoffTopic {
  const central = group
    .map((index) => ({ index, score: group.reduce((sum, other) => sum + matrix[index]![other]!, 0) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ index }) => items[index]!);
  const week = 7 * 86_400_000;
  const age = (item: GapHandoff) => now.getTime() - Date.parse(item.at);
  const thisWeek = central.filter((item) => age(item) < week).length;
  const lastWeek = central.filter((item) => age(item) >= week && age(item) < 2 * week).length;
  const causes: Partial<Record<GapCause, number>> = {};
  for (const item of central) for (const cause of item.causes) causes[cause] = (causes[cause] ?? 0) + 1;
  const name = central[0]!.question;
  const hit = retriever?.retrieve(name, 1)[0];
  return {
    name,
    count: central.length,
    thisWeek,
    lastWeek,
    trend: thisWeek > lastWeek ? 'rising' : thisWeek < lastWeek ? 'falling' : 'steady',
    causes,
    examples: [...new Set(central.slice(1).map((item) => item.question))].filter((text) => text !== name).slice(0, 3),
    conversationIds: [...new Set(central.map((item) => item.conversationId))],
    closestEntry: hit
      ? {
          id: hit.entry.id,
          title: hit.entry.title,
          confidence: Math.round(hit.confidence * 1000) / 1000,
          answers: hit.confidence >= minConfidence,
        }
      : null,
  };
}
