import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the test receiver answers: a status (with an optional body and headers), or never. */
export type ReceiverBehaviour = { status: number; body?: string; headers?: Record<string, string> } | 'hang';

/** One request the receiver got. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on 127.0.0.1 and a random port, whose answer the test switches. */
export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  respondWith(behaviour: ReceiverBehaviour): void;
  close(): Promise<void>;
}

export async function startReceiver(initial: ReceiverBehaviour = { status: 200, body: 'ok' }): Promise<Receiver> {
  let behaviour = initial;
  const requests: ReceivedRequest[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (behaviour === 'hang') {
        hanging.push(response);
        return;
      }
      response.writeHead(behaviour.status, { 'content-type': 'text/plain', ...behaviour.headers });
      response.end(behaviour.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests,
    respondWith(next) {
      behaviour = next;
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
