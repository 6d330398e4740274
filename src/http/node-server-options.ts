/** Options of {@link nodeServerOptions}. */
export interface NodeServerTimeouts {
  /** Longest time to receive a request's headers. @default 10000 */
  headersTimeoutMs?: number;
  /** Longest time to receive a whole request, body included. @default 30000 */
  requestTimeoutMs?: number;
  /**
   * How long an idle keep-alive connection stays open. Longer than a load balancer's idle
   * timeout (60 s on common ones), so the balancer's connections are reused rather than opened
   * again: under load a new connection waits far longer for its first answer than a kept one.
   * @default 65000
   */
  keepAliveTimeoutMs?: number;
}

/** The part of Node's `http.ServerOptions` that {@link nodeServerOptions} sets (typed here, so Workers builds need no Node types). */
export interface NodeServerOptions {
  keepAliveTimeout: number;
  headersTimeout: number;
  requestTimeout: number;
  connectionsCheckingInterval: number;
}

/**
 * Options for Node's HTTP server (`serve({ fetch, serverOptions: nodeServerOptions() })` from
 * `@hono/node-server`) that close slow clients: a request whose headers or body do not arrive
 * in time is answered 408 and its connection closed, so clients that dribble bytes cannot hold
 * the server's connections. Timeouts are checked every second (Node's default is 30 s).
 */
export function nodeServerOptions({
  headersTimeoutMs = 10_000,
  requestTimeoutMs = 30_000,
  keepAliveTimeoutMs = 65_000,
}: NodeServerTimeouts = {}): NodeServerOptions {
  return {
    keepAliveTimeout: keepAliveTimeoutMs,
    headersTimeout: headersTimeoutMs,
    requestTimeout: Math.max(requestTimeoutMs, headersTimeoutMs),
    connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
  };
}
