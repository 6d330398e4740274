/**
 * The demo app on 127.0.0.1 (a free port) for the load test: prints `{"port":N}` once it
 * listens and exits when its standard input closes (the load test ended or died) or after
 * 30 minutes at most.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createDemoApp } from '../src/demo/demo-app.js';

// An empty environment: the offline model, whatever keys the shell has.
// The load client stands in for many users, each with its own address in X-Forwarded-For, as a
// load balancer in front of the service would report them.
const { app, engine } = createDemoApp({ env: {}, trustProxy: 1 });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});

async function stop() {
  server.close();
  (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  await engine.idle();
  process.exit(0);
}
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
setTimeout(stop, 30 * 60_000).unref();
