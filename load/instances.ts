/**
 * Handrail instances on one database (Postgres, or SQLite for the single-instance comparison),
 * for the multi-instance test and load run: each a child process running load/serve-instance.ts
 * on 127.0.0.1 that can be killed with SIGKILL
 * and started again; and a webhook receiver that records every arrival by webhook id.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const startTimeoutMs = 60_000;

/** The environment of load/serve-instance.ts: `DATABASE_URL` (Postgres) or `SQLITE_PATH`. */
export interface InstanceEnvironment {
  DATABASE_URL?: string;
  SQLITE_PATH?: string;
  WEBHOOK_URL: string;
  WEBHOOK_SECRET: string;
  /** `id:token,id:token` */
  AGENT_TOKENS: string;
  PG_SCHEMA?: string;
  RATE_LIMIT?: string;
}

/** One instance process; `start` again after `kill` (a restart on the same database). */
export class ServerInstance {
  private child: ChildProcess | null = null;
  private base: Promise<string> | null = null;
  private listening: string | null = null;

  constructor(private readonly env: InstanceEnvironment) {}

  /** Starts the process; resolves with its base URL once it listens. */
  start(): Promise<string> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'serve-instance.ts')], {
      env: { ...process.env, NODE_NO_WARNINGS: '1', ...this.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    this.base = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`an instance did not listen within ${startTimeoutMs} ms`)),
        startTimeoutMs,
      );
      createInterface({ input: child.stdout! }).once('line', (line) => {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}`);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`an instance exited (${code}) before listening`));
      });
    });
    this.base.then(
      (url) => {
        if (this.child === child) this.listening = url;
      },
      () => {},
    );
    return this.base;
  }

  /** The base URL, or null while the instance is down or still starting (a load balancer's health check). */
  url(): string | null {
    return this.listening;
  }

  /** SIGKILL, and wait until the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    this.base = null;
    this.listening = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

/** A webhook receiver on 127.0.0.1; see {@link startWebhookReceiver}. */
export interface WebhookReceiver {
  url: string;
  /** Arrivals per webhook id (retries of one delivery share it). */
  arrivals: Map<string, number>;
  /** When set, the first arrival of each webhook id is refused with 503 (so each is retried once). */
  failFirstAttempt: boolean;
  /** Webhook ids accepted (answered 2xx) for a conversation's event type. */
  accepted(conversationId: string, type: string): string[];
  /** Every webhook id that arrived for a conversation's event type. */
  idsOf(conversationId: string, type: string): string[];
  close(): Promise<void>;
}

/** Starts a receiver that records each arrival by webhook id and event (`conversationId type`). */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const arrivals = new Map<string, number>();
  const accepted = new Map<string, Set<string>>();
  const all = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, id: string) =>
    map.set(key, (map.get(key) ?? new Set()).add(id));
  const receiver = { arrivals, failFirstAttempt: false } as WebhookReceiver;
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    request.on('end', () => {
      const webhookId = String(request.headers['webhook-id']);
      const body = JSON.parse(text) as { type: string; data: { conversationId: string } };
      const key = `${body.data.conversationId} ${body.type}`;
      const count = (arrivals.get(webhookId) ?? 0) + 1;
      arrivals.set(webhookId, count);
      add(all, key, webhookId);
      if (receiver.failFirstAttempt && count === 1) {
        response.writeHead(503).end();
        return;
      }
      add(accepted, key, webhookId);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.accepted = (conversationId, type) => [...(accepted.get(`${conversationId} ${type}`) ?? [])];
  receiver.idsOf = (conversationId, type) => [...(all.get(`${conversationId} ${type}`) ?? [])];
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
