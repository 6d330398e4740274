/**
 * The multi-instance load run: `npm run load -- --instances 2 --store postgres`. Starts a
 * throwaway Postgres (test/support/postgres-server.ts) and N Handrail instances on it, and drives
 * `conversations` concurrent scripted conversations spread across them, as a load balancer would
 * (a request to a dead instance goes to the next one). A share escalate, get claimed, answered
 * and resolved; the others ask knowledge-base questions. One instance is killed with SIGKILL a
 * third into the run and restarted a second later. Afterwards: every acknowledged message must be
 * stored, each escalated conversation must have exactly one handoff (the others none), and every
 * acknowledged change's notification must arrive, never under two webhook ids. With
 * `store: 'sqlite'` the same run goes to instances on one SQLite file, for comparison.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgresServer } from '../test/support/postgres-server.js';
import { ServerInstance, startWebhookReceiver, type WebhookReceiver } from './instances.js';

/** Options of {@link runMultiInstanceLoad}. */
export interface MultiInstanceOptions {
  durationMs: number;
  /** Concurrent conversations. @default 200 */
  conversations?: number;
  /** @default 2 */
  instances?: number;
  /** `sqlite`: the comparison, instances on one SQLite file instead of Postgres. @default 'postgres' */
  store?: 'postgres' | 'sqlite';
  /** Kill one instance (SIGKILL) this far into the run; null: no kill. @default durationMs / 3 */
  killAtMs?: number | null;
  /** Longest wait for every acknowledged notification after the run. @default 30000 */
  settleMs?: number;
  log?: (line: string) => void;
}

/** What the run saw. */
export interface MultiInstanceReport {
  store: 'postgres' | 'sqlite';
  instances: number;
  concurrency: number;
  durationSeconds: number;
  kills: number;
  conversations: { completed: number; escalated: number };
  requests: number;
  /** Requests sent again after their instance was down or died mid-request (to another, or the same once back). */
  failedOver: number;
  chatTurnMs: { count: number; p50: number; p99: number; max: number };
  acknowledgedMessages: number;
  /** Acknowledged user or agent messages missing from the stored conversation. */
  lostMessages: string[];
  /** Conversations with a handoff count other than expected. */
  handoffViolations: string[];
  /** Acknowledged changes, by notification type. */
  notifications: Record<string, number>;
  /** Acknowledged changes whose notification never arrived. */
  lostNotifications: string[];
  /** Changes notified under more than one webhook id. */
  duplicatedNotifications: string[];
  /** Other failures (unexpected answers). */
  errors: string[];
}

const agentTokens = { alex: 'alex-load-token-0123456789ab', sam: 'sam-load-token-0123456789abc' };
const secret = `whsec_${Buffer.from('multi-instance-load-secret-32by!').toString('base64')}`;
const questions = ['How long does standard shipping take?', 'What is your return policy?'];
const requestTimeoutMs = 30_000;

interface Tracked {
  id: string;
  token: string;
  escalate: boolean;
  userMessageIds: string[];
  agentTexts: string[];
}

/** Runs the multi-instance load; see the file comment. */
export async function runMultiInstanceLoad(options: MultiInstanceOptions): Promise<MultiInstanceReport> {
  const { durationMs, conversations: concurrency = 200, instances: count = 2, settleMs = 30_000 } = options;
  const { killAtMs = durationMs / 3, log = () => {}, store = 'postgres' } = options;
  const server = store === 'postgres' ? await startPostgresServer() : null;
  const folder = mkdtempSync(join(tmpdir(), 'handrail-load-'));
  const receiver = await startWebhookReceiver();
  const env = {
    ...(server ? { DATABASE_URL: await server.createDatabase('load') } : { SQLITE_PATH: join(folder, 'handrail.db') }),
    WEBHOOK_URL: receiver.url,
    WEBHOOK_SECRET: secret,
    AGENT_TOKENS: Object.entries(agentTokens)
      .map(([id, token]) => `${id}:${token}`)
      .join(','),
  };
  const instances = Array.from({ length: count }, () => new ServerInstance(env));
  try {
    await Promise.all(instances.map((instance) => instance.start()));
    log(`${count} instances on one ${store} database; ${concurrency} conversations for ${durationMs / 1000} s`);
    const driver = new Driver(instances, log);
    const stopAt = Date.now() + durationMs;
    const killer = killAtMs === null ? Promise.resolve(0) : killOnce(instances[0]!, killAtMs, log);
    await Promise.all([killer, ...Array.from({ length: concurrency }, (_, worker) => driver.work(worker, stopAt))]);
    log(`run over: ${driver.finished.length} conversations; settling notifications`);
    await settle(receiver, driver.acknowledged, settleMs);
    return await report(driver, receiver, { store, concurrency, count, durationMs, kills: await killer });
  } finally {
    await Promise.all(instances.map((instance) => instance.kill()));
    await receiver.close();
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function killOnce(instance: ServerInstance, atMs: number, log: (line: string) => void): Promise<number> {
  await sleep(atMs);
  await instance.kill();
  log('instance 1 killed (SIGKILL)');
  await sleep(1000);
  await instance.start();
  log('instance 1 restarted');
  return 1;
}

async function settle(receiver: WebhookReceiver, acknowledged: Map<string, string>, settleMs: number) {
  const until = Date.now() + settleMs;
  const missing = () =>
    [...acknowledged.keys()].some((key) => {
      const [id, type] = key.split(' ') as [string, string];
      return receiver.accepted(id, type).length === 0;
    });
  while (Date.now() < until && missing()) await sleep(100);
}

/** Sends the scripted conversations, each request to the conversation's instance or, when it is down, the next. */
class Driver {
  readonly finished: Tracked[] = [];
  /** `${conversation} ${type}` -> type, for changes answered 2xx. */
  readonly acknowledged = new Map<string, string>();
  readonly chatLatencies: number[] = [];
  readonly errors: string[] = [];
  requests = 0;
  failedOver = 0;
  private next = 0;
  private readonly run = Math.random().toString(36).slice(2, 8);

  constructor(
    readonly instances: ServerInstance[],
    private readonly log: (line: string) => void,
  ) {}

  async work(worker: number, stopAt: number): Promise<void> {
    while (Date.now() < stopAt) {
      const number = this.next++;
      const id = `load-${this.run}-${number}`;
      const tracked: Tracked = {
        id,
        token: `token_${id}_${'x'.repeat(32)}`.replace(/[^A-Za-z0-9_-]/g, '_'),
        escalate: number % 4 === 0,
        userMessageIds: [],
        agentTexts: [],
      };
      try {
        await (tracked.escalate ? this.escalated(tracked, worker) : this.questions(tracked, worker));
        this.finished.push(tracked);
      } catch (error) {
        if (this.errors.length < 50) this.errors.push(`${id}: ${(error as Error).message}`);
      }
    }
  }

  private async questions(tracked: Tracked, worker: number) {
    for (const text of questions) await this.say(tracked, worker, text);
  }

  private async escalated(tracked: Tracked, worker: number) {
    const agent = worker % 2 ? 'alex' : 'sam';
    await this.say(tracked, worker, 'I want to talk to a real person');
    if (await this.agent(tracked, worker, agent, '/claim')) this.acknowledge(tracked, 'handoff.claimed');
    const text = `Hi, ${agent} here for ${tracked.id}.`;
    if (await this.agent(tracked, worker, agent, '/messages', { text })) tracked.agentTexts.push(text);
    await this.say(tracked, worker, 'Thanks, my order is 1234.');
    if (await this.agent(tracked, worker, agent, '/resolve', { to: 'closed' }))
      this.acknowledge(tracked, 'handoff.resolved');
  }

  private acknowledge(tracked: Tracked, type: string) {
    this.acknowledged.set(`${tracked.id} ${type}`, type);
  }

  /** One user turn (the same message id on every retry, so a retry never adds a second copy). */
  private async say(tracked: Tracked, worker: number, text: string) {
    const messageId = `${tracked.id}-u${tracked.userMessageIds.length}`;
    const started = performance.now();
    const { status, body } = await this.send(worker, '/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-handrail-conversation-token': tracked.token },
      body: JSON.stringify({
        id: tracked.id,
        messages: [{ id: messageId, role: 'user', parts: [{ type: 'text', text }] }],
      }),
    });
    if (status !== 200) throw new Error(`chat answered ${status}: ${body.slice(0, 200)}`);
    this.chatLatencies.push(performance.now() - started);
    tracked.userMessageIds.push(messageId);
    if (body.includes('data-handoff') && tracked.userMessageIds.length === 1)
      this.acknowledge(tracked, 'handoff.created');
  }

  /** An agent call; true when it was answered 2xx, false on the 409 of a retry whose first try went through. */
  private async agent(tracked: Tracked, worker: number, agent: keyof typeof agentTokens, path: string, body?: unknown) {
    const { status, body: text } = await this.send(worker, `/api/agent/conversations/${tracked.id}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agentTokens[agent]}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (status >= 200 && status < 300) return true;
    if (status === 409) return false;
    throw new Error(`${path} answered ${status}: ${text.slice(0, 200)}`);
  }

  /** Sends to the worker's instance; on a connection failure, to the next live one (bounded in time). */
  private async send(worker: number, path: string, init: RequestInit): Promise<{ status: number; body: string }> {
    const giveUpAt = Date.now() + 2 * requestTimeoutMs;
    for (let attempt = 0; Date.now() < giveUpAt; attempt++) {
      const base = this.instances[(worker + attempt) % this.instances.length]!.url();
      if (!base) {
        await sleep(5);
        continue;
      }
      if (attempt > 0) this.failedOver++;
      this.requests++;
      try {
        const response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(requestTimeoutMs) });
        return { status: response.status, body: await response.text() };
      } catch {
        await sleep(20);
      }
    }
    throw new Error(`${path}: no instance answered`);
  }
}

async function report(
  driver: Driver,
  receiver: WebhookReceiver,
  run: { store: 'postgres' | 'sqlite'; concurrency: number; count: number; durationMs: number; kills: number },
): Promise<MultiInstanceReport> {
  const lostMessages: string[] = [];
  const handoffViolations: string[] = [];
  for (const tracked of driver.finished) {
    const base = firstLive(driver.instances)!;
    const response = await fetch(`${base}/api/conversations/${tracked.id}`, {
      headers: { 'x-handrail-conversation-token': tracked.token },
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    const stored = (await response.json()) as StoredView;
    const ids = new Set(stored.messages.map((message) => message.id));
    const texts = new Set(stored.messages.flatMap((message) => message.parts.map((part) => part.text ?? '')));
    for (const id of tracked.userMessageIds) if (!ids.has(id)) lostMessages.push(`${tracked.id} ${id}`);
    for (const text of tracked.agentTexts) if (!texts.has(text)) lostMessages.push(`${tracked.id} agent: ${text}`);
    const handoffs = (stored.handoff ? 1 : 0) + (stored.pastHandoffs?.length ?? 0);
    if (handoffs !== (tracked.escalate ? 1 : 0)) handoffViolations.push(`${tracked.id}: ${handoffs} handoffs`);
  }
  const keys = [...driver.acknowledged.keys()].map((key) => key.split(' ') as [string, string]);
  const notifications: Record<string, number> = {};
  for (const type of driver.acknowledged.values()) notifications[type] = (notifications[type] ?? 0) + 1;
  return {
    store: run.store,
    instances: run.count,
    concurrency: run.concurrency,
    durationSeconds: run.durationMs / 1000,
    kills: run.kills,
    conversations: {
      completed: driver.finished.length,
      escalated: driver.finished.filter((tracked) => tracked.escalate).length,
    },
    requests: driver.requests,
    failedOver: driver.failedOver,
    chatTurnMs: summarize(driver.chatLatencies),
    acknowledgedMessages: driver.finished.reduce((sum, t) => sum + t.userMessageIds.length + t.agentTexts.length, 0),
    lostMessages,
    handoffViolations,
    notifications,
    lostNotifications: keys.filter(([id, type]) => receiver.accepted(id, type).length === 0).map((k) => k.join(' ')),
    duplicatedNotifications: keys.filter(([id, type]) => receiver.idsOf(id, type).length > 1).map((k) => k.join(' ')),
    errors: driver.errors,
  };
}

interface StoredView {
  messages: Array<{ id: string; parts: Array<{ type: string; text?: string }> }>;
  handoff: unknown;
  pastHandoffs?: unknown[];
}

function firstLive(instances: ServerInstance[]): string | null {
  for (const instance of instances) {
    const base = instance.url();
    if (base) return base;
  }
  return null;
}

function summarize(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
  const round = (value: number) => Number(value.toFixed(1));
  return { count: sorted.length, p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? 0) };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
