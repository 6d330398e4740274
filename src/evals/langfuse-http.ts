/** What one request to Langfuse came to, after its retries. */
export interface HttpOutcome {
  ok: boolean;
  status?: number;
  body: unknown;
  message: string;
}

/** How {@link createLangfusePost} sends and retries. */
export interface LangfusePostConfig {
  send: typeof fetch;
  /** Langfuse host, without a trailing slash. */
  baseUrl: string;
  publicKey: string;
  secretKey: string;
  timeoutMs: number;
  retries: number;
  sleep: (milliseconds: number) => Promise<void>;
  /** Called before each request is sent, retries included. */
  onRequest: () => void;
}

/** Posts a JSON payload to a path of Langfuse's public API; never rejects. */
export type LangfusePost = (path: string, payload: unknown) => Promise<HttpOutcome>;

/** What one attempt of a request came to; `retryAfterMs` when the server asked for a wait. */
interface Attempt {
  outcome?: HttpOutcome;
  status?: number;
  body: unknown;
  retryAfterMs?: number;
}

/**
 * A {@link LangfusePost} with basic auth, a timeout per request, and retries (after the
 * server's `retry-after`, at most 10 s, or 500 ms doubling) on network errors, timeouts, 429 and 5xx.
 */
export function createLangfusePost(config: LangfusePostConfig): LangfusePost {
  const authorization = basicAuth(config.publicKey, config.secretKey);
  return async (path, payload) => {
    const body = JSON.stringify(payload);
    for (let attempt = 0; ; attempt++) {
      config.onRequest();
      const result = await attemptPost(config, `${config.baseUrl}${path}`, authorization, body);
      if (result.outcome) return result.outcome;
      const { status } = result;
      const retryable = status === undefined || status === 429 || status >= 500;
      if (!retryable || attempt >= config.retries) {
        return {
          ok: false,
          ...(status === undefined ? {} : { status }),
          body: result.body,
          message: describeFailure(status, result.body),
        };
      }
      await config.sleep(result.retryAfterMs ?? 500 * 2 ** attempt);
    }
  };
}

/** One attempt: the outcome when it succeeded, else what failed (status and body). */
async function attemptPost(
  { send, timeoutMs }: LangfusePostConfig,
  url: string,
  authorization: string,
  body: string,
): Promise<Attempt> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let status: number | undefined;
  try {
    const response = await send(url, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body,
      signal: controller.signal,
    });
    status = response.status;
    const parsed = parseBody(await response.text());
    if (response.ok) return { outcome: { ok: true, status, body: parsed, message: '' }, body: parsed };
    const retryAfter = Number(response.headers.get('retry-after'));
    const retryAfterMs =
      Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 10_000) : undefined;
    return { status, body: parsed, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  } catch (error) {
    const message = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : (error as Error).message;
    return { ...(status === undefined ? {} : { status }), body: message };
  } finally {
    clearTimeout(timer);
  }
}

/** A response body as JSON, or as its text when it is not JSON; undefined when empty. */
function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

function basicAuth(publicKey: string, secretKey: string): string {
  const bytes = new TextEncoder().encode(`${publicKey}:${secretKey}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function describeFailure(status: number | undefined, body: unknown): string {
  const detail =
    body && typeof body === 'object' && 'message' in body && typeof body.message === 'string'
      ? body.message
      : typeof body === 'string'
        ? body.slice(0, 300)
        : '';
  const prefix = status === undefined ? 'request failed' : `HTTP ${status}`;
  const hint = status === 401 || status === 403 ? ' (check LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY and the host)' : '';
  return `${prefix}${detail ? `: ${detail}` : ''}${hint}`;
}
