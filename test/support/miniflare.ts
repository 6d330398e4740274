import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { convertV4MiniflareOptions, Log, LogLevel, Miniflare } from 'miniflare';
import { StoreConflictError, StoreUnavailableError } from '../../src/errors/index.js';
import type { Store } from '../../src/store/store.js';

const root = resolve(import.meta.dirname, '../..');

/** The compatibility date and flags of `wrangler.toml`, so tests run what deploys. */
export async function readWranglerCompatibility(): Promise<{ date: string; flags: string[] }> {
  const toml = await readFile(join(root, 'wrangler.toml'), 'utf8');
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  if (!date) throw new Error('wrangler.toml has no compatibility_date');
  const flagList = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1] ?? '';
  const flags = [...flagList.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
  return { date, flags };
}

/** The `minify` and `keep_names` of `wrangler.toml` (wrangler's defaults: false and true). */
export async function readWranglerMinify(): Promise<{ minify: boolean; keepNames: boolean }> {
  const toml = await readFile(join(root, 'wrangler.toml'), 'utf8');
  const flag = (key: string) =>
    /^(true|false)$/.exec(new RegExp(`^${key}\\s*=\\s*(\\S+)`, 'm').exec(toml)?.[1] ?? '')?.[1];
  return { minify: flag('minify') === 'true', keepNames: flag('keep_names') !== 'false' };
}

/**
 * Bundles a Worker entry the way wrangler does (ESM, workerd conditions, `cloudflare:*`
 * external, minified as `wrangler.toml` says) into a temp folder. Node built-ins are not
 * external, so an import of one in the Worker's graph fails the build.
 */
export async function buildWorker(entry: string): Promise<{ scriptPath: string; folder: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'handrail-worker-build-'));
  const scriptPath = join(folder, 'worker.mjs');
  const { minify, keepNames } = await readWranglerMinify();
  await build({
    minify,
    keepNames,
    entryPoints: [resolve(root, entry)],
    outfile: scriptPath,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2024',
    mainFields: ['workerd', 'worker', 'browser', 'module', 'main'],
    conditions: ['workerd', 'worker', 'browser', 'import', 'default'],
    external: ['cloudflare:*'],
    logLevel: 'silent',
    sourcemap: false,
  });
  return { scriptPath, folder };
}

/** Options of {@link startWorker}. */
export interface StartWorkerOptions {
  scriptPath: string;
  /** Folder where Durable Object storage is persisted; reuse it to restart over the same state. */
  persistDir?: string;
  /** Bind Handrail's Durable Object classes (the Worker must export them). @default true */
  durableObjects?: boolean;
  /** Plain-text bindings (vars and secrets). */
  bindings?: Record<string, string>;
}

/** A running Worker in workerd. */
export interface RunningWorker {
  /** Sends a request to the Worker over HTTP; `path` is relative to its origin. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  url: URL;
  miniflare: Miniflare;
  /** What the Worker wrote to the console. */
  logs: string[];
  dispose(): Promise<void>;
}

/** Starts a Worker built by {@link buildWorker} in Miniflare, by default with Handrail's Durable Object bindings. */
export async function startWorker({
  scriptPath,
  persistDir,
  durableObjects = true,
  bindings = {},
}: StartWorkerOptions): Promise<RunningWorker> {
  const { date, flags } = await readWranglerCompatibility();
  const logs: string[] = [];
  const miniflare = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      scriptPath,
      // Module names are paths relative to this root; a name that climbs out of it breaks workerd.
      modulesRoot: dirname(scriptPath),
      compatibilityDate: date,
      compatibilityFlags: flags,
      host: '127.0.0.1',
      port: 0,
      bindings,
      ...(durableObjects
        ? {
            durableObjects: {
              CONVERSATIONS: { className: 'ConversationObject', useSQLite: true },
              DIRECTORY: { className: 'DirectoryObject', useSQLite: true },
            },
          }
        : {}),
      ...(persistDir ? { resourcePersistencePath: persistDir } : {}),
      log: new Log(LogLevel.WARN),
      // The Worker's console output, kept for failing tests instead of printed.
      handleStructuredLogs: (entry) => {
        logs.push(`${entry.level}: ${entry.message}`);
      },
    }),
  );
  const url = await miniflare.ready;
  return {
    url,
    miniflare,
    logs,
    fetch: (path, init) => fetch(new URL(path, url), init),
    dispose: () => miniflare.dispose(),
  };
}

/** A fresh temp folder for persisted state, and a function that removes it. */
export async function makePersistDir(): Promise<{ persistDir: string; remove: () => Promise<void> }> {
  const persistDir = await mkdtemp(join(tmpdir(), 'handrail-worker-state-'));
  return { persistDir, remove: () => rm(persistDir, { recursive: true, force: true }) };
}

/**
 * A `Store` that forwards every call over HTTP to the fixture Worker
 * (`test/worker/fixtures/store-worker.ts`), where `createDurableObjectStore` runs (over
 * `directoryShards` directory objects when given).
 */
export function createRemoteStore(
  worker: Pick<RunningWorker, 'fetch'>,
  directoryName?: string,
  directoryShards?: number,
): Store {
  const call = async <T>(method: keyof Store, ...args: unknown[]): Promise<T> => {
    const response = await worker.fetch(`/__store/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(directoryName ? { 'x-directory-name': directoryName } : {}),
        ...(directoryShards ? { 'x-directory-shards': String(directoryShards) } : {}),
      },
      body: JSON.stringify(args),
    });
    const body = (await response.json()) as { result?: T; error?: string; conversationId?: string; message?: string };
    if (response.status === 409) throw new StoreConflictError({ conversationId: body.conversationId ?? '' });
    if (!response.ok) throw new StoreUnavailableError({ message: body.message ?? `HTTP ${response.status}` });
    return body.result as T;
  };
  return {
    getConversation: (id) => call('getConversation', id),
    putConversation: (conversation, expectedVersion, deliveries) =>
      call('putConversation', conversation, expectedVersion, deliveries ?? []),
    listConversations: (filter) => call('listConversations', filter ?? {}),
    enqueueDeliveries: (deliveries) => call('enqueueDeliveries', deliveries),
    dueDeliveries: (now, limit) => call('dueDeliveries', now.toISOString(), limit),
    updateDelivery: (delivery, expectedAttempts) => call('updateDelivery', delivery, expectedAttempts),
    listDeliveries: () => call('listDeliveries'),
    teamLoads: (filter) => call('teamLoads', filter ?? {}),
  };
}
