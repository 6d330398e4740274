import { langfuseBasicAuth } from './langfuse-basic-auth.js';

/**
 * One Langfuse score on a trace, as the public API's `POST /api/public/scores` takes it
 * (Langfuse accepts exactly one target per score: this client scores traces only).
 */
export interface LangfuseScore {
  /** Stable id: sending the same id again updates the score instead of adding one. */
  id: string;
  traceId: string;
  name: string;
  /** 0 or 1 for `BOOLEAN`, a number for `NUMERIC`, a string for `CATEGORICAL`. */
  value: number | string;
  dataType: 'BOOLEAN' | 'NUMERIC' | 'CATEGORICAL';
  comment?: string;
  environment?: string;
  metadata?: Record<string, unknown>;
}

/** Options of {@link createLangfuseScoreClient}. */
export interface LangfuseScoreClientOptions {
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Abort each request after this many milliseconds. @default 10000 */
  timeoutMs?: number;
}

/** Buffers scores and sends them on `flush()`. */
export interface LangfuseScoreClient {
  add(score: LangfuseScore): void;
  /** Sends every buffered score, one `POST /api/public/scores` each. Never rejects; failed scores are dropped. */
  flush(): Promise<void>;
}

/**
 * A small Langfuse score sender over `fetch`. Scores are not OpenTelemetry data, so they go to
 * Langfuse's public scores API (`POST /api/public/scores`, one score per request) rather than the
 * OTLP endpoint. Runs on Node and Workers.
 */
export function createLangfuseScoreClient(options: LangfuseScoreClientOptions): LangfuseScoreClient {
  const { baseUrl, publicKey, secretKey, timeoutMs = 10_000 } = options;
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const url = `${baseUrl.replace(/\/+$/, '')}/api/public/scores`;
  const headers = {
    authorization: langfuseBasicAuth(publicKey, secretKey),
    'content-type': 'application/json',
    'x-langfuse-public-key': publicKey,
  };
  let buffer: LangfuseScore[] = [];

  async function post(score: LangfuseScore): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await send(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(score),
        signal: controller.signal,
      });
      // Drain the body so the connection can be reused (and Workers does not warn).
      await response.arrayBuffer().catch(() => undefined);
    } catch {
      // Tracing never fails the chat: a lost score is acceptable.
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    add(score) {
      buffer.push(score);
    },
    async flush() {
      const scores = buffer;
      buffer = [];
      await Promise.all(scores.map(post));
    },
  };
}
