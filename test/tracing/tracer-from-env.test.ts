import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GuardDecision } from '../../src/guard/types.js';
import { noopTracer } from '../../src/tracing/tracer.js';
import { type FakeLangfuseServer, startFakeLangfuseServer } from '../support/fake-langfuse-server.js';

const decision: GuardDecision = { escalate: false, reasons: [], urgency: 'normal', signals: [] };

describe('createTracerFromEnv', () => {
  let server: FakeLangfuseServer;
  beforeEach(async () => {
    server = await startFakeLangfuseServer();
  });
  afterEach(async () => {
    await server.close();
    vi.doUnmock('../../src/tracing/langfuse-tracer.js');
    vi.resetModules();
  });

  it('returns noopTracer without keys, never loading the Langfuse module, and nothing is exported', async () => {
    let loaded = 0;
    vi.doMock('../../src/tracing/langfuse-tracer.js', () => {
      loaded += 1;
      return { createLangfuseTracer: () => ({ startTurn: () => undefined, flush: async () => {} }) };
    });
    const { createTracerFromEnv } = await import('../../src/tracing/langfuse.js');
    for (const env of [
      {},
      { LANGFUSE_PUBLIC_KEY: server.publicKey },
      { LANGFUSE_SECRET_KEY: server.secretKey, LANGFUSE_BASE_URL: server.baseUrl },
      { LANGFUSE_PUBLIC_KEY: '  ', LANGFUSE_SECRET_KEY: server.secretKey },
    ]) {
      const tracer = await createTracerFromEnv(env);
      expect(tracer).toBe(noopTracer);
      const turn = tracer.startTurn({ conversationId: 'c', userText: 'hi', turnIndex: 0 });
      expect(turn.telemetry).toBeUndefined();
      turn.guard('input', decision, 1);
      turn.end({ outcome: 'answered', output: 'hello' });
      await tracer.flush();
    }
    expect(loaded).toBe(0);
    expect(server.requests).toHaveLength(0);
  });

  it('builds the Langfuse tracer when both keys are set, exporting to LANGFUSE_BASE_URL', async () => {
    const { createTracerFromEnv } = await import('../../src/tracing/tracer-from-env.js');
    const tracer = await createTracerFromEnv(
      {
        LANGFUSE_PUBLIC_KEY: server.publicKey,
        LANGFUSE_SECRET_KEY: server.secretKey,
        LANGFUSE_BASE_URL: server.baseUrl,
        LANGFUSE_TRACING_ENVIRONMENT: 'staging',
      },
      { release: 'r1' },
    );
    expect(tracer).not.toBe(noopTracer);
    const turn = tracer.startTurn({ conversationId: 'conv-env', userText: 'hi', turnIndex: 0 });
    turn.end({ outcome: 'answered', output: 'hello' });
    await tracer.flush();
    const root = server.spans().find((span) => span.name === 'chat-turn');
    expect(root?.attributes['session.id']).toBe('conv-env');
    expect(root?.attributes['langfuse.environment']).toBe('staging');
    expect(root?.attributes['langfuse.release']).toBe('r1');
  });

  it('honours the legacy LANGFUSE_BASEURL name', async () => {
    const { createTracerFromEnv } = await import('../../src/tracing/tracer-from-env.js');
    const tracer = await createTracerFromEnv({
      LANGFUSE_PUBLIC_KEY: server.publicKey,
      LANGFUSE_SECRET_KEY: server.secretKey,
      LANGFUSE_BASEURL: `${server.baseUrl}/`,
    });
    tracer.startTurn({ conversationId: 'conv-legacy', userText: 'hi', turnIndex: 0 }).end({ outcome: 'answered' });
    await tracer.flush();
    expect(server.spans().map((span) => span.attributes['session.id'])).toEqual(['conv-legacy']);
  });

  it('keeps the tracing seam free of static Langfuse and OpenTelemetry imports', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const file of ['index.ts', 'langfuse.ts', 'tracer-from-env.ts', 'tracer.ts', 'load-langfuse-tracer.ts']) {
      const source = await readFile(new URL(`../../src/tracing/${file}`, import.meta.url), 'utf8');
      const valueImports = [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map(
        (match) => match[1],
      );
      for (const specifier of valueImports) {
        expect(specifier, `${file} imports ${specifier}`).not.toMatch(
          /^@langfuse\/|^@opentelemetry\/|^\.\/(langfuse-tracer|ai-sdk-telemetry|fetch-span-exporter|langfuse-attributes|langfuse-score-client|langfuse-turn|otlp-json)\.js$/,
        );
      }
    }
  });
});
