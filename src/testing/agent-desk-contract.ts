import type { AgentDesk } from '../desks/agent-desk.js';
import { reasonWords } from '../desks/reason-words.js';
import type { Store } from '../store/store.js';

/**
 * A desk under test, with its world: the engine it is connected to and a local fake of the desk's
 * service, driven the way its people would drive it.
 */
export interface AgentDeskHarness {
  desk: AgentDesk;
  /** The engine the desk is connected to (`createHandrailEngine({ desks: [desk] })`). */
  engine: { store: Store; idle(): Promise<void>; flushOutbox(): Promise<unknown> };
  /** Moves the engine's clock forward (outbox retries fall due by time). */
  advance(ms: number): void;
  /** Waits for the fake's own requests in flight (webhooks it sent). */
  settle?(): Promise<void>;
  /** The customer writes, where this desk's customers write; resolves with Handrail's conversation id. */
  customerWrites(text: string, conversationId?: string): Promise<string>;
  /** Each time the handoff's brief was posted to the desk, as the agents read it (text). */
  handoffPosts(conversationId: string): Promise<string[]>;
  agentClaims(conversationId: string): Promise<void>;
  agentReplies(conversationId: string, text: string): Promise<void>;
  /** What the customer received from people, oldest first. */
  customerReceived(conversationId: string): Promise<string[]>;
  /** The agent hands the conversation back to the bot. */
  agentHandsBack(conversationId: string): Promise<void>;
  /** Makes the desk's service unreachable (true) or reachable again (false). */
  setDeskDown(down: boolean): void;
  close(): Promise<void>;
}

/** The test functions of the runner (vitest, node:test, jest, mocha); the contract asserts by itself. */
export interface ContractRunner {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>, timeoutMs?: number): void;
}

/**
 * The contract every `AgentDesk` passes: it is a notifier with routes, connects to one engine, takes
 * a handoff round trip (the customer asks, the brief appears, an agent claims and answers, the
 * customer receives it, back to the bot), shows a handoff once however often the outbox delivers it,
 * and never loses a handoff while the desk is down. Assertions throw plain errors, so any runner works.
 *
 * @example
 * import { describe, it } from 'vitest';
 * import { testAgentDesk } from 'handrail/testing';
 * testAgentDesk('Zendesk desk', makeZendeskHarness, { describe, it });
 */
export function testAgentDesk(
  name: string,
  makeHarness: () => Promise<AgentDeskHarness>,
  runner: ContractRunner,
): void {
  const { describe, it } = runner;
  const withHarness = (body: (harness: AgentDeskHarness) => Promise<void>) => async () => {
    const harness = await makeHarness();
    try {
      await body(harness);
    } finally {
      await harness.close();
    }
  };

  describe(`${name} (agent desk contract)`, () => {
    it('is a notifier with routes, connected to one engine only', withHarness(checkNotifierWithRoutes));
    it('takes a handoff round trip', withHarness(checkRoundTrip), 30_000);
    it('shows a handoff once however often the outbox delivers it', withHarness(checkShownOnce), 30_000);
    it('never loses a handoff while the desk is down', withHarness(checkKeptWhileDown), 30_000);
  });
}

async function checkNotifierWithRoutes({ desk }: AgentDeskHarness): Promise<void> {
  check(typeof desk.name === 'string' && desk.name.length > 0, 'the desk has a name');
  check(typeof desk.deliver === 'function', 'the desk delivers notifications');
  check(typeof desk.routes?.fetch === 'function', 'the desk has Hono routes');
  let refused = false;
  try {
    desk.connect({} as never);
  } catch {
    refused = true;
  }
  check(refused, 'connecting the desk to a second engine throws');
}

/** The customer asks, the brief appears, an agent claims and answers, the customer receives it, back to the bot. */
async function checkRoundTrip(harness: AgentDeskHarness): Promise<void> {
  const id = await harness.customerWrites('I want to talk to a person, please');
  await settle(harness);
  const [brief] = await harness.handoffPosts(id);
  check(brief !== undefined, 'the handoff is posted to the desk');
  check(brief!.includes(reasonWords.explicit_request), `the brief says why in plain words: ${brief}`);
  check((await state(harness, id)) === 'queued', 'the conversation waits for a person');

  await harness.agentClaims(id);
  await settle(harness);
  const claimed = await harness.engine.store.getConversation(id);
  check(claimed?.state === 'assigned' || claimed?.state === 'human', `claimed, got ${claimed?.state}`);
  check(Boolean(claimed?.handoff?.agentId), 'the handoff records who claimed it');

  await harness.agentReplies(id, 'Hello, I am here to help you with that.');
  await settle(harness);
  const received = await harness.customerReceived(id);
  check(
    received.some((text) => text.includes('here to help you')),
    `the customer received the reply: ${received}`,
  );
  const withAgent = await harness.engine.store.getConversation(id);
  check(Boolean(withAgent?.messages.some((message) => message.metadata?.author === 'agent')), 'Handrail has the reply');

  await harness.agentHandsBack(id);
  await settle(harness);
  check((await state(harness, id)) === 'bot', 'the bot has the conversation again');
  await harness.customerWrites('How long does shipping take?', id);
  await settle(harness);
  check((await state(harness, id)) === 'bot', 'the bot answers the next message');
  check((await harness.handoffPosts(id)).length === 1, 'no new handoff was posted');
}

async function checkShownOnce(harness: AgentDeskHarness): Promise<void> {
  const id = await harness.customerWrites('Can I speak to a human?');
  await settle(harness);
  const deliveries = await harness.engine.store.listDeliveries();
  const created = deliveries.find(
    (delivery) => delivery.notifier === harness.desk.name && delivery.type === 'handoff.created',
  );
  check(created?.status === 'delivered', 'the handoff was delivered');
  await harness.desk.deliver(created!, { signal: AbortSignal.timeout(10_000) });
  await settle(harness);
  check((await harness.handoffPosts(id)).length === 1, 'the brief is posted once');
}

async function checkKeptWhileDown(harness: AgentDeskHarness): Promise<void> {
  // The desk's API is down; the customer's message still reaches Handrail.
  harness.setDeskDown(true);
  const id = await harness.customerWrites('I need a person now');
  await settle(harness);
  check((await state(harness, id)) === 'queued', 'the handoff waits in Handrail');
  const queue = await harness.engine.store.listConversations({ states: ['queued'] });
  check(
    queue.some((summary) => summary.id === id),
    "the handoff is in Handrail's queue and console",
  );
  const pending = (await harness.engine.store.listDeliveries()).filter(
    (delivery) => delivery.notifier === harness.desk.name && delivery.type === 'handoff.created',
  );
  check(pending.length === 1 && pending[0]!.status === 'pending', 'its delivery is kept for a retry');
  harness.setDeskDown(false);
  harness.advance(10 * 60_000);
  await settle(harness);
  check((await harness.handoffPosts(id)).length === 1, 'the handoff is posted once the desk is back');
}

async function settle(harness: AgentDeskHarness) {
  for (let round = 0; round < 6; round++) {
    await harness.settle?.();
    await harness.engine.idle();
    await harness.engine.flushOutbox();
  }
  await harness.settle?.();
  await harness.engine.idle();
}

async function state(harness: AgentDeskHarness, id: string) {
  return (await harness.engine.store.getConversation(id))?.state;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`Agent desk contract: ${message}`);
}
