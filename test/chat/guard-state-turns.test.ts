/**
 * The guard's state kept with the stored conversation: through `app.request()`, each turn's
 * guard decisions equal a from-scratch `guard.check` of the same transcript, the stored state is
 * the one a from-scratch read gives, the next turn reads it (a tampered but well-formed state
 * changes the decision), and a corrupt or stale state is rebuilt (the same decision as from scratch).
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { HandrailUIMessage } from '../../src/chat/conversation.js';
import { toTranscript } from '../../src/chat/transcript.js';
import {
  createGuard,
  decodeGuardState,
  type EncodedGuardState,
  type GuardDecision,
  readTranscriptState,
} from '../../src/guard/index.js';
import { createHandrailEngine } from '../../src/handrail.js';
import { createOfflineModel } from '../../src/model/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import type { Tracer } from '../../src/tracing/tracer.js';
import { chatBody, userMessage } from '../support/ui-stream.js';

const jsonAccept = { 'content-type': 'application/json', accept: 'application/json' };
const scratchGuard = createGuard();

interface Judged {
  phase: 'input' | 'output';
  decision: GuardDecision;
}

/** A tracer that records every guard decision of every turn. */
function recordingTracer(judged: Judged[]): Tracer {
  return {
    startTurn: () => ({
      guard: (phase, decision) => judged.push({ phase, decision }),
      handoff() {},
      prompt() {},
      end() {},
    }),
    flush: async () => {},
  };
}

function mount() {
  const store = createMemoryStore();
  const judged: Judged[] = [];
  const engine = createHandrailEngine({ model: createOfflineModel(), store, tracer: recordingTracer(judged) });
  const app = new Hono().route('/api', engine.app);
  let token: string | undefined;
  /** One user turn; answers the guard decisions of the turn. */
  const say = async (id: string, text: string): Promise<Judged[]> => {
    const before = judged.length;
    const response = await app.request('/api/chat', {
      method: 'POST',
      headers: { ...jsonAccept, ...(token ? { 'x-handrail-conversation-token': token } : {}) },
      body: chatBody(id, [userMessage(text)]),
    });
    expect(response.status).toBe(200);
    token ??= response.headers.get('x-handrail-conversation-token') ?? undefined;
    await response.json();
    return judged.slice(before);
  };
  return { store, say, app, token: () => token };
}

/** The turn's decisions equal `check` from scratch on the stored transcript; answers that transcript. */
async function expectScratchDecisions(store: Store, id: string, turn: Judged[]) {
  const stored = (await store.getConversation(id))!;
  const transcript = toTranscript(stored.messages);
  const lastUser = transcript.findLastIndex((entry) => entry.role === 'user');
  for (const { phase, decision } of turn) {
    const judgedTranscript = phase === 'input' ? transcript.slice(0, lastUser + 1) : transcript;
    expect(JSON.stringify(decision)).toBe(JSON.stringify(scratchGuard.check(judgedTranscript, phase)));
  }
  return { stored, transcript };
}

const questions = [
  'How long does standard shipping take?',
  'What payment methods do you accept?',
  'Can I change the delivery address of my order?',
  'How long does standard shipping take?',
  'Do you ship to Canada?',
  'What payment methods do you accept?',
];

describe('the guard state kept with the conversation', () => {
  it('decides every turn as a from-scratch check, and stores the state a from-scratch read gives', async () => {
    const { store, say, app, token } = mount();
    let guarded = 0;
    for (const question of questions) {
      const turn = await say('gs-turns', question);
      guarded += turn.length;
      const { stored, transcript } = await expectScratchDecisions(store, 'gs-turns', turn);
      if (stored.state !== 'bot') break;
      expect((stored.guardState as EncodedGuardState).n).toBe(transcript.length);
      expect(JSON.stringify(decodeGuardState(stored.guardState))).toBe(JSON.stringify(readTranscriptState(transcript)));
    }
    expect(guarded).toBeGreaterThanOrEqual(6);
    const read = await app.request('/api/conversations/gs-turns', {
      headers: { 'x-handrail-conversation-token': token()! },
    });
    expect(read.status).toBe(200);
    expect(await read.json()).not.toHaveProperty('guardState');
  });

  it('reads the stored state on the next turn: a well-formed but tampered one changes the decision', async () => {
    const { store, say } = mount();
    await say('gs-tamper', questions[0]!);
    const stored = (await store.getConversation('gs-tamper'))!;
    const state = stored.guardState as EncodedGuardState;
    // Five fallbacks the transcript never had: only a guard reading the stored state sees them.
    const tampered: EncodedGuardState = { ...state, f: 5, fb: [[1, '(fallback)']] };
    await store.putConversation({ ...stored, guardState: tampered }, stored.version);
    const [input] = await say('gs-tamper', questions[1]!);
    expect(input!.decision.reasons.map((signal) => signal.detail)).toContain('bot fell back 5 times');
    const transcript = toTranscript((await store.getConversation('gs-tamper'))!.messages);
    expect(scratchGuard.check(transcript.slice(0, 3), 'input').escalate).toBe(false);
  });

  it.each([
    ['garbage', 'not a state'],
    ['another version', { v: 99 }],
    ['a malformed one', { v: 1, n: 'two', r: [] }],
  ])('rebuilds %s and decides as from scratch', async (_name, corrupt) => {
    const { store, say } = mount();
    await say('gs-corrupt', questions[0]!);
    const stored = (await store.getConversation('gs-corrupt'))!;
    await store.putConversation({ ...stored, guardState: corrupt }, stored.version);
    const turn = await say('gs-corrupt', questions[3]!);
    expect(turn.length).toBeGreaterThan(0);
    const { transcript, stored: after } = await expectScratchDecisions(store, 'gs-corrupt', turn);
    if (after.state === 'bot') {
      expect(JSON.stringify(decodeGuardState(after.guardState))).toBe(JSON.stringify(readTranscriptState(transcript)));
    }
  });

  it('catches up with turns written underneath (an agent) and rebuilds a state longer than the transcript', async () => {
    const { store, say } = mount();
    await say('gs-stale', questions[0]!);
    let stored = (await store.getConversation('gs-stale'))!;
    const agent: HandrailUIMessage = {
      id: 'agent-1',
      role: 'assistant',
      parts: [{ type: 'text', text: 'An agent here: your order ships tomorrow.' }],
      metadata: { author: 'agent', createdAt: stored.updatedAt },
    };
    await store.putConversation({ ...stored, messages: [...stored.messages, agent] }, stored.version);
    let turn = await say('gs-stale', questions[2]!);
    let checked = await expectScratchDecisions(store, 'gs-stale', turn);
    expect(checked.transcript.some((entry) => entry.author === 'agent')).toBe(true);
    expect(JSON.stringify(decodeGuardState(checked.stored.guardState))).toBe(
      JSON.stringify(readTranscriptState(checked.transcript)),
    );

    stored = checked.stored;
    const longer = { ...(stored.guardState as EncodedGuardState), n: 40 };
    await store.putConversation({ ...stored, guardState: longer }, stored.version);
    turn = await say('gs-stale', questions[4]!);
    checked = await expectScratchDecisions(store, 'gs-stale', turn);
    expect(turn.length).toBeGreaterThan(0);
  });
});
