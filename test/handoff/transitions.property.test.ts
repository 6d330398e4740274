import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HandoffReason, HandrailUIMessage } from '../../src/chat/conversation.js';
import { commitHandoffEvent } from '../../src/handoff/commit-handoff-event.js';
import { handoffPhaseOf, openHandoffPhases } from '../../src/handoff/handoff-phase.js';
import type { HandoffRequest } from '../../src/handoff/handoff-service.js';
import type { HandoffRouting, HandoffTransitionEvent } from '../../src/handoff/handoff-transition-event.js';
import { isRejected } from '../../src/handoff/handoff-transition-event.js';
import { isAllowedFrom, matchingRules, transitionTable } from '../../src/handoff/transition-table.js';
import { applyHandoffEvent } from '../../src/handoff/transitions.js';
import { silentLogger } from '../../src/logger.js';
import { createOutbox, type Notifier } from '../../src/notify/index.js';
import type { Team } from '../../src/routing/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { StoredConversation } from '../../src/store/store.js';

const start = new Date('2026-03-02T10:00:00.000Z');

const team: Team = {
  id: 'support',
  name: 'Support',
  skills: ['general'],
  topics: [],
  languages: ['en'],
  businessHours: { timeZone: 'UTC', weekly: { mon: [['09:00', '17:00']] }, holidays: [] },
  capacityPerAgent: 5,
  agents: [],
} as Team;

function userMessage(id: string, text: string): HandrailUIMessage {
  return { id, role: 'user', parts: [{ type: 'text', text }], metadata: { createdAt: start.toISOString() } };
}

function initialConversation(identity: boolean): StoredConversation {
  return {
    id: 'c1',
    version: 1,
    state: 'bot',
    createdAt: start.toISOString(),
    updatedAt: start.toISOString(),
    ...(identity ? { identity: { email: 'jane@example.com', name: 'Jane' } } : {}),
    messages: [userMessage('u0', 'I want to talk to a person about my order 12345')],
    handoff: null,
  };
}

const reason = fc.constantFrom<HandoffReason>(
  { reason: 'explicit_request', source: 'guard', detail: 'asked for a person' },
  { reason: 'crisis', source: 'guard', detail: 'crisis words' },
  { reason: 'negative_sentiment', source: 'guard', detail: 'angry' },
  { reason: 'model_decision', source: 'model', detail: 'the model asked' },
);

const routing: fc.Arbitrary<HandoffRouting> = fc.oneof(
  fc.constant({ route: null }),
  fc.record({
    route: fc.record({
      team: fc.constant(team),
      agent: fc.constant(null),
      available: fc.boolean(),
      why: fc.constant('test'),
      speaksLanguage: fc.option(fc.boolean(), { nil: undefined }),
      replyBy: fc.option(fc.constant(new Date('2026-03-02T12:00:00.000Z')), { nil: undefined }),
    }),
    etaSeconds: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
  }),
);

const agent = fc.constantFrom({ id: 'a1', name: 'Ann' }, { id: 'a2' });
const question = fc.option(fc.constant({ field: 'orderNumber', question: 'What is your order number?' }), {
  nil: undefined,
  freq: 2,
});

/** An event, given the conversation it will apply to (to name its handoff, or another one). */
type EventFor = (conversation: StoredConversation) => HandoffTransitionEvent;
const handoffIdOf = (current: boolean, conversation: StoredConversation) =>
  current ? (conversation.handoff?.id ?? 'none') : 'other';

const event: fc.Arbitrary<EventFor> = fc.oneof(
  fc
    .record({
      id: fc.constantFrom('h1', 'h2', 'h3'),
      reasons: fc.array(reason, { minLength: 1, maxLength: 2 }),
      urgency: fc.constantFrom('low', 'normal', 'high', 'critical' as const),
      question,
      routing,
    })
    .map(
      ({ id, reasons, urgency, question, routing }): EventFor =>
        () => ({
          type: 'escalate',
          handoffId: id,
          request: { reasons, urgency },
          ...(question ? { question } : {}),
          routing,
        }),
    ),
  fc.record({ current: fc.boolean(), next: question, routing }).map(
    ({ current, next, routing }): EventFor =>
      (conversation) => ({
        type: 'question_answered',
        handoffId: handoffIdOf(current, conversation),
        ...(next ? { nextQuestion: next } : {}),
        routing,
      }),
  ),
  fc.record({ current: fc.boolean(), email: fc.boolean() }).map(
    ({ current, email }): EventFor =>
      (conversation) => ({
        type: 'contact_submitted',
        handoffId: handoffIdOf(current, conversation),
        contact: email ? { email: 'joe@example.com', name: 'Joe' } : { name: 'Joe' },
        timeZone: 'UTC',
      }),
  ),
  agent.map(
    (who): EventFor =>
      () => ({ type: 'claim', agent: who }),
  ),
  agent.map(
    (who): EventFor =>
      () => ({ type: 'agent_message', agent: who, text: 'Hello, I am here.' }),
  ),
  fc.constantFrom('u0', 'u1', 'u2', 'u3').map(
    (id): EventFor =>
      () => ({ type: 'user_message', message: userMessage(id, `message ${id}`) }),
  ),
  fc.record({ reasons: fc.array(reason, { minLength: 1, maxLength: 2 }), routing }).map(
    ({ reasons, routing }): EventFor =>
      () => ({ type: 'raise_to_crisis', request: { reasons, urgency: 'critical' }, routing }),
  ),
  fc.array(reason, { maxLength: 2 }).map(
    (reasons): EventFor =>
      () => ({ type: 'brief_updated', reasons }),
  ),
  fc.record({ current: fc.boolean(), model: fc.boolean(), error: fc.boolean() }).map(
    ({ current, model, error }): EventFor =>
      (conversation) => ({
        type: 'brief_ready',
        handoffId: handoffIdOf(current, conversation),
        written: {
          brief: { summary: 'A summary.', source: model ? 'model' : 'extractive' } as never,
          source: model ? 'model' : 'extractive',
          ...(error && !model ? { error: 'timeout' } : {}),
        },
      }),
  ),
  agent.map(
    (who): EventFor =>
      () => ({ type: 'resolve_to_bot', agent: who }),
  ),
  agent.map(
    (who): EventFor =>
      () => ({ type: 'close', agent: who }),
  ),
);

const sequence = fc.record({ identity: fc.boolean(), events: fc.array(event, { minLength: 1, maxLength: 25 }) });

/** Checks one step; returns the conversation after it. */
function step(conversation: StoredConversation, makeEvent: EventFor, index: number): StoredConversation {
  const before = structuredClone(conversation);
  const input = makeEvent(conversation);
  let counter = 0;
  const now = new Date(start.getTime() + index * 60_000);
  const result = applyHandoffEvent(conversation, input, now, () => `id${index}x${counter++}`);
  // The input is never changed, accepted or not.
  expect(conversation).toEqual(before);
  const from = handoffPhaseOf(before);
  if (isRejected(result)) return conversation;
  // Only what the table allows from this phase is accepted, with exactly the row's notifications.
  expect(isAllowedFrom(input.type, from), `${input.type} from ${from}`).toBe(true);
  const to = handoffPhaseOf(result.conversation);
  const rows = matchingRules(input.type, from, to, result.notifications);
  expect(rows.length, `${input.type}: ${from} -> ${to} [${result.notifications.join(', ')}]`).toBe(1);
  if (input.type === 'claim') expect(['collecting', 'queued', 'awaiting_contact', 'ticket']).toContain(from);
  // Never two handoffs open: the past ones are all resolved, and an open one is not.
  const next = result.conversation;
  expect((next.pastHandoffs ?? []).every((past) => past.resolvedAt !== undefined)).toBe(true);
  if (openHandoffPhases.includes(to)) expect(next.handoff?.resolvedAt).toBeUndefined();
  return next;
}

describe('handoff transitions', () => {
  it('keep the invariants over random event sequences (pure)', () => {
    fc.assert(
      fc.property(sequence, ({ identity, events }) => {
        let conversation = initialConversation(identity);
        events.forEach((makeEvent, index) => {
          conversation = step(conversation, makeEvent, index);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('every row of the table is reached by some sequence', () => {
    const reached = new Set<number>();
    fc.assert(
      fc.property(sequence, ({ identity, events }) => {
        let conversation = initialConversation(identity);
        events.forEach((makeEvent, index) => {
          const input = makeEvent(conversation);
          const result = applyHandoffEvent(conversation, input, new Date(start.getTime() + index), () => `i${index}`);
          if (isRejected(result)) return;
          const from = handoffPhaseOf(conversation);
          const to = handoffPhaseOf(result.conversation);
          for (const row of matchingRules(input.type, from, to, result.notifications)) {
            reached.add(transitionTable.indexOf(row));
          }
          conversation = result.conversation;
        });
      }),
      { numRuns: 2000, seed: 17 },
    );
    // Rows random sequences reach rarely: a ticket opened without an email while collecting, then the
    // handoff completing with nobody available, then the email.
    const nobody: HandoffRouting = {
      route: { team, agent: null, available: false, why: 'test', replyBy: new Date('2026-03-02T12:00:00.000Z') },
    } as HandoffRouting;
    const question = { field: 'orderNumber', question: 'What is your order number?' };
    const request: HandoffRequest = {
      reasons: [{ reason: 'explicit_request', source: 'guard', detail: 'asked' }],
      urgency: 'normal',
    };
    for (const completion of ['question_answered', 'raise_to_crisis'] as const) {
      let conversation = initialConversation(false);
      const inputs: HandoffTransitionEvent[] = [
        { type: 'escalate', handoffId: 'h1', request, question, routing: nobody },
        { type: 'contact_submitted', handoffId: 'h1', contact: { name: 'Joe' }, timeZone: 'UTC' },
        completion === 'question_answered'
          ? { type: 'question_answered', handoffId: 'h1', routing: nobody }
          : { type: 'raise_to_crisis', request: { ...request, urgency: 'critical' }, routing: nobody },
        {
          type: 'contact_submitted',
          handoffId: 'h1',
          contact: { email: 'joe@example.com', name: 'Joe' },
          timeZone: 'UTC',
        },
      ];
      inputs.forEach((input, index) => {
        const result = applyHandoffEvent(conversation, input, new Date(start.getTime() + index), () => `j${index}`);
        if (isRejected(result)) return;
        const rows = matchingRules(
          input.type,
          handoffPhaseOf(conversation),
          handoffPhaseOf(result.conversation),
          result.notifications,
        );
        for (const row of rows) reached.add(transitionTable.indexOf(row));
        conversation = result.conversation;
      });
    }
    const missing = transitionTable.filter((_, index) => !reached.has(index));
    expect(missing.map((row) => `${row.event} (${row.when})`)).toEqual([]);
  });

  it('written through the store: versions grow by one per accepted event, the outbox gets exactly its notifications', async () => {
    await fc.assert(
      fc.asyncProperty(sequence, async ({ identity, events }) => {
        const store = createMemoryStore();
        const everything: Notifier = {
          name: 'all',
          deliver: async () => {},
          events: [
            'handoff.created',
            'handoff.claimed',
            'handoff.resolved',
            'ticket.created',
            'handoff.escalated',
            'handoff.brief_ready',
            'user_message.created',
          ],
        };
        const outbox = createOutbox({ store, notifiers: [everything], logger: silentLogger });
        const first = initialConversation(identity);
        await store.putConversation({ ...first, version: 0 }, null);
        let clockAt = start.getTime();
        let ids = 0;
        const context = {
          store,
          clock: () => {
            clockAt += 1000;
            return new Date(clockAt);
          },
          logger: silentLogger,
          generateId: () => `g${ids++}`,
          outbox,
          waitUntil: () => {},
        };
        for (const makeEvent of events) {
          const before = (await store.getConversation('c1'))!;
          const deliveriesBefore = (await store.listDeliveries()).length;
          const made = makeEvent(before);
          // Each handoff its own id, so that its events are its own in the outbox.
          const input = made.type === 'escalate' ? { ...made, handoffId: `h${ids++}` } : made;
          const { stored, accepted } = await commitHandoffEvent(context, 'c1', input);
          const after = (await store.getConversation('c1'))!;
          const all = await store.listDeliveries();
          const earlier = all.slice(0, deliveriesBefore).map((delivery) => delivery.type);
          const added = all.slice(deliveriesBefore).map((delivery) => delivery.type);
          if (!accepted) {
            expect(after).toEqual(before);
            expect(added).toEqual([]);
            continue;
          }
          expect(after.version).toBe(before.version + 1);
          expect(stored?.version).toBe(after.version);
          // Exactly the transition's notifications are written with it, except an event the outbox holds
          // already (the same event built again has the same delivery id and is stored once).
          expect(added).toEqual(accepted.notifications.filter((type) => added.includes(type)));
          for (const type of accepted.notifications) expect(added.includes(type) || earlier.includes(type)).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });
});
