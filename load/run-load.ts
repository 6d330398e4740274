/// <reference path="./autocannon.d.ts" />
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { demoAgentToken } from '../src/demo/demo-app.js';

/** Options of {@link runLoad}. */
export interface LoadOptions {
  /** How long the scripted conversations run, in seconds. @default 30 */
  durationSeconds?: number;
  /** Concurrent conversations (virtual users); each starts a new conversation when one ends. @default 200 */
  conversations?: number;
  /**
   * `node`: the demo app on @hono/node-server (a child process); `worker`: `wrangler dev`
   * (workerd); `bare`: the ceiling, a bare Hono app answering the same routes with no Handrail
   * behind them (load/serve-bare.ts). @default 'node'
   */
  target?: 'node' | 'worker' | 'bare';
  /** Share of conversations that ask for a person and get agent replies. @default 0.25 */
  escalateShare?: number;
  /** Seconds of the autocannon throughput run on a knowledge-base question, after the conversations; 0 skips it. @default min(10, durationSeconds / 3) */
  throughputSeconds?: number;
  /**
   * Seconds at the start whose requests are sent and checked but left out of the latency
   * figures: the burst of every virtual user opening its first connection at once measures
   * connection set-up under saturation, not steady service. @default min(5, durationSeconds / 6)
   */
  warmupSeconds?: number;
  /** Progress lines. @default nothing */
  log?: (line: string) => void;
}

/** Latency percentiles in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** What {@link runLoad} measured and checked. */
export interface LoadReport {
  target: 'node' | 'worker' | 'bare';
  durationSeconds: number;
  concurrency: number;
  conversations: { completed: number; escalated: number; failed: number };
  requests: number;
  /** Requests per second over the scripted run (chat turns and agent calls). */
  requestsPerSecond: number;
  /** Chat turns per second over the scripted run. */
  turnsPerSecond: number;
  /** Latencies of the requests sent after the warm-up. */
  latencyMs: { chatTurn: LatencySummary; agentCall: LatencySummary };
  /** The warm-up left out of `latencyMs`: its length, and the requests sent in it. */
  warmup: { seconds: number; requests: number };
  /** The autocannon run: POST /chat with a knowledge-base question, a new conversation each time. */
  throughput: {
    seconds: number;
    connections: number;
    requestsPerSecond: number;
    latencyMs: { p50: number; p99: number; max: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  } | null;
  /** Lost or reordered messages, missing or extra handoffs, error answers; empty when all held. */
  violations: string[];
}

/** Questions the demo's knowledge base answers without a handoff. */
const questions = [
  'How long does standard shipping take?',
  'What payment methods do you accept?',
  'What is your return policy?',
  'How can I track my order?',
  'How do I find my size?',
];
const handoffRequest = 'I want to talk to a real person';
// Generous: under overload a few turns wait long (see docs/reliability.md); a client that gives up counts as a failure.
const requestTimeoutMs = 60_000;

interface Target {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Drives the demo app with `conversations` concurrent scripted conversations for
 * `durationSeconds`: a share ask for a person, get agent replies through the agent API
 * (claim, two messages, resolve) while writing themselves, and the rest ask knowledge-base
 * questions. Afterwards every conversation is read back: its user and agent messages must
 * be exactly those sent, in order, and an escalated one must have exactly one handoff, the
 * others none. Then autocannon measures raw chat throughput. Only 127.0.0.1 is contacted,
 * every request has a deadline and the run stops by itself.
 */
export async function runLoad({
  durationSeconds = 30,
  conversations: concurrency = 200,
  target: targetKind = 'node',
  escalateShare = 0.25,
  throughputSeconds = Math.min(10, Math.round(durationSeconds / 3)),
  warmupSeconds = Math.min(5, durationSeconds / 6),
  log = () => {},
}: LoadOptions = {}): Promise<LoadReport> {
  if (!(durationSeconds > 0)) throw new Error('durationSeconds must be positive');
  if (!(Number.isInteger(concurrency) && concurrency > 0)) throw new Error('conversations must be a positive integer');
  const target =
    targetKind === 'worker'
      ? await startWorker(log)
      : await startNode(log, targetKind === 'bare' ? 'serve-bare.ts' : 'serve-demo.ts');
  try {
    log(`target ${targetKind} at ${target.baseUrl}, ${concurrency} concurrent conversations for ${durationSeconds} s`);
    const scripted = await driveConversations(target.baseUrl, {
      durationSeconds,
      concurrency,
      escalateShare,
      warmupSeconds,
      log,
    });
    const throughput =
      throughputSeconds > 0 ? await measureThroughput(target.baseUrl, throughputSeconds, concurrency, log) : null;
    return { target: targetKind, concurrency, ...scripted, throughput };
  } finally {
    await target.stop();
  }
}

/**
 * The demo app on @hono/node-server in a child process (load/serve-demo.ts): a driver in the
 * same process would share the server's event loop and starve some of its own requests.
 */
async function startNode(log: (line: string) => void, script: string): Promise<Target> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, script)], {
    cwd: resolve(import.meta.dirname, '..'),
    stdio: ['pipe', 'pipe', 'inherit'],
    env: withoutModelKeys(process.env),
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('the demo server did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`the demo server exited with code ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = /"port":(\d+)/.exec(buffered);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
  });
  log(`demo server (pid ${child.pid}) on 127.0.0.1:${port}`);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
      child.stdin?.end(); // the server exits when its stdin closes
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** The environment without OpenAI settings: the servers answer with the offline model. */
function withoutModelKeys(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { OPENAI_API_KEY: _key, OPENAI_BASE_URL: _url, OPENAI_MODEL: _model, ...rest } = env;
  return rest;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListening) => server.listen(0, '127.0.0.1', () => resolveListening()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolveClosed) => server.close(() => resolveClosed()));
  return port;
}

async function startWorker(log: (line: string) => void): Promise<Target> {
  const root = resolve(import.meta.dirname, '..');
  const port = await freePort();
  const persist = await mkdtemp(join(tmpdir(), 'handrail-load-'));
  const child: ChildProcess = spawn(
    'npx',
    [
      'wrangler',
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      persist,
      '--var',
      `HANDRAIL_AGENT_TOKEN:${demoAgentToken}`,
      '--show-interactive-dev-session=false',
    ],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...withoutModelKeys(process.env),
        CLOUDFLARE_CF_FETCH_ENABLED: 'false',
        WRANGLER_SEND_METRICS: 'false',
        CI: 'true',
      },
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
      process.kill(-child.pid, 'SIGTERM'); // the process group this function started: npx, wrangler, workerd
      await Promise.race([exited, sleep(5000)]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    await rm(persist, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) {
        log(`wrangler dev ready on ${baseUrl}`);
        return { baseUrl, stop };
      }
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  await stop();
  throw new Error(`wrangler dev did not start:\n${output}`);
}

function sleep(ms: number) {
  return new Promise<void>((resolveSleep) => setTimeout(resolveSleep, ms));
}

interface Conversation {
  id: string;
  token?: string;
  escalate: boolean;
  userTexts: string[];
  agentTexts: string[];
  address: string;
}

/** What the scripted conversations measured: the report's figures without the autocannon run. */
type DriveResult = Pick<
  LoadReport,
  | 'durationSeconds'
  | 'conversations'
  | 'requests'
  | 'requestsPerSecond'
  | 'turnsPerSecond'
  | 'latencyMs'
  | 'warmup'
  | 'violations'
>;

async function driveConversations(
  baseUrl: string,
  options: {
    durationSeconds: number;
    concurrency: number;
    escalateShare: number;
    warmupSeconds: number;
    log: (line: string) => void;
  },
): Promise<DriveResult> {
  const api = `${baseUrl}/api`;
  const run = Math.random().toString(36).slice(2, 8);
  const chatLatencies: number[] = [];
  const agentLatencies: number[] = [];
  const violations: string[] = [];
  const finished: Conversation[] = [];
  let requests = 0;
  let failed = 0;
  let counter = 0;
  const violation = (text: string) => {
    if (violations.length < 200) violations.push(text);
  };

  let warmupRequests = 0;
  async function timed<T>(latencies: number[], send: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await send();
    } finally {
      requests++;
      if (started < warmupEnds) warmupRequests++;
      else latencies.push(performance.now() - started);
    }
  }

  /** One user turn as useChat sends it; returns the stream's chunks. */
  async function say(conversation: Conversation, text: string): Promise<Array<{ type: string; data?: unknown }>> {
    const messageId = `${conversation.id}-u${conversation.userTexts.length}`;
    conversation.userTexts.push(text);
    return timed(chatLatencies, async () => {
      const response = await fetch(`${api}/chat`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': conversation.address,
          'cf-connecting-ip': conversation.address,
          ...(conversation.token ? { 'x-handrail-conversation-token': conversation.token } : {}),
        },
        body: JSON.stringify({
          id: conversation.id,
          messages: [{ id: messageId, role: 'user', parts: [{ type: 'text', text }] }],
          trigger: 'submit-message',
        }),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      const body = await response.text();
      if (response.status !== 200) throw new Error(`chat answered ${response.status}: ${body.slice(0, 200)}`);
      conversation.token ??= response.headers.get('x-handrail-conversation-token') ?? undefined;
      const chunks = body
        .split('\n\n')
        .map((event) => event.replace(/^data: /, '').trim())
        .filter((data) => data && data !== '[DONE]')
        .map((data) => JSON.parse(data) as { type: string; data?: unknown });
      if (chunks.some((chunk) => chunk.type === 'error'))
        violation(`${conversation.id}: an error part in the answer to "${text}"`);
      if (chunks.at(-1)?.type !== 'finish') violation(`${conversation.id}: the answer to "${text}" did not finish`);
      return chunks;
    });
  }

  async function agent(conversation: Conversation, path: string, body?: unknown) {
    return timed(agentLatencies, async () => {
      const response = await fetch(`${api}/agent/conversations/${conversation.id}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${demoAgentToken}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`agent ${path} answered ${response.status}: ${text.slice(0, 200)}`);
    });
  }

  async function converse(conversation: Conversation, number: number) {
    // Three different questions in a row (asking the same one again would rightly read as a failure).
    const question = (turn: number) => questions[(number + turn) % questions.length]!;
    if (!conversation.escalate) {
      for (let turn = 0; turn < 3; turn++) {
        const chunks = await say(conversation, question(turn));
        const handoff = chunks.find((chunk) => chunk.type === 'data-handoff') as
          | { data: { reasons: Array<{ reason: string; detail: string }> } }
          | undefined;
        if (handoff) {
          const reason = handoff.data.reasons[0];
          violation(`${conversation.id}: "${question(turn)}" was handed off (${reason?.reason}: ${reason?.detail})`);
          return;
        }
      }
      return;
    }
    await say(conversation, question(0));
    const chunks = await say(conversation, handoffRequest);
    if (!chunks.some((chunk) => chunk.type === 'data-handoff')) violation(`${conversation.id}: no handoff part`);
    await agent(conversation, '/claim');
    const firstReply = `Hi, Alex here for ${conversation.id}.`;
    conversation.agentTexts.push(firstReply);
    await agent(conversation, '/messages', { text: firstReply });
    // The user and the agent write at the same time: both messages must be kept.
    const secondReply = `Found order 12345 for ${conversation.id}.`;
    conversation.agentTexts.push(secondReply);
    await Promise.all([
      say(conversation, 'My order number is 12345.'),
      agent(conversation, '/messages', { text: secondReply }),
    ]);
    await agent(conversation, '/resolve', { to: 'closed' });
  }

  const started = performance.now();
  const warmupEnds = started + options.warmupSeconds * 1000;
  const stopAt = Date.now() + options.durationSeconds * 1000;
  let lastProgress = Date.now();
  async function user(index: number) {
    while (Date.now() < stopAt) {
      const number = counter++;
      const conversation: Conversation = {
        id: `load-${run}-${number}`,
        escalate: options.escalateShare > 0 && number % Math.round(1 / options.escalateShare) === 0,
        userTexts: [],
        agentTexts: [],
        // Each virtual user is its own client (a documentation-range address, only ever sent as a header).
        address: `198.18.${(index >> 8) & 255}.${index & 255}`,
      };
      try {
        await converse(conversation, number);
        finished.push(conversation);
      } catch (error) {
        failed++;
        violation(`${conversation.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (Date.now() - lastProgress > 5000) {
        lastProgress = Date.now();
        options.log(`${finished.length} conversations done, ${requests} requests`);
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, (_, index) => user(index)));
  const elapsedSeconds = (performance.now() - started) / 1000;

  // Read every conversation back and compare it with what was sent.
  let cursor = 0;
  async function verifier() {
    while (cursor < finished.length) {
      const conversation = finished[cursor++]!;
      try {
        await verify(api, conversation, violation);
      } catch (error) {
        violation(
          `${conversation.id}: could not be read back: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  await Promise.all(Array.from({ length: 20 }, () => verifier()));

  const turns = chatLatencies.length;
  return {
    durationSeconds: Number(elapsedSeconds.toFixed(2)),
    conversations: {
      completed: finished.length,
      escalated: finished.filter((conversation) => conversation.escalate).length,
      failed,
    },
    requests,
    requestsPerSecond: Number((requests / elapsedSeconds).toFixed(1)),
    turnsPerSecond: Number((turns / elapsedSeconds).toFixed(1)),
    latencyMs: { chatTurn: summarize(chatLatencies), agentCall: summarize(agentLatencies) },
    warmup: { seconds: options.warmupSeconds, requests: warmupRequests },
    violations,
  };
}

interface StoredView {
  messages: Array<{ role: string; parts: Array<{ type: string; text?: string }>; metadata?: { author?: string } }>;
  handoff: { reasons: Array<{ reason: string }> } | null;
  pastHandoffs?: unknown[];
  state: string;
}

async function verify(api: string, conversation: Conversation, violation: (text: string) => void) {
  const response = await fetch(`${api}/conversations/${conversation.id}`, {
    headers: {
      'x-handrail-conversation-token': conversation.token ?? '',
      'x-forwarded-for': conversation.address,
      'cf-connecting-ip': conversation.address,
    },
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  if (!response.ok) throw new Error(`GET answered ${response.status}`);
  const stored = (await response.json()) as StoredView;
  const textOf = (message: StoredView['messages'][number]) =>
    message.parts.flatMap((part) => (part.type === 'text' && part.text ? [part.text] : [])).join('\n');
  const userTexts = stored.messages.filter((message) => message.role === 'user').map(textOf);
  const agentTexts = stored.messages.filter((message) => message.metadata?.author === 'agent').map(textOf);
  if (JSON.stringify(userTexts) !== JSON.stringify(conversation.userTexts)) {
    violation(
      `${conversation.id}: user messages ${JSON.stringify(userTexts)} != sent ${JSON.stringify(conversation.userTexts)}`,
    );
  }
  if (JSON.stringify(agentTexts) !== JSON.stringify(conversation.agentTexts)) {
    violation(
      `${conversation.id}: agent messages ${JSON.stringify(agentTexts)} != sent ${JSON.stringify(conversation.agentTexts)}`,
    );
  }
  const handoffs = (stored.handoff ? 1 : 0) + (stored.pastHandoffs?.length ?? 0);
  const expected = conversation.escalate ? 1 : 0;
  if (handoffs !== expected) violation(`${conversation.id}: ${handoffs} handoffs, expected ${expected}`);
  if (conversation.escalate && stored.state !== 'resolved')
    violation(`${conversation.id}: state ${stored.state}, expected resolved`);
}

function summarize(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
  return {
    count: sorted.length,
    p50: Number(at(0.5).toFixed(1)),
    p99: Number(at(0.99).toFixed(1)),
    max: Number((sorted.at(-1) ?? 0).toFixed(1)),
  };
}

async function measureThroughput(baseUrl: string, seconds: number, connections: number, log: (line: string) => void) {
  log(`autocannon: ${connections} connections for ${seconds} s on POST /api/chat`);
  let client = 0;
  const result = await autocannon({
    url: `${baseUrl}/api/chat`,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          messages: [
            { id: 'm1', role: 'user', parts: [{ type: 'text', text: 'How long does standard shipping take?' }] },
          ],
        }),
        // A new client address per request, as if each came from another customer.
        setupRequest: (request) => {
          client++;
          const address = `198.19.${(client >> 8) & 255}.${client & 255}`;
          return {
            ...request,
            headers: { ...request.headers, 'x-forwarded-for': address, 'cf-connecting-ip': address },
          };
        },
      },
    ],
  });
  return {
    seconds,
    connections,
    requestsPerSecond: Number(result.requests.average.toFixed(1)),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
