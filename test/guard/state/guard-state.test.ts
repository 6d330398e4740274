/**
 * The incremental guard: `checkIncremental`, carrying the state from turn to turn, decides exactly
 * what `check` decides reading the whole transcript from scratch, on random transcripts (suite
 * sentences and random mixes of repeats, hedges, fallbacks, figures, names and agent turns) and on
 * every suite case; and the state stays bounded however long the conversation.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseTranscript, type EvalCase, loadDataset, loadScope } from '../../../src/evals/index.js';
import {
  advanceGuardState,
  createGuard,
  type Guard,
  type GuardState,
  readTranscriptState,
  recentTurns,
  type Transcript,
  type TranscriptTurn,
} from '../../../src/guard/index.js';

const suitesDir = fileURLToPath(new URL('../../../evals/suites/', import.meta.url));
let cases: EvalCase[] = [];
let guards: Guard[] = [];
let userSentences: string[] = [];
let botSentences: string[] = [];

beforeAll(async () => {
  const files = readdirSync(suitesDir)
    .filter((name) => name.endsWith('.jsonl') && name !== 'store-scope.jsonl')
    .map((name) => `${suitesDir}${name}`);
  cases = (await loadDataset(files)).cases;
  const scope = await loadScope([`${suitesDir}store-scope.jsonl`]);
  guards = [createGuard({ scope: { utterances: scope.utterances.map((utterance) => utterance.text) } }), createGuard()];
  userSentences = [...new Set(cases.flatMap((c) => c.messages.filter((m) => m.role === 'user').map((m) => m.content)))];
  botSentences = [
    ...new Set(cases.flatMap((c) => c.messages.filter((m) => m.role === 'assistant').map((m) => m.content))),
  ];
});

const phaseOf = (turn: TranscriptTurn) => (turn.role === 'user' ? 'input' : 'output');

/** Every prefix judged both ways; returns the first prefix where they differ, or undefined. */
function firstDifference(guard: Guard, transcript: Transcript): string | undefined {
  let state: GuardState | undefined;
  for (let turn = 0; turn < transcript.length; turn++) {
    const prefix = transcript.slice(0, turn + 1);
    const incremental = guard.checkIncremental(prefix, phaseOf(transcript[turn]!), state);
    state = incremental.state;
    const scratch = guard.check(prefix, phaseOf(transcript[turn]!));
    if (JSON.stringify(incremental.decision) !== JSON.stringify(scratch)) return `decision at turn ${turn}`;
    if (JSON.stringify(state) !== JSON.stringify(readTranscriptState(prefix))) return `state at turn ${turn}`;
  }
  return undefined;
}

/** Random transcripts: suite sentences, the same question again (reworded or not), hedges, fallbacks, agents. */
const transcripts = (length: number) =>
  fc
    .array(
      fc.oneof(
        fc.record({ kind: fc.constant('user' as const), pick: fc.nat(), twist: fc.nat(5) }),
        fc.record({ kind: fc.constant('bot' as const), pick: fc.nat(), twist: fc.nat(5) }),
      ),
      { minLength: 1, maxLength: length },
    )
    .map((steps) => {
      const turns: TranscriptTurn[] = [];
      for (const { kind, pick, twist } of steps) {
        const earlier = turns.filter((turn) => turn.role === (kind === 'user' ? 'user' : 'assistant'));
        const pool = kind === 'user' ? userSentences : botSentences;
        let content = pool[pick % pool.length]!;
        if (twist === 1 && earlier.length > 0) content = earlier[pick % earlier.length]!.content;
        if (twist === 2 && earlier.length > 0)
          content = `${earlier[pick % earlier.length]!.content} again, ${pick % 97}`;
        if (twist === 3 && kind === 'bot') content = "I'm not sure I can help with that.";
        if (twist === 4) content = `${content} Order ${pick % 5} for Dana Smith`;
        const turn: TranscriptTurn = { role: kind === 'user' ? 'user' : 'assistant', content };
        if (kind === 'bot' && twist === 5) turn.fallback = true;
        if (kind === 'bot' && twist === 0 && pick % 7 === 0) turn.author = 'agent';
        turns.push(turn);
      }
      return turns;
    });

describe('incremental guard', () => {
  it('decides as a check from scratch on random transcripts', () => {
    fc.assert(
      fc.property(transcripts(14), fc.nat(1), (transcript, which) => {
        expect(firstDifference(guards[which]!, transcript)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('decides as a check from scratch beyond the recent turns', () => {
    fc.assert(
      fc.property(transcripts(2 * recentTurns + 20), (transcript) => {
        expect(firstDifference(guards[0]!, transcript)).toBeUndefined();
      }),
      { numRuns: 8 },
    );
  });

  it('decides as a check from scratch on every suite case', () => {
    const different = cases.flatMap((evalCase) =>
      guards.flatMap((guard, index) => {
        const found = firstDifference(guard, caseTranscript(evalCase));
        return found ? [`${evalCase.id} (guard ${index}): ${found}`] : [];
      }),
    );
    expect(cases.length).toBeGreaterThan(1000);
    expect(different).toEqual([]);
  });

  it('reads a transcript anew when the state is of another one', () => {
    fc.assert(
      fc.property(transcripts(10), transcripts(10), (first, second) => {
        const stale = advanceGuardState(undefined, first);
        expect(JSON.stringify(advanceGuardState(stale, second))).toBe(JSON.stringify(readTranscriptState(second)));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps a bounded state, plain data, however long the conversation', () => {
    let state: GuardState | undefined;
    const transcript: TranscriptTurn[] = [];
    const sizes: number[] = [];
    for (let pair = 0; pair < 300; pair++) {
      transcript.push({ role: 'user', content: `question ${pair}: where is order ${pair}?` });
      transcript.push({ role: 'assistant', content: `Order ${pair} ships tomorrow. I'm not sure about the time.` });
      state = advanceGuardState(state, transcript);
      sizes.push(JSON.stringify(state).length);
    }
    expect(state!.length).toBe(600);
    expect(state!.recent.length).toBe(recentTurns + 1);
    expect(state!.fallbacks).toBe(300);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(sizes.at(-1)!).toBeLessThan(1.1 * sizes[99]!);
  });

  it('counts a question asked again only among the recent turns', () => {
    const question = 'How do I change the delivery address of my order?';
    const filler = (index: number): TranscriptTurn[] => [
      { role: 'user', content: `Do you sell size ${index} running shoes in blue?` },
      { role: 'assistant', content: `Yes, size ${index} is in stock in blue.` },
    ];
    const build = (pairs: number): TranscriptTurn[] => [
      { role: 'user', content: question },
      { role: 'assistant', content: 'You can find that under My Orders.' },
      ...Array.from({ length: pairs }, (_, index) => filler(index)).flat(),
      { role: 'user', content: question },
    ];
    const repeat = (transcript: Transcript) =>
      guards[1]!.check(transcript, 'input').signals.some((signal) => signal.detail.startsWith('user repeated'));
    expect(repeat(build(3))).toBe(true);
    expect(repeat(build(recentTurns))).toBe(false);
  });
});
