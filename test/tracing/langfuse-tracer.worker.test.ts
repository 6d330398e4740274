import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { convertV4MiniflareOptions, Log, LogLevel, Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeLangfuseServer,
  type ReceivedSpan,
  startFakeLangfuseServer,
} from '../support/fake-langfuse-server.js';
import { readWranglerCompatibility } from '../support/miniflare.js';

let server: FakeLangfuseServer;
let miniflare: Miniflare | undefined;
let workerUrl: URL;
let scriptPath: string;
let buildFolder: string;

/**
 * Bundles the fixture exactly as wrangler 4 does: esbuild's default `browser` platform (wrangler
 * sets none), so packages' `browser` field maps apply, and the `workerd, worker, browser`
 * conditions. Node built-ins cannot be resolved on that platform, so an import of `node:http`
 * (or `util`, `fs`...) anywhere in the tracer's graph fails this build.
 *
 * (`buildWorker` in test/support/miniflare.ts uses the `neutral` platform, which ignores the
 * `browser` field: OpenTelemetry's own packages then resolve to their Node builds and do not
 * bundle, whatever Handrail's code does.)
 */
async function buildLikeWrangler(entry: string): Promise<string> {
  buildFolder = await mkdtemp(join(tmpdir(), 'handrail-tracing-worker-'));
  const outfile = join(buildFolder, 'worker.mjs');
  await build({
    entryPoints: [resolve(import.meta.dirname, '../..', entry)],
    outfile,
    bundle: true,
    format: 'esm',
    target: 'es2024',
    conditions: ['workerd', 'worker', 'browser'],
    external: ['cloudflare:*'],
    logLevel: 'silent',
  });
  return outfile;
}

/** Waits (bounded) until the fake server holds spans matching `predicate`: the export runs after the response. */
async function waitForSpans(predicate: (spans: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const spans = server.spans();
    if (predicate(spans)) return spans;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return server.spans();
}

async function start(bindings: Record<string, string>): Promise<void> {
  await miniflare?.dispose();
  const { date, flags } = await readWranglerCompatibility();
  miniflare = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      scriptPath,
      // Module names are taken relative to this root; the default (cwd) would need '..' to reach tmp.
      modulesRoot: buildFolder,
      compatibilityDate: date,
      compatibilityFlags: flags,
      host: '127.0.0.1',
      port: 0,
      bindings,
      log: new Log(LogLevel.WARN),
    }),
  );
  workerUrl = await miniflare.ready;
}

beforeAll(async () => {
  server = await startFakeLangfuseServer();
  scriptPath = await buildLikeWrangler('test/tracing/fixtures/tracing-worker.ts');
});

afterAll(async () => {
  await miniflare?.dispose();
  await server?.close();
  if (buildFolder) await rm(buildFolder, { recursive: true, force: true });
});

describe('Langfuse tracer on Workers (workerd)', () => {
  it('exports the turn with fetch from inside workerd, flushed through waitUntil', async () => {
    await start({
      LANGFUSE_PUBLIC_KEY: server.publicKey,
      LANGFUSE_SECRET_KEY: server.secretKey,
      LANGFUSE_BASE_URL: server.baseUrl,
    });
    const response = await fetch(new URL('/?conversation=conv-w1&text=mail+me+at+ann%40example.com', workerUrl));
    expect(await response.json()).toEqual({ text: 'Hello from workerd.', tracing: true });

    const spans = await waitForSpans((received) => received.some((span) => span.name === 'chat-turn'));
    const root = spans.find((span) => span.name === 'chat-turn');
    expect(root?.attributes['session.id']).toBe('conv-w1');
    expect(root?.attributes['langfuse.trace.input']).toBe('mail me at [email]');
    expect(root?.attributes['langfuse.environment']).toBe('workers');
    const generation = spans.find((span) => span.attributes['langfuse.observation.type'] === 'generation');
    expect(generation?.traceId).toBe(root?.traceId);
    expect(spans.find((span) => span.name === 'guard.input')?.parentSpanId).toBe(root?.spanId);
    expect(server.requests.every((request) => request.authorized)).toBe(true);
    for (let attempt = 0; attempt < 100 && server.scores().length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(server.scores()).toEqual([expect.objectContaining({ name: 'escalated', value: 0, traceId: root?.traceId })]);
  });

  it('sends nothing when the Worker has no Langfuse keys', async () => {
    const before = server.requests.length;
    await start({ LANGFUSE_BASE_URL: server.baseUrl });
    const response = await fetch(new URL('/?conversation=conv-w2', workerUrl));
    expect(await response.json()).toEqual({ text: 'Hello from workerd.', tracing: false });
    // Let any stray waitUntil work finish before checking that nothing arrived.
    await miniflare?.dispose();
    miniflare = undefined;
    expect(server.requests.length).toBe(before);
  });
});
