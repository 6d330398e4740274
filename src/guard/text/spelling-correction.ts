import type { Lexicon } from '../lexicon/lexicon.js';
import { latinPhraseWords } from '../lexicon/lexicon-vocabulary.js';
import spellingModel from '../model/spelling-model.json' with { type: 'json' };
import { boundedMemo } from './bounded-memo.js';
import { frontDecode } from './front-coding.js';
import { guardPattern } from './guard-pattern.js';
import { editDistance, isDerivation, isInflection } from './typo-correction.js';

/** A word the corrector corrects to or from: Latin letters only, four or more (three for a dropped letter). */
export const spellingTargetPattern = /^[a-z]{4,24}$/;
const candidateToken = guardPattern(/(?<![\p{L}\p{N}'-])[a-z]{3,24}(?![\p{L}\p{N}'-])/gu);

/** The words misspellings are corrected to: the English lexicon's Latin words of four letters or more, sorted. */
export function spellingTargets(lexicons: readonly Lexicon[]): string[] {
  const english = lexicons.filter((lexicon) => lexicon.language === 'en');
  return [...latinPhraseWords(english)].filter((word) => spellingTargetPattern.test(word)).sort();
}

/** What the corrector knows (`scripts/build-spelling-model.ts` writes the built-in one). */
export interface SpellingModel {
  /** Words misspellings are corrected to: the English lexicon's words. */
  targets: readonly string[];
  /** Real words one edit from a target, never corrected ("persona", "sitting", "prison"). */
  protected: readonly string[];
}

/** The word and every word one letter shorter. */
function deletions(word: string): string[] {
  const result = [word];
  for (let index = 0; index < word.length; index++) result.push(word.slice(0, index) + word.slice(index + 1));
  return result;
}

/** How `token` becomes `target` in one edit: 0 for a letter changed or two swapped, 1 for one dropped or added, undefined for more. */
function editKind(token: string, target: string): number | undefined {
  if (editDistance(token, target, 1) > 1) return undefined;
  return token.length === target.length ? 0 : 1;
}

/**
 * The targets one edit from a word (a letter changed, dropped, added, or two swapped), found
 * through a deletion index: a word costs a few map lookups, whatever the number of targets. A
 * three-letter word reaches only four-letter targets, by a dropped letter ("tlk" of "talk").
 */
export function deletionNeighbours(targets: readonly string[]): (word: string) => string[] {
  const index = new Map<string, string[]>();
  for (const target of targets) {
    for (const deleted of new Set(deletions(target))) {
      const list = index.get(deleted);
      if (list) list.push(target);
      else index.set(deleted, [target]);
    }
  }
  return (word) => {
    const found = new Set<string>();
    for (const deleted of word.length === 3 ? [word] : deletions(word)) {
      for (const target of index.get(deleted) ?? []) {
        if (target !== word && (word.length > 3 || target.length === 4) && editKind(word, target) !== undefined)
          found.add(target);
      }
    }
    return [...found];
  };
}

/**
 * Builds a corrector of misspelled lexicon words in normalized text ("tlk to a hunan" reads "talk
 * to a human", "refnud" reads "refund"): a Latin word that is neither a target nor a protected real
 * word, one edit from exactly one target (a change or swap preferred to a dropped or added letter),
 * becomes that target. An inflection or derivation of a target stays ("charges", "withdraw"); a
 * word two targets are equally near stays as it is.
 */
export function createSpellingCorrector(model: SpellingModel): (normalized: string) => string {
  const targets = new Set(model.targets);
  const guarded = new Set(model.protected);
  const neighbours = deletionNeighbours(model.targets);
  const corrected = boundedMemo((token: string) => nearest(token, neighbours(token)) ?? token, 10_000);
  const correct = (token: string): string => (targets.has(token) || guarded.has(token) ? token : corrected(token));
  return (normalized) => normalized.replace(candidateToken, correct);
}

function nearest(token: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestKind = Number.POSITIVE_INFINITY;
  let tied = false;
  for (const target of candidates) {
    if (isInflection(token, target) || isInflection(target, token) || isDerivation(token, target)) return undefined;
    const kind = editKind(token, target)!;
    if (kind < bestKind) {
      best = target;
      bestKind = kind;
      tied = false;
    } else if (kind === bestKind) tied = true;
  }
  return tied ? undefined : best;
}

const builtInModel: SpellingModel = {
  targets: spellingModel.targets.split(' ').filter(Boolean),
  protected: frontDecode(spellingModel.protected),
};
let builtIn: ((normalized: string) => string) | undefined;

/** Corrects misspelled words of the English lexicon in normalized text (see {@link createSpellingCorrector}). */
export function correctSpelling(normalized: string): string {
  builtIn ??= createSpellingCorrector(builtInModel);
  return builtIn(normalized);
}
