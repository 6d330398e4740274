/**
 * The kill test: Handrail in a child process on a SQLite file, killed with SIGKILL at random
 * moments while conversations escalate, get claimed, answered and resolved, then restarted on
 * the same file. Every change the client saw acknowledged (HTTP 200) must end with its
 * notification delivered at least once, and never under two webhook ids.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Options of {@link runKillTest}. */
export interface KillTestOptions {
  /** How long conversations run while the server is being killed. */
  durationMs: number;
  /** Conversations driven at the same time. @default 6 */
  concurrency?: number;
  /** Random wait between the server being ready and the next kill. @default [300, 1200] */
  killEveryMs?: [number, number];
  /** Go on past `durationMs` until the server was killed this many times (on a slow machine). @default 0 */
  minKills?: number;
  /** Longest wait, after the last kill, for every acknowledged notification. @default 20000 */
  settleMs?: number;
  log?: (line: string) => void;
}

/** What a kill test saw. */
export interface KillTestReport {
  kills: number;
  conversations: number;
  /** Changes acknowledged to the client (a 2xx answer), by notification type. */
  acknowledged: Record<string, number>;
  /** Distinct notifications received (one per webhook id), by type. */
  delivered: Record<string, number>;
  /** Deliveries received more than once with the same webhook id (allowed: at least once). */
  redelivered: number;
  /** Acknowledged changes whose notification never arrived: `conversation type`. */
  lost: string[];
  /** Changes notified under more than one webhook id. */
  duplicated: string[];
}

const agentToken = 'kill-test-agent-token-0123456789';
const secret = `whsec_${Buffer.from('kill-test-webhook-secret-32bytes!').toString('base64')}`;
const requestTimeoutMs = 5000;

/** Runs the kill test; see the file comment. */
export async function runKillTest(options: KillTestOptions): Promise<KillTestReport> {
  const {
    durationMs,
    concurrency = 6,
    killEveryMs = [300, 1200],
    minKills = 0,
    settleMs = 20_000,
    log = () => {},
  } = options;
  const folder = mkdtempSync(join(tmpdir(), 'handrail-kill-'));
  const receiver = await startReceiver();
  const server = new KilledServer({
    KILL_DB: join(folder, 'handrail.db'),
    WEBHOOK_URL: receiver.url,
    WEBHOOK_SECRET: secret,
    AGENT_TOKEN: agentToken,
  });
  const acknowledged = new Map<string, string>(); // `${conversation} ${type}` -> type
  let kills = 0;
  let conversations = 0;
  try {
    await server.start();
    const stopAt = Date.now() + durationMs;
    // However slow the machine, never more than four times the asked duration.
    const hardStopAt = Date.now() + 4 * durationMs;
    let killing = true;
    const killer = (async () => {
      while ((Date.now() < stopAt || kills < minKills) && Date.now() < hardStopAt) {
        await sleep(between(killEveryMs));
        await server.kill();
        kills++;
        await server.start();
      }
      killing = false;
    })();
    const run = Math.random().toString(36).slice(2, 8);
    let next = 0;
    const workers = Array.from({ length: concurrency }, async () => {
      while (killing) {
        const id = `kill-${run}-${next++}`;
        conversations++;
        await converse(server, id, (type) => acknowledged.set(`${id} ${type}`, type), hardStopAt + 30_000);
      }
    });
    await Promise.all([killer, ...workers]);
    log(`${kills} kills, ${conversations} conversations, ${acknowledged.size} acknowledged changes; settling`);
    const settleUntil = Date.now() + settleMs;
    while (Date.now() < settleUntil && [...acknowledged.keys()].some((key) => !receiver.seen.has(key))) {
      await sleep(100);
    }
  } finally {
    await server.kill();
    await receiver.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return report(kills, conversations, acknowledged, receiver);
}

function report(
  kills: number,
  conversations: number,
  acknowledged: Map<string, string>,
  receiver: Receiver,
): KillTestReport {
  const count = (types: Iterable<string>) => {
    const counts: Record<string, number> = {};
    for (const type of types) counts[type] = (counts[type] ?? 0) + 1;
    return counts;
  };
  return {
    kills,
    conversations,
    acknowledged: count(acknowledged.values()),
    delivered: count([...receiver.byId.values()]),
    redelivered: receiver.redelivered,
    lost: [...acknowledged.keys()].filter((key) => !receiver.seen.has(key)),
    duplicated: [...receiver.seen.entries()].filter(([, ids]) => ids.size > 1).map(([key]) => key),
  };
}

/** One conversation: escalate, claim, answer, resolve; each step retried across kills until it is answered. */
async function converse(
  server: KilledServer,
  id: string,
  acknowledge: (type: string) => void,
  giveUpAt: number,
): Promise<void> {
  const token = `kill-token-${id}-${'x'.repeat(24)}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const steps: Array<{ type?: string; send: (base: string) => Promise<Response> }> = [
    {
      type: 'handoff.created',
      send: (base) =>
        fetch(`${base}/api/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-handrail-conversation-token': token },
          body: JSON.stringify({
            id,
            messages: [{ id: `${id}-u0`, role: 'user', parts: [{ type: 'text', text: 'I want to talk to a human' }] }],
          }),
          signal: AbortSignal.timeout(requestTimeoutMs),
        }),
    },
    { type: 'handoff.claimed', send: (base) => agentCall(base, id, '/claim') },
    { send: (base) => agentCall(base, id, '/messages', { text: `Hi, Alex here for ${id}.` }) },
    { type: 'handoff.resolved', send: (base) => agentCall(base, id, '/resolve', { to: 'closed' }) },
  ];
  for (const step of steps) {
    for (;;) {
      if (Date.now() > giveUpAt) throw new Error(`${id}: a step never got an answer`);
      const base = await server.ready();
      let status: number;
      let body: string;
      try {
        const response = await step.send(base);
        status = response.status;
        body = await response.text();
      } catch {
        // Killed mid-request: try the same step again once the server is back.
        await sleep(50);
        continue;
      }
      if (status >= 200 && status < 300 && (step.type !== 'handoff.created' || body.includes('data-handoff'))) {
        if (step.type) acknowledge(step.type);
        break;
      }
      // The change was made before the kill, its answer lost: the retry is refused (409), and the
      // change is not counted as acknowledged. Any other answer is a failure of the test.
      if (status === 409) break;
      throw new Error(`${id}: answered ${status}: ${body.slice(0, 200)}`);
    }
  }
}

function agentCall(base: string, id: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}/api/agent/conversations/${id}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
}

/** The service in a child process that can be killed and started again on the same file. */
class KilledServer {
  private child: ChildProcess | null = null;
  private base: Promise<string> | null = null;

  constructor(private readonly env: Record<string, string>) {}

  /** Starts the server; resolves with its base URL once it listens. */
  start(): Promise<string> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'serve-kill-target.ts')], {
      env: { ...process.env, NODE_NO_WARNINGS: '1', ...this.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    this.base = new Promise((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.once('line', (line) => resolve(`http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`));
      child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
    });
    return this.base;
  }

  /** The base URL of the running server (waits while it restarts). */
  async ready(): Promise<string> {
    for (;;) {
      const base = this.base;
      if (base) {
        try {
          return await base;
        } catch {
          // Killed while starting: the killer starts it again.
        }
      }
      await sleep(20);
    }
  }

  /** SIGKILL, and wait until the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.base = null;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

interface Receiver {
  url: string;
  /** `${conversation} ${type}` -> webhook ids it came under. */
  seen: Map<string, Set<string>>;
  /** webhook id -> type. */
  byId: Map<string, string>;
  redelivered: number;
  close(): Promise<void>;
}

/** A webhook receiver on 127.0.0.1 that records what arrives, by webhook id. */
async function startReceiver(): Promise<Receiver> {
  const seen = new Map<string, Set<string>>();
  const byId = new Map<string, string>();
  const receiver = { seen, byId, redelivered: 0 } as Receiver;
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    request.on('end', () => {
      const webhookId = String(request.headers['webhook-id']);
      const body = JSON.parse(text) as { type: string; data: { conversationId: string } };
      if (byId.has(webhookId)) receiver.redelivered++;
      byId.set(webhookId, body.type);
      const key = `${body.data.conversationId} ${body.type}`;
      const ids = seen.get(key) ?? new Set<string>();
      ids.add(webhookId);
      seen.set(key, ids);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

function between([low, high]: [number, number]): number {
  return low + Math.random() * (high - low);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
