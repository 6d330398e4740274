/**
 * Two Handrail server processes on one Postgres, checked through HTTP only: live events cross
 * instances both ways (through LISTEN/NOTIFY: the instances poll only once a minute), races
 * between instances give one winner, both flush the outbox without sending a delivery twice in
 * one attempt, and the rate limit counts both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerInstance, startWebhookReceiver, type WebhookReceiver } from '../../load/instances.js';
import { runMultiInstanceLoad } from '../../load/multi-instance-run.js';
import { type PostgresServer, postgresAvailable, startPostgresServer } from '../support/postgres-server.js';

const available = postgresAvailable();
const agents = { alex: 'alex-token-0123456789abcdef', sam: 'sam-token-0123456789abcdefg' };
const secret = `whsec_${Buffer.from('multi-instance-webhook-secret-32b').toString('base64')}`;
const rateLimit = 10;

let postgres: PostgresServer | undefined;
let receiver: WebhookReceiver;
const processes: ServerInstance[] = [];
const instances: Instance[] = [];
let run = 0;

beforeAll(async () => {
  if (!available) return;
  postgres = await startPostgresServer();
  const url = await postgres.createDatabase('multi_instance');
  receiver = await startWebhookReceiver();
  const env = {
    DATABASE_URL: url,
    PG_SCHEMA: 'handrail',
    WEBHOOK_URL: receiver.url,
    WEBHOOK_SECRET: secret,
    AGENT_TOKENS: Object.entries(agents)
      .map(([id, token]) => `${id}:${token}`)
      .join(','),
    RATE_LIMIT: String(rateLimit),
  };
  // Started together: the second waits on the migration lock, then finds the schema ready.
  processes.push(new ServerInstance(env), new ServerInstance(env));
  const bases = await Promise.all(processes.map((instance) => instance.start()));
  instances.push(...bases.map((base) => ({ base })));
}, 90_000);

afterAll(async () => {
  await Promise.all(processes.map((instance) => instance.kill()));
  await receiver?.close();
  await postgres?.stop();
});

describe.skipIf(!available)('two instances on one Postgres', () => {
  it('streams the agent message posted on B to the user on A, and the user message sent to A to the agent on B', async () => {
    const [a, b] = instances as [Instance, Instance];
    const { id, token } = await escalate(a.base, 'I want to talk to a human');
    const userEvents = openEvents(`${a.base}/api/conversations/${id}/events`, { [tokenHeader]: token });
    const agentEvents = openEvents(`${b.base}/api/agent/conversations/${id}/events?token=${agents.alex}`);
    try {
      await Promise.all([userEvents.connected, agentEvents.connected]);
      expect((await agentCall(b.base, id, '/claim', agents.alex)).status).toBe(200);
      const postedAt = Date.now();
      expect((await agentCall(b.base, id, '/messages', agents.alex, { text: 'Alex here, from B.' })).status).toBe(201);
      const toUser = await userEvents.next((event) => event.event === 'message' && event.data.includes('from B'));
      const userLatency = Date.now() - postedAt;

      const sentAt = Date.now();
      const reply = await chat(a.base, id, token, 'Thanks, it is order 1234.');
      expect(reply.status).toBe(200);
      const toAgent = await agentEvents.next((event) => event.event === 'message' && event.data.includes('order 1234'));
      const agentLatency = Date.now() - sentAt;
      expect(toUser.data).toContain('Alex here');
      expect(toAgent.data).toContain('order 1234');
      // Far under the instances' 60 s poll (with room for a loaded CI machine): the change feed carried them.
      expect(userLatency).toBeLessThan(10_000);
      expect(agentLatency).toBeLessThan(10_000);
      console.info(`multi-instance: event B->A ${userLatency} ms, A->B ${agentLatency} ms (includes the POST)`);
    } finally {
      userEvents.close();
      agentEvents.close();
    }
  });

  it('gives one of two claims on different instances the conversation', async () => {
    const [a, b] = instances as [Instance, Instance];
    for (let round = 0; round < 5; round++) {
      const { id } = await escalate(a.base, 'Please get me a human agent');
      const answers = await Promise.all([
        agentCall(a.base, id, '/claim', agents.alex),
        agentCall(b.base, id, '/claim', agents.sam),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      const winner = answers[0]!.status === 200 ? 'alex' : 'sam';
      const view = (await (await agentCall(b.base, id, '', agents.sam, undefined, 'GET')).json()) as {
        conversation: { handoff: { agentId: string } };
      };
      expect(view.conversation.handoff.agentId).toBe(winner);
    }
  });

  it('opens one handoff for two escalations of one conversation on different instances', async () => {
    const [a, b] = instances as [Instance, Instance];
    const ids: string[] = [];
    for (let round = 0; round < 5; round++) {
      const { id, token } = await startConversation(a.base, 'Hello there');
      ids.push(id);
      const answers = await Promise.all([
        chat(a.base, id, token, 'I want to talk to a human now'),
        chat(b.base, id, token, 'Get me a real person please'),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      const view = (await (await agentCall(a.base, id, '', agents.alex, undefined, 'GET')).json()) as {
        conversation: { pastHandoffs?: unknown[]; handoff: { id: string } | null };
      };
      expect(view.conversation.handoff).not.toBeNull();
      expect(view.conversation.pastHandoffs ?? []).toEqual([]);
    }
    // One handoff.created notification per conversation, under one webhook id.
    const settled = await waitFor(() => ids.every((id) => receiver.accepted(id, 'handoff.created').length > 0), 15_000);
    expect(settled).toBe(true);
    for (const id of ids) expect(receiver.accepted(id, 'handoff.created')).toHaveLength(1);
  });

  it('flushes the outbox from both instances, each delivery sent once per attempt under one webhook id', async () => {
    const [a, b] = instances as [Instance, Instance];
    receiver.failFirstAttempt = true;
    const ids: string[] = [];
    try {
      const created = await Promise.all(
        Array.from({ length: 12 }, (_, index) => escalate(index % 2 ? a.base : b.base, 'I need a human agent')),
      );
      ids.push(...created.map((conversation) => conversation.id));
      const settled = await waitFor(
        () => ids.every((id) => receiver.accepted(id, 'handoff.created').length > 0),
        20_000,
      );
      expect(settled).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1000)); // room for any wrongful extra send
    } finally {
      receiver.failFirstAttempt = false;
    }
    for (const id of ids) {
      const [webhookId] = receiver.accepted(id, 'handoff.created');
      // Refused once, accepted on the retry: two arrivals, both under the same webhook id.
      expect(receiver.arrivals.get(webhookId!)).toBe(2);
      expect(receiver.idsOf(id, 'handoff.created')).toEqual([webhookId]);
    }
  });

  it('answers the same metrics and queue on both instances (aggregated in SQL)', async () => {
    const [a, b] = instances as [Instance, Instance];
    const read = async (base: string, path: string) => {
      const response = await fetch(`${base}/api/agent/${path}`, {
        headers: { authorization: `Bearer ${agents.alex}` },
        signal: AbortSignal.timeout(10_000),
      });
      expect(response.status).toBe(200);
      return response.json() as Promise<Record<string, unknown>>;
    };
    const [metricsA, metricsB] = await Promise.all([read(a.base, 'metrics'), read(b.base, 'metrics')]);
    expect(metricsA).toEqual(metricsB);
    expect(metricsA.handoffs as number).toBeGreaterThanOrEqual(20);
    expect(await read(a.base, 'queue')).toEqual(await read(b.base, 'queue'));
  });

  it('holds the rate limit across both instances', async () => {
    const [a, b] = instances as [Instance, Instance];
    const { id, token } = await startConversation(a.base, 'Hello');
    const key = `client-${++run}-${Date.now()}`;
    const statuses: number[] = [];
    for (let index = 0; index < rateLimit + 6; index++) {
      const response = await fetch(`${(index % 2 ? a : b).base}/api/conversations/${id}`, {
        headers: { [tokenHeader]: token, 'x-rate-key': key },
        signal: AbortSignal.timeout(5000),
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(rateLimit);
    expect(statuses.slice(rateLimit)).toEqual(Array.from({ length: 6 }, () => 429));
  });
});

describe.skipIf(!available)('two instances on one Postgres, one killed with SIGKILL mid-run (CI load run)', () => {
  it('loses no acknowledged message or notification, and makes one handoff per escalated conversation', async () => {
    const report = await runMultiInstanceLoad({ durationMs: 6000, conversations: 40, killAtMs: 2000 });
    expect(report.kills).toBe(1);
    expect(report.errors).toEqual([]);
    expect(report.conversations.escalated).toBeGreaterThan(0);
    expect(report.failedOver).toBeGreaterThan(0);
    expect(report.lostMessages).toEqual([]);
    expect(report.handoffViolations).toEqual([]);
    expect(report.lostNotifications).toEqual([]);
    expect(report.duplicatedNotifications).toEqual([]);
  }, 120_000);
});

const tokenHeader = 'x-handrail-conversation-token';

interface Instance {
  base: string;
}

function chat(base: string, id: string, token: string, text: string): Promise<Response> {
  return fetch(`${base}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', [tokenHeader]: token },
    body: JSON.stringify({
      id,
      messages: [{ id: `${id}-${Math.random()}`, role: 'user', parts: [{ type: 'text', text }] }],
    }),
    signal: AbortSignal.timeout(10_000),
  });
}

/** A new conversation with one turn; the client chooses its token. */
async function startConversation(base: string, text: string): Promise<{ id: string; token: string }> {
  const id = `multi-${++run}-${Math.random().toString(36).slice(2, 10)}`;
  const token = `token_${id}_${'x'.repeat(32)}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const response = await chat(base, id, token, text);
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  return { id, token };
}

/** A new conversation handed off to people in its first turn. */
async function escalate(base: string, text: string): Promise<{ id: string; token: string }> {
  const conversation = await startConversation(base, text);
  const view = (await (await agentCall(base, conversation.id, '', agents.alex, undefined, 'GET')).json()) as {
    conversation?: { state: string };
  };
  expect(view.conversation?.state).toBe('queued');
  return conversation;
}

function agentCall(base: string, id: string, path: string, token: string, body?: unknown, method = 'POST') {
  return fetch(`${base}/api/agent/conversations/${id}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(10_000),
  });
}

interface ServerEvent {
  event: string;
  data: string;
}

/** A server-sent event stream read in the background; `next` waits (at most 10 s) for a matching event. */
function openEvents(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const events: ServerEvent[] = [];
  let notify = () => {};
  const connected = fetch(url, { headers, signal: controller.signal }).then(async (response) => {
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .filter((line) => line.startsWith(`${name}:`))
              .map((line) => line.slice(name.length + 1).trimStart())
              .join('\n');
          events.push({ event: field('event') || 'message', data: field('data') });
          notify();
        }
      }
    })();
  });
  return {
    connected,
    close: () => controller.abort(),
    async next(match: (event: ServerEvent) => boolean): Promise<ServerEvent> {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching event in 10 s; saw ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          notify = resolve;
          setTimeout(resolve, 100);
        });
      }
    },
  };
}

async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !done()) await new Promise((resolve) => setTimeout(resolve, 50));
  return done();
}
