/**
 * Ordinary, in-scope questions that are new every time: scope utterances (the guard lets them
 * through) with a varying opening and closing, so no two texts are the same and no cache answers.
 * Deterministic.
 */

import { seededRandom } from '../src/evals/seeded-random.js';
import type { Guard } from '../src/guard/index.js';

const openings = ['', 'hi, ', 'hello, ', 'quick question: ', 'hey there, ', 'good morning, ', 'one more thing, '];
const closings = ['', ' please', ' thanks', '?', ' thank you', ', thanks a lot', ' if you can'];

/** The utterances the guard lets through in every opening and closing: no handoff among them. */
export function ordinaryUtterances(guard: Guard, utterances: readonly string[]): string[] {
  return utterances.filter((utterance) =>
    [utterance, `${openings[3]}${utterance}${closings[5]}`, `${openings[6]}${utterance}${closings[6]}`].every(
      (text) => !guard.check([{ role: 'user', content: text }], 'input').escalate,
    ),
  );
}

/**
 * Generator of new question texts from `groups` of utterances (one group per intent, the
 * utterances {@link ordinaryUtterances} lets through): `next(group)` draws from that group, or
 * from any; it never returns a text twice, and numbers the texts once the combinations run out.
 */
export function newQuestions(groups: readonly (readonly string[])[], seed = 21): { next(group?: number): string } {
  const kept = groups.filter((group) => group.length > 0);
  if (kept.length === 0) throw new Error('newQuestions needs at least one utterance');
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const seen = new Set<string>();
  let round = 0;
  return {
    next(group) {
      const base = group === undefined ? pick(kept) : kept[group % kept.length]!;
      for (let attempt = 0; ; attempt++) {
        const suffix = round > 0 ? ` (${round})` : '';
        const text = `${pick(openings)}${pick(base)}${pick(closings)}${suffix}`;
        if (!seen.has(text)) {
          seen.add(text);
          return text;
        }
        if (attempt > 200) round++;
      }
    },
  };
}

/** `utterances` grouped by their `intents` (same order), in first-seen order of the intents. */
export function groupByIntent(utterances: readonly string[], intents: readonly string[]): string[][] {
  const groups = new Map<string, string[]>();
  utterances.forEach((utterance, index) => {
    const intent = intents[index] ?? '';
    groups.set(intent, [...(groups.get(intent) ?? []), utterance]);
  });
  return [...groups.values()];
}

/** A new confident answer of the bench's kind, numbered so answers differ too. */
export function newAnswer(index: number): string {
  return `You can see that in the app under Accounts; transfers between your own accounts arrive within a minute (ref ${index}).`;
}

/**
 * CLINC150 banking intents left out of multi-turn conversations: each is close enough to another
 * (credit score / improve credit score, bill due / pay bill...) that asking both reads as the
 * same question asked twice, which the guard rightly hands off. The rest are unrelated questions.
 */
export const relatedIntents: ReadonlySet<string> = new Set([
  'improve_credit_score',
  'credit_limit_change',
  'pay_bill',
  'replacement_card_duration',
  'expiration_date',
  'redeem_rewards',
  'new_card',
]);

/**
 * The question groups of the realistic benchmark: the scope's utterances the guard lets through
 * ({@link ordinaryUtterances}), one group per intent, without {@link relatedIntents}.
 */
export function questionGroups(guard: Guard, scope: readonly { text: string; intent: string }[]): string[][] {
  const kept = scope.filter((line) => !relatedIntents.has(line.intent));
  const ordinary = new Set(
    ordinaryUtterances(
      guard,
      kept.map((line) => line.text),
    ),
  );
  const lines = kept.filter((line) => ordinary.has(line.text));
  return groupByIntent(
    lines.map((line) => line.text),
    lines.map((line) => line.intent),
  );
}
