/** One Langfuse score, as the ingestion API's `score-create` body takes it. */
export interface LangfuseScore {
  /** Stable id: sending the same id again updates the score instead of adding one. */
  id: string;
  traceId: string;
  sessionId?: string;
  name: string;
  /** 0 or 1 for `BOOLEAN`, a number for `NUMERIC`, a string for `CATEGORICAL`. */
  value: number | string;
  dataType: 'BOOLEAN' | 'NUMERIC' | 'CATEGORICAL';
  comment?: string;
  environment?: string;
}

/** Options of {@link createLangfuseScoreClient}. */
export interface LangfuseScoreClientOptions {
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** @default 10000 */
  timeoutMs?: number;
  /** Clock for event timestamps. @default Date.now */
  now?: () => number;
}

/** Buffers scores and sends them in one ingestion batch on `flush()`. */
export interface LangfuseScoreClient {
  add(score: LangfuseScore): void;
  /** Sends buffered scores as one `POST /api/public/ingestion`. Never rejects; failed scores are dropped. */
  flush(): Promise<void>;
}

function basicAuth(publicKey: string, secretKey: string): string {
  const bytes = new TextEncoder().encode(`${publicKey}:${secretKey}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/**
 * A small Langfuse score sender over `fetch`. Scores are not OpenTelemetry data, so they go
 * to Langfuse's ingestion API (`score-create` events) rather than the OTLP endpoint.
 */
export function createLangfuseScoreClient(options: LangfuseScoreClientOptions): LangfuseScoreClient {
  const { baseUrl, publicKey, secretKey, timeoutMs = 10_000, now = Date.now } = options;
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const url = `${baseUrl.replace(/\/+$/, '')}/api/public/ingestion`;
  const authorization = basicAuth(publicKey, secretKey);
  let buffer: Array<{ id: string; type: 'score-create'; timestamp: string; body: LangfuseScore }> = [];

  return {
    add(score) {
      buffer.push({
        id: crypto.randomUUID(),
        type: 'score-create',
        timestamp: new Date(now()).toISOString(),
        body: score,
      });
    },
    async flush() {
      if (buffer.length === 0) return;
      const batch = buffer;
      buffer = [];
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await send(url, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify({ batch }),
          signal: controller.signal,
        });
        await response.arrayBuffer().catch(() => undefined);
      } catch {
        // Tracing never fails the chat: a lost score is acceptable.
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
