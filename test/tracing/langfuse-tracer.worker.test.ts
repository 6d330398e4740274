import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeLangfuseServer,
  type ReceivedSpan,
  startFakeLangfuseServer,
} from '../support/fake-langfuse-server.js';
import { buildWorker, type RunningWorker, startWorker } from '../support/miniflare.js';

let server: FakeLangfuseServer;
let worker: RunningWorker | undefined;
let scriptPath: string;
let buildFolder: string;

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
  await worker?.dispose();
  worker = await startWorker({ scriptPath, bindings, durableObjects: false });
}

beforeAll(async () => {
  server = await startFakeLangfuseServer();
  // Bundled as wrangler does (browser platform, workerd conditions): a Node built-in anywhere in the tracer's graph fails the build.
  ({ scriptPath, folder: buildFolder } = await buildWorker('test/tracing/fixtures/tracing-worker.ts'));
});

afterAll(async () => {
  await worker?.dispose();
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
    const response = await worker!.fetch('/?conversation=conv-w1&text=mail+me+at+ann%40example.com');
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
    const response = await worker!.fetch('/?conversation=conv-w2');
    expect(await response.json()).toEqual({ text: 'Hello from workerd.', tracing: false });
    // Let any stray waitUntil work finish before checking that nothing arrived.
    await worker?.dispose();
    worker = undefined;
    expect(server.requests.length).toBe(before);
  });
});
