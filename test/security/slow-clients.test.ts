import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandrailEngine } from '../../src/handrail.js';
import { nodeServerOptions } from '../../src/http/node-server-options.js';
import { createOfflineModel } from '../../src/model/index.js';

let close: (() => void) | undefined;
afterEach(() => close?.());

/** Handrail on a real Node server on 127.0.0.1 with short timeouts; returns its port. */
async function start(): Promise<number> {
  const engine = createHandrailEngine({ model: createOfflineModel(), conversationAuth: 'none', rateLimit: false });
  const server = serve({
    fetch: new Hono().route('/api', engine.app).fetch,
    port: 0,
    hostname: '127.0.0.1',
    serverOptions: nodeServerOptions({ headersTimeoutMs: 500, requestTimeoutMs: 1000 }),
  });
  await new Promise((resolve) => server.once('listening', resolve));
  close = () => {
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    server.close();
  };
  return (server.address() as AddressInfo).port;
}

/** Opens a raw connection, writes `head`, then `drip` every 100 ms; resolves with what the server sent and when it closed. */
function slowClient(port: number, head: string, drip?: string): Promise<{ reply: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let reply = '';
    const timer = drip ? setInterval(() => socket.writable && socket.write(drip), 100) : undefined;
    const guard = setTimeout(() => socket.destroy(new Error('the server never closed the connection')), 8000);
    socket.on('data', (chunk) => {
      reply += chunk.toString();
    });
    socket.on('error', (error) => {
      clearInterval(timer);
      clearTimeout(guard);
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || (error as NodeJS.ErrnoException).code === 'EPIPE')
        resolve({ reply, closedAfterMs: Date.now() - started });
      else reject(error);
    });
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(guard);
      resolve({ reply, closedAfterMs: Date.now() - started });
    });
  });
}

describe('slow and oversized clients on the Node server', () => {
  it('answers 408 and closes a connection whose headers never finish', async () => {
    const port = await start();
    const { reply, closedAfterMs } = await slowClient(port, 'POST /api/chat HTTP/1.1\r\nHost: x\r\n', 'x-slow: 1\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(4000);
  });

  it('answers 408 and closes a connection whose body is dribbled in', async () => {
    const port = await start();
    const head =
      'POST /api/chat HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{"id":"c';
    const { reply, closedAfterMs } = await slowClient(port, head, 'a');
    expect(reply).toMatch(/408/);
    expect(closedAfterMs).toBeLessThan(5000);
  });

  it('cuts a chunked body without content-length at the limit with a 413', async () => {
    const port = await start();
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Up to 64 MiB, far past the 256 KiB limit: the server must stop reading long before.
        if (sent >= 1024) return controller.close();
        sent++;
        controller.enqueue(new TextEncoder().encode(sent === 1 ? `{"messages":"${chunk}` : chunk));
      },
    });
    const response = await fetch(`http://127.0.0.1:${port}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(sent).toBeLessThan(1024);
  });
});
